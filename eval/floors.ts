/**
 * Floors the test suite holds the evaluation to (eval/eval.test.ts), per set and split, so a ranking
 * regression fails CI. They start at the issue's bar; the lead lowers or raises them to the measured
 * numbers (never above what is measured, never tuned on held-out failures). Rates are 0..1.
 */
import type { Split } from './score-eval.js';

export interface EvalFloors {
  /** Minimum share of in-scope questions whose first citation is in the expected section. */
  sectionAt1: number;
  /** Minimum share of in-scope questions whose first excerpt contains the expected words. */
  excerptAt1: number;
  /** Minimum share of out-of-scope questions answered `not_found`. */
  outOfScopeRefusal: number;
  /** Maximum share of in-scope questions answered `not_found`. */
  wronglyRefusedMax: number;
}

/** The issue's bar: 95% section@1, 90% excerpt@1, 90% out-of-scope refused, at most 2% wrongly refused. */
export const ISSUE_BAR: EvalFloors = {
  sectionAt1: 0.95,
  excerptAt1: 0.9,
  outOfScopeRefusal: 0.9,
  wronglyRefusedMax: 0.02,
};

/**
 * Floors per eval set name and split; a set or split missing here is held to ISSUE_BAR. The engine does not
 * reach the issue's bar (see eval/README.md for where each question type stands and why), so these are
 * regression guards set about five points below what was measured on 2026-11-25 (a floor already at the
 * measured figure stays there: one question is 14 to 20 points of a small out-of-scope split):
 *
 *   set / split                 section@1  excerpt@1  oos refused  wrongly refused
 *   us-iran-oman-talks tune        82.0%      72.0%      100.0%          0.0%
 *   us-iran-oman-talks heldout     78.4%      70.6%       76.5%         11.8%
 *   nile-dam-talks tune            80.0%      80.0%       80.0%          6.7%
 *   nile-dam-talks heldout         94.7%      84.2%       71.4%          0.0%
 *
 * Later on 2026-11-25 the tune splits grew (us-iran 67 → 93 questions, nile 20 → 31: paraphrases, typos and
 * out-of-scope questions written before the engine saw them) and a third set came in (balkan-power-talks,
 * 30 tune / 30 held-out); measured then, before any engine change:
 *
 *   us-iran-oman-talks tune        79.1%      70.1%       84.6%          3.0%
 *   nile-dam-talks tune            72.7%      72.7%       66.7%         13.6%
 *   balkan-power-talks tune        82.6%      82.6%       71.4%         13.0%
 *   balkan-power-talks heldout     90.9%      77.3%       62.5%          0.0%
 *
 * and after that day's engine changes (eval/README.md):
 *
 *   us-iran-oman-talks tune        79.1%      70.1%       92.3%          3.0%
 *   us-iran-oman-talks heldout     80.4%      70.6%       82.4%         11.8%
 *   nile-dam-talks tune            81.8%      81.8%       66.7%          9.1%
 *   nile-dam-talks heldout         94.7%      84.2%       71.4%          0.0%
 *   balkan-power-talks tune        82.6%      82.6%       71.4%          8.7%
 *   balkan-power-talks heldout     90.9%      81.8%       62.5%          0.0%
 *
 * In a third round the same day the tune splits grew again (us-iran 93 → 98, nile 31 → 36, balkan 30 → 36:
 * paraphrases with one everyday noun for the article's, and out-of-scope questions about roles and things the
 * articles never name, written before the engine saw them); measured after that round's engine changes
 * (held-out unchanged from the table above):
 *
 *   us-iran-oman-talks tune        76.8%      68.1%       89.7%          5.8%
 *   nile-dam-talks tune            75.0%      75.0%       66.7%         16.7%
 *   balkan-power-talks tune        76.9%      76.9%       80.0%         15.4%
 *
 * Later that day (names are not synonyms, initialisms of column names, noun senses after on/the; chosen on tune):
 *
 *   us-iran-oman-talks tune        76.8%      68.1%       93.1%          5.8%
 *   us-iran-oman-talks heldout     80.4%      70.6%       82.4%         13.7%
 *   (nile and balkan unchanged)
 *
 * A fourth set (arctic-shipping-talks, 36 tune / 35 held-out: our own Markdown article and its questions, written
 * and committed before the engine answered any of them), measured on first contact, no engine change:
 *
 *   arctic-shipping-talks tune     72.0%      68.0%       54.5%         24.0%
 *   arctic-shipping-talks heldout  83.3%      79.2%       36.4%          4.2%
 *
 * A fifth set (courantyne-border-talks, 35 tune / 32 held-out: our own plain-text wire story and its questions,
 * written and committed before the engine answered any of them), measured on first contact, no engine change:
 *
 *   courantyne-border-talks tune     64.0%    60.0%       50.0%         12.0%
 *   courantyne-border-talks heldout  81.8%    77.3%       50.0%          0.0%
 *
 * After the fourth round's engine changes (eval/README.md), the floors were raised to about five points below:
 *
 *   us-iran-oman-talks heldout     80.4%      70.6%       88.2%          9.8%
 *   nile-dam-talks tune            75.0%      75.0%       75.0%         12.5%
 *   balkan-power-talks tune        76.9%      76.9%       80.0%         11.5%
 *   balkan-power-talks heldout     90.9%      81.8%       75.0%          0.0%
 *   arctic-shipping-talks tune     84.0%      84.0%       72.7%          8.0%
 *   arctic-shipping-talks heldout  87.5%      83.3%       36.4%          4.2%
 *   courantyne-border-talks tune   72.0%      64.0%      100.0%         12.0%
 *   (the rest as measured above)
 *
 * A sixth set (lobito-corridor-talks, 38 tune / 37 held-out: our own Markdown explainer and its questions, written
 * and committed before the engine answered any of them), measured on first contact, no engine change:
 *
 *   lobito-corridor-talks tune     77.8%      74.1%       72.7%         14.8%
 *   lobito-corridor-talks heldout  73.1%      73.1%       45.5%         15.4%
 *
 * A seventh set (pacific-tuna-talks, 37 tune / 37 held-out), the first that loads a folder of several articles
 * together (three of our own on the same talks, one a day; articles and questions written and committed before the
 * engine answered any of them), measured on first contact, no engine change:
 *
 *   pacific-tuna-talks tune        46.2%      46.2%       45.5%          0.0%
 *   pacific-tuna-talks heldout     61.5%      61.5%       27.3%         15.4%
 *
 * After the fifth round's engine changes (eval/README.md), the floors were raised to about five points below:
 *
 *   us-iran-oman-talks tune        78.3%      69.6%       96.6%          5.8%
 *   us-iran-oman-talks heldout     82.4%      72.5%       88.2%          9.8%
 *   arctic-shipping-talks tune     92.0%      92.0%       72.7%          8.0%
 *   courantyne-border-talks tune   76.0%      68.0%      100.0%         12.0%
 *   pacific-tuna-talks tune        73.1%      69.2%       45.5%          0.0%
 *   pacific-tuna-talks heldout     73.1%      73.1%       27.3%         15.4%
 *   (the rest as measured above)
 *
 * An eighth set (trans-caspian-pipeline-talks, 40 tune / 40 held-out: our own plain-text live blog, time stamps as
 * headings, newest first, with a "Key points" summary; article and questions written and committed before the engine
 * answered any of them), measured on first contact, no engine change:
 *
 *   trans-caspian-pipeline-talks tune     64.3%   60.7%   41.7%   21.4%
 *   trans-caspian-pipeline-talks heldout  72.4%   69.0%   45.5%   13.8%
 *
 * After the sixth round's engine changes (eval/README.md), the floors were raised to about five points below where
 * figures rose:
 *
 *   lobito-corridor-talks tune            81.5%   77.8%   81.8%   11.1%
 *   lobito-corridor-talks heldout         76.9%   76.9%   63.6%   11.5%
 *   pacific-tuna-talks tune               76.9%   73.1%   63.6%    0.0%
 *   pacific-tuna-talks heldout            73.1%   73.1%   36.4%   15.4%
 *   trans-caspian-pipeline-talks tune     75.0%   67.9%   83.3%   10.7%
 *   trans-caspian-pipeline-talks heldout  75.9%   72.4%   54.5%   13.8%
 *   (the rest as measured above)
 *
 * The ninth set, asean-haze-talks (a plain-text analysis with numbered headings, an interview in Q:/A: lines, a
 * dated timeline and a 5-column table; article and questions committed in dbb2d96 before the engine answered any of
 * them), measured on first contact at that commit:
 *
 *   asean-haze-talks tune                 57.1%   42.9%   83.3%   21.4%
 *   asean-haze-talks heldout              67.9%   64.3%   66.7%   21.4%
 *
 * After the seventh round's engine changes (eval/README.md), the floors were raised to about five points below where
 * figures rose:
 *
 *   nile-dam-talks tune                   75.0%   75.0%   83.3%   12.5%
 *   nile-dam-talks heldout                94.7%   84.2%   85.7%    0.0%
 *   balkan-power-talks tune               76.9%   76.9%   90.0%   11.5%
 *   arctic-shipping-talks heldout         91.7%   87.5%   36.4%    4.2%
 *   courantyne-border-talks heldout       81.8%   77.3%   80.0%    0.0%
 *   lobito-corridor-talks tune            85.2%   81.5%   81.8%    7.4%
 *   pacific-tuna-talks heldout            76.9%   76.9%   63.6%   11.5%
 *   trans-caspian-pipeline-talks tune     75.0%   67.9%   83.3%    7.1%
 *   trans-caspian-pipeline-talks heldout  79.3%   75.9%   54.5%   10.3%
 *   asean-haze-talks tune                 75.0%   67.9%   83.3%    7.1%
 *   asean-haze-talks heldout              71.4%   71.4%   66.7%   17.9%
 *
 * The small sets make one question worth 2 to 20 points, hence the margin. Raise them when the engine improves.
 */
export const FLOORS: Record<string, Partial<Record<Split, EvalFloors>>> = {
  'us-iran-oman-talks': {
    tune: { sectionAt1: 0.73, excerptAt1: 0.64, outOfScopeRefusal: 0.91, wronglyRefusedMax: 0.11 },
    heldout: { sectionAt1: 0.77, excerptAt1: 0.67, outOfScopeRefusal: 0.82, wronglyRefusedMax: 0.15 },
  },
  'nile-dam-talks': {
    tune: { sectionAt1: 0.7, excerptAt1: 0.7, outOfScopeRefusal: 0.78, wronglyRefusedMax: 0.18 },
    heldout: { sectionAt1: 0.89, excerptAt1: 0.79, outOfScopeRefusal: 0.8, wronglyRefusedMax: 0.05 },
  },
  'balkan-power-talks': {
    tune: { sectionAt1: 0.72, excerptAt1: 0.72, outOfScopeRefusal: 0.85, wronglyRefusedMax: 0.17 },
    heldout: { sectionAt1: 0.85, excerptAt1: 0.76, outOfScopeRefusal: 0.7, wronglyRefusedMax: 0.05 },
  },
  'arctic-shipping-talks': {
    tune: { sectionAt1: 0.87, excerptAt1: 0.87, outOfScopeRefusal: 0.77, wronglyRefusedMax: 0.13 },
    heldout: { sectionAt1: 0.86, excerptAt1: 0.82, outOfScopeRefusal: 0.31, wronglyRefusedMax: 0.09 },
  },
  'courantyne-border-talks': {
    tune: { sectionAt1: 0.71, excerptAt1: 0.63, outOfScopeRefusal: 0.95, wronglyRefusedMax: 0.17 },
    heldout: { sectionAt1: 0.76, excerptAt1: 0.72, outOfScopeRefusal: 0.75, wronglyRefusedMax: 0.05 },
  },
  'lobito-corridor-talks': {
    tune: { sectionAt1: 0.83, excerptAt1: 0.8, outOfScopeRefusal: 0.76, wronglyRefusedMax: 0.09 },
    heldout: { sectionAt1: 0.71, excerptAt1: 0.71, outOfScopeRefusal: 0.58, wronglyRefusedMax: 0.16 },
  },
  'pacific-tuna-talks': {
    tune: { sectionAt1: 0.79, excerptAt1: 0.79, outOfScopeRefusal: 0.77, wronglyRefusedMax: 0.05 },
    heldout: { sectionAt1: 0.71, excerptAt1: 0.71, outOfScopeRefusal: 0.58, wronglyRefusedMax: 0.17 },
  },
  'trans-caspian-pipeline-talks': {
    tune: { sectionAt1: 0.7, excerptAt1: 0.62, outOfScopeRefusal: 0.78, wronglyRefusedMax: 0.13 },
    heldout: { sectionAt1: 0.74, excerptAt1: 0.7, outOfScopeRefusal: 0.49, wronglyRefusedMax: 0.16 },
  },
  'asean-haze-talks': {
    tune: { sectionAt1: 0.7, excerptAt1: 0.62, outOfScopeRefusal: 0.78, wronglyRefusedMax: 0.13 },
    heldout: { sectionAt1: 0.66, excerptAt1: 0.66, outOfScopeRefusal: 0.61, wronglyRefusedMax: 0.23 },
  },
  // First contact (no engine change): tune 67.9 / 60.7 / 66.7 / 14.3, held-out 71.4 / 67.9 / 100 / 3.6; after the
  // eighth round's changes tune 78.6 / 71.4 / 83.3 / 3.6.
  'mekong-water-talks': {
    tune: { sectionAt1: 0.73, excerptAt1: 0.66, outOfScopeRefusal: 0.78, wronglyRefusedMax: 0.09 },
    heldout: { sectionAt1: 0.66, excerptAt1: 0.63, outOfScopeRefusal: 0.95, wronglyRefusedMax: 0.09 },
  },
};

export function floorsFor(setName: string, split: Split): EvalFloors {
  return FLOORS[setName]?.[split] ?? ISSUE_BAR;
}
