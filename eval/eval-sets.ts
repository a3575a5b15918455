/** The question sets the evaluation runs, and where each one's articles come from. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Split } from './score-eval.js';

/** The repository root (eval/ sits directly under it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface EvalSetDefinition {
  /** Also the question files' prefix: eval/questions/<name>.<split>.jsonl. */
  name: string;
  /** Where the articles come from (repo-relative): a folder loaded as is, or one article file loaded on its own. */
  content: { dir: string } | { file: string };
}

export const EVAL_SETS: readonly EvalSetDefinition[] = [
  // The shipped article, loaded the way the bot loads it.
  { name: 'us-iran-oman-talks', content: { dir: 'content' } },
  // Our own second article in another style (Markdown, front matter, 4-column table), in a folder of its own.
  { name: 'nile-dam-talks', content: { file: 'test/fixtures/articles/nile-dam-talks.md' } },
  // A third article of our own, plain text like the shipped one (a lede under a headline, a heading ending in
  // `?`, a table without outer pipes whose columns are two parties and a mediator's proposal).
  { name: 'balkan-power-talks', content: { file: 'test/fixtures/articles/balkan-power-talks.txt' } },
  // A fourth article of our own, Markdown in another style (the front matter's title over a lede with no `#`
  // heading, `###` subsections, a numbered list, a 5-column table of four governments), written with its
  // questions before the engine saw it.
  { name: 'arctic-shipping-talks', content: { file: 'test/fixtures/articles/arctic-shipping-talks.md' } },
  // A fifth article of our own, plain text as a reporter pastes a wire story (a dateline lede, a label heading
  // ending in a colon, an ALL CAPS heading over a `•` list, a 3-column table with outer pipes: an issue and two
  // parties), written with its questions before the engine saw it.
  { name: 'courantyne-border-talks', content: { file: 'test/fixtures/articles/courantyne-border-talks.txt' } },
  // A sixth article of our own, a Markdown explainer ("What we know about…": `##` headings that are questions,
  // bold lead-in paragraphs, a `>` block quote, inline links, a numbered list, a 4-column table of an issue, two
  // parties and where the item stands), written with its questions before the engine saw it.
  { name: 'lobito-corridor-talks', content: { file: 'test/fixtures/articles/lobito-corridor-talks.md' } },
  // The first folder of several articles, loaded together as a desk's content/ grows: three of our own on the same
  // talks, one a day (plain text with a pipe table; Markdown with front matter and a 5-column positions table;
  // a Markdown deal report), facts updated from day to day, written with their questions before the engine saw them.
  { name: 'pacific-tuna-talks', content: { dir: 'test/fixtures/articles/pacific-tuna-talks' } },
  // An eighth article of our own, a plain-text live blog (a "Last updated" line, a "Key points" bullet summary,
  // timestamped entries newest first whose time stamps are headings of their own, some with a headline:
  // "15:45 GMT — Route agreed"; a 4-column table of an issue, two parties and the host's compromise), written with
  // its questions before the engine saw it.
  { name: 'trans-caspian-pipeline-talks', content: { file: 'test/fixtures/articles/trans-caspian-pipeline-talks.txt' } },
  // A ninth article of our own, a plain-text analysis piece (a dateline lede, numbered Title Case headings:
  // "1. What Was Agreed"; an interview in Q:/A: lines, each question a heading of its own; a "Timeline" of dated
  // `- ` bullets; a 5-column table of an issue and four governments), written with its questions before the engine
  // saw it.
  { name: 'asean-haze-talks', content: { file: 'test/fixtures/articles/asean-haze-talks.txt' } },
  // A tenth article of our own, a Markdown wire report (front matter, a `#` headline over an italic standfirst and a
  // byline line, `###` subsections under `##` sections, a "Key numbers" list, a 3-column positions table of an issue
  // and two parties and a second, 4-column table of dams that is no positions table), written with its questions
  // before the engine saw it.
  { name: 'mekong-water-talks', content: { file: 'test/fixtures/articles/mekong-water-talks.md' } },
];

export function questionFile(name: string, split: Split): string {
  return resolve(REPO_ROOT, 'eval', 'questions', `${name}.${split}.jsonl`);
}
