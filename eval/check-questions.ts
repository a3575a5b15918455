/**
 * Sanity checks on a question set against the loaded articles, so a typo in a question file shows up
 * as a question problem rather than as an engine failure.
 */
import type { ParsedDocument, ParsedSection } from '../src/index.js';
import { containsFolded, expectedKind, type EvalQuestion } from './score-eval.js';

/** The issue asks for a short expected substring: 2 to 6 words. */
export const EXCERPT_MIN_WORDS = 2;
export const EXCERPT_MAX_WORDS = 6;

/** All of a section's text: paragraphs, list items, and table rows (cells joined). */
export function sectionText(section: ParsedSection): string[] {
  return section.blocks.flatMap((block) => {
    if (block.type === 'paragraph') return [block.text];
    if (block.type === 'list') return block.items;
    return [block.columns.join(' | '), ...block.rows.map((row) => row.join(' | '))];
  });
}

/** Returns one message per problem: unknown section, excerpt not found in that section, excerpt length. */
export function checkQuestionSet(questions: readonly EvalQuestion[], documents: readonly ParsedDocument[]): string[] {
  const problems: string[] = [];
  const sections = documents.flatMap((document) => document.sections);
  for (const question of questions) {
    if (expectedKind(question) === 'not_found') continue;
    const { expectSection, expectExcerpt } = question;
    const matching = sections.filter((section) => section.title === expectSection);
    if (matching.length === 0) {
      problems.push(`${question.id}: no section titled "${expectSection}"`);
      continue;
    }
    if (expectExcerpt === undefined) continue;
    const words = expectExcerpt.trim().split(/\s+/).length;
    if (words < EXCERPT_MIN_WORDS || words > EXCERPT_MAX_WORDS) {
      problems.push(`${question.id}: expectExcerpt has ${words} words (keep ${EXCERPT_MIN_WORDS}-${EXCERPT_MAX_WORDS})`);
    }
    const found = matching.some((section) => sectionText(section).some((text) => containsFolded(text, expectExcerpt)));
    if (!found) problems.push(`${question.id}: "${expectExcerpt}" is not in section "${expectSection}"`);
  }
  return problems;
}
