/**
 * Pure scoring for the evaluation: question model, expected-kind rule, per-question verdicts and
 * summaries. No I/O and no engine, so the unit test can score a hand-made Answer.
 * The rules are written down in eval/README.md; change both together.
 */
import { z } from 'zod';
import type { Answer, AnswerKind } from '../src/index.js';

export const QUESTION_TYPES = ['direct', 'paraphrase', 'misspelt', 'table', 'keyword', 'out_of_scope', 'followup'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SPLITS = ['tune', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

const ExpectableKindSchema = z.enum(['answer', 'positions', 'section', 'sections', 'help', 'not_found']);

/** One line of a question set (JSONL). */
export const EvalQuestionSchema = z
  .object({
    id: z.string().min(1),
    q: z.string(),
    type: z.enum(QUESTION_TYPES),
    thread: z.string().min(1).optional(),
    expectKind: ExpectableKindSchema.optional(),
    expectSection: z.string().min(1).optional(),
    expectExcerpt: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((question, ctx) => {
    const kind = expectedKind(question);
    if (kind === 'not_found') {
      if (question.expectSection || question.expectExcerpt) ctx.addIssue({ code: 'custom', message: 'an out-of-scope question has no expectSection/expectExcerpt' });
    } else if (!question.expectSection || !question.expectExcerpt) {
      ctx.addIssue({ code: 'custom', message: 'an in-scope question needs expectSection and expectExcerpt' });
    }
    if (question.type === 'followup' && !question.thread) ctx.addIssue({ code: 'custom', message: 'a followup question needs a thread id' });
  });
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/**
 * The kind a question expects: its `expectKind`, else by type (out_of_scope → not_found,
 * keyword → section, everything else → answer).
 */
export function expectedKind(question: Pick<EvalQuestion, 'type' | 'expectKind'>): AnswerKind {
  if (question.expectKind) return question.expectKind;
  if (question.type === 'out_of_scope') return 'not_found';
  if (question.type === 'keyword') return 'section';
  return 'answer';
}

/**
 * Kinds accepted for an expected kind. A plain question (`answer`) may also be answered with its
 * section (`section`, opening passage first): the citation checks decide whether that was right.
 * Every other expectation must be met exactly.
 */
export function acceptedKinds(expected: AnswerKind): readonly AnswerKind[] {
  return expected === 'answer' ? ['answer', 'section'] : [expected];
}

/**
 * Folds text for the excerpt comparison only: case, Unicode hyphens and dashes to `-`, curly quotes to
 * straight ones, no-break and other spaces to one space, accents dropped. Written here rather than
 * imported from the core so the evaluation does not share the engine's own normalisation.
 */
export function foldForCompare(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\u00AD/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** True when `haystack` contains `needle` after folding both. */
export function containsFolded(haystack: string, needle: string): boolean {
  return foldForCompare(haystack).includes(foldForCompare(needle));
}

/** What came back, reduced to what the report shows. */
export interface GotSummary {
  kind: AnswerKind;
  section?: string;
  excerpt?: string;
  resolvedQuery?: string;
}

export interface QuestionResult {
  id: string;
  q: string;
  type: QuestionType;
  split: Split;
  thread?: string;
  expectedKind: AnswerKind;
  inScope: boolean;
  kindOk: boolean;
  /** null when not applicable (out-of-scope questions). */
  sectionOk: boolean | null;
  excerptOk: boolean | null;
  /** The answer was `not_found`. */
  refused: boolean;
  /** Every applicable check passed. */
  passed: boolean;
  expectSection?: string;
  expectExcerpt?: string;
  got: GotSummary;
}

/** The section the answer puts first: its first citation, or for a table answer without citations, the table's. */
function firstSection(answer: Answer): string | undefined {
  return answer.citations[0]?.sectionTitle ?? (answer.kind === 'positions' ? answer.table?.sectionTitle : undefined);
}

function tableText(answer: Answer): string {
  if (!answer.table) return '';
  return [answer.table.columns.join(' | '), ...answer.table.rows.map((row) => row.join(' | '))].join('\n');
}

/**
 * Scores one answer against its question.
 * - section@1: the first citation's sectionTitle equals expectSection exactly.
 * - excerpt@1: the first citation's excerpt contains expectExcerpt (folded). For a question that expects
 *   `positions`, the whole table is the answer, so its cells count as well as the first citation.
 * - Out-of-scope questions only check the kind (`not_found`).
 */
export function scoreAnswer(question: EvalQuestion, split: Split, answer: Answer): QuestionResult {
  const expected = expectedKind(question);
  const inScope = expected !== 'not_found';
  const refused = answer.kind === 'not_found';
  const kindOk = acceptedKinds(expected).includes(answer.kind);
  const first = answer.citations[0];
  let sectionOk: boolean | null = null;
  let excerptOk: boolean | null = null;
  if (inScope) {
    sectionOk = !refused && question.expectSection !== undefined && firstSection(answer) === question.expectSection;
    const needle = question.expectExcerpt ?? '';
    const inFirst = !refused && first !== undefined && containsFolded(first.excerpt, needle);
    const inTable = expected === 'positions' && answer.kind === 'positions' && containsFolded(tableText(answer), needle);
    excerptOk = inFirst || inTable;
  }
  const passed = kindOk && sectionOk !== false && excerptOk !== false;
  return {
    id: question.id,
    q: question.q,
    type: question.type,
    split,
    ...(question.thread ? { thread: question.thread } : {}),
    expectedKind: expected,
    inScope,
    kindOk,
    sectionOk,
    excerptOk,
    refused,
    passed,
    ...(question.expectSection ? { expectSection: question.expectSection } : {}),
    ...(question.expectExcerpt ? { expectExcerpt: question.expectExcerpt } : {}),
    got: {
      kind: answer.kind,
      ...(firstSection(answer) !== undefined ? { section: firstSection(answer) } : {}),
      ...(first ? { excerpt: first.excerpt } : {}),
      ...(answer.resolvedQuery !== undefined ? { resolvedQuery: answer.resolvedQuery } : {}),
    },
  };
}

/** A rate with its counts; `rate` is null when nothing was measured. */
export interface Rate {
  hits: number;
  of: number;
  rate: number | null;
}

function rate(hits: number, of: number): Rate {
  return { hits, of, rate: of === 0 ? null : hits / of };
}

export interface Metrics {
  count: number;
  inScope: number;
  outOfScope: number;
  sectionAt1: Rate;
  excerptAt1: Rate;
  /** Share of out-of-scope questions answered `not_found`. */
  outOfScopeRefusal: Rate;
  /** Share of in-scope questions answered `not_found` (lower is better). */
  wronglyRefused: Rate;
  kindAccuracy: Rate;
  passed: Rate;
}

/** Aggregates results: section@1 and excerpt@1 over in-scope questions, refusal over out-of-scope ones. */
export function computeMetrics(results: readonly QuestionResult[]): Metrics {
  const inScope = results.filter((r) => r.inScope);
  const outOfScope = results.filter((r) => !r.inScope);
  return {
    count: results.length,
    inScope: inScope.length,
    outOfScope: outOfScope.length,
    sectionAt1: rate(inScope.filter((r) => r.sectionOk === true).length, inScope.length),
    excerptAt1: rate(inScope.filter((r) => r.excerptOk === true).length, inScope.length),
    outOfScopeRefusal: rate(outOfScope.filter((r) => r.refused).length, outOfScope.length),
    wronglyRefused: rate(inScope.filter((r) => r.refused).length, inScope.length),
    kindAccuracy: rate(results.filter((r) => r.kindOk).length, results.length),
    passed: rate(results.filter((r) => r.passed).length, results.length),
  };
}

export interface SplitReport {
  split: Split;
  overall: Metrics;
  byType: Partial<Record<QuestionType, Metrics>>;
}

/** Metrics for one split, overall and per question type (types in QUESTION_TYPES order). */
export function summarizeSplit(split: Split, results: readonly QuestionResult[]): SplitReport {
  const byType: Partial<Record<QuestionType, Metrics>> = {};
  for (const type of QUESTION_TYPES) {
    const ofType = results.filter((r) => r.type === type);
    if (ofType.length > 0) byType[type] = computeMetrics(ofType);
  }
  return { split, overall: computeMetrics(results), byType };
}

/** Parses a JSONL question set; throws naming the file and line of the first bad line. Blank lines are skipped. */
export function parseQuestionSet(text: string, file: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not valid JSON: ${(error as Error).message}`);
    }
    const parsed = EvalQuestionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}:${index + 1}: ${issue?.path.join('.') || 'question'}: ${issue?.message ?? 'invalid'}`);
    }
    if (ids.has(parsed.data.id)) throw new Error(`${file}:${index + 1}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    questions.push(parsed.data);
  });
  return questions;
}
