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
 * regression guards set about five points below what was measured on 2026-11-25:
 *
 *   set / split                 section@1  excerpt@1  oos refused  wrongly refused
 *   us-iran-oman-talks tune        80.0%      72.0%      100.0%          4.0%
 *   us-iran-oman-talks heldout     76.5%      68.6%       76.5%         13.7%
 *   nile-dam-talks tune            73.3%      66.7%       80.0%         13.3%
 *   nile-dam-talks heldout         89.5%      78.9%       71.4%         10.5%
 *
 * The small sets make one question worth 2 to 20 points, hence the margin. Raise them when the engine improves.
 */
export const FLOORS: Record<string, Partial<Record<Split, EvalFloors>>> = {
  'us-iran-oman-talks': {
    tune: { sectionAt1: 0.75, excerptAt1: 0.65, outOfScopeRefusal: 0.94, wronglyRefusedMax: 0.08 },
    heldout: { sectionAt1: 0.72, excerptAt1: 0.62, outOfScopeRefusal: 0.7, wronglyRefusedMax: 0.18 },
  },
  'nile-dam-talks': {
    tune: { sectionAt1: 0.66, excerptAt1: 0.6, outOfScopeRefusal: 0.8, wronglyRefusedMax: 0.2 },
    heldout: { sectionAt1: 0.84, excerptAt1: 0.73, outOfScopeRefusal: 0.71, wronglyRefusedMax: 0.16 },
  },
};

export function floorsFor(setName: string, split: Split): EvalFloors {
  return FLOORS[setName]?.[split] ?? ISSUE_BAR;
}
