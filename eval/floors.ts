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

/** Floors per eval set name and split; a set or split missing here is held to ISSUE_BAR. */
export const FLOORS: Record<string, Partial<Record<Split, EvalFloors>>> = {
  'us-iran-oman-talks': { tune: ISSUE_BAR, heldout: ISSUE_BAR },
  'nile-dam-talks': { tune: ISSUE_BAR, heldout: ISSUE_BAR },
};

export function floorsFor(setName: string, split: Split): EvalFloors {
  return FLOORS[setName]?.[split] ?? ISSUE_BAR;
}
