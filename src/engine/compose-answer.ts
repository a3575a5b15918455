import type { Answer, AnswerAction, AnswerTable, Citation, SectionRef } from '../answer/answer-schema.js';
import { renderAnswerText } from '../answer/render-text.js';
import { foldText } from '../text/fold-text.js';
import { analysisOptionsKey, termsOfWord } from '../text/analyze-terms.js';
import type { EngineContext } from './engine-context.js';
import { formatRow, MAX_EXCERPT_CHARS, type Passage } from './passages.js';
import type { LocatedTable } from './table-match.js';

export type AnswerDraft = Omit<Answer, 'text' | 'query' | 'related' | 'outlines' | 'examples' | 'notices' | 'actions'> &
  Partial<Pick<Answer, 'related' | 'outlines' | 'examples' | 'notices' | 'actions' | 'resolvedQuery'>>;

/** Completes a draft into an Answer: defaults, the plain-text rendering, the original query. */
export function finishAnswer(query: string, draft: AnswerDraft): Answer {
  const full = { related: [], outlines: [], examples: [], notices: [], actions: [], ...draft, query };
  return { ...full, text: renderAnswerText(full) };
}

export function sectionRef(ctx: EngineContext, docIndex: number, sectionIndex: number): SectionRef {
  const document = ctx.documents[docIndex];
  const section = document?.sections[sectionIndex];
  return { documentId: document?.documentId ?? '', documentTitle: document?.title ?? '', sectionId: section?.sectionId ?? '', sectionTitle: section?.title ?? '' };
}

const WORD = /[\p{L}\p{N}]+(?:['’‑-][\p{L}\p{N}]+)*/gu;

/** How many excerpts' word lists matchedWords keeps (a few MB at most; cleared whole when full). */
export const EXCERPT_WORDS_CACHE_SIZE = 2_000;
const excerptWordsCache = new Map<string, ReadonlyArray<readonly [string, readonly string[]]>>();
let excerptWordsOptions = '';

/** The distinct words of an excerpt, as written, each with its index terms; remembered per excerpt text. */
function excerptWords(excerpt: string): ReadonlyArray<readonly [string, readonly string[]]> {
  // An ablation switching stemming or stop words changes every word's terms: start afresh.
  const options = analysisOptionsKey();
  if (options !== excerptWordsOptions) {
    excerptWordsCache.clear();
    excerptWordsOptions = options;
  }
  let words = excerptWordsCache.get(excerpt);
  if (words) return words;
  const seen = new Map<string, readonly string[]>();
  for (const [word] of excerpt.matchAll(WORD)) if (!seen.has(word)) seen.set(word, termsOfWord(foldText(word).toLowerCase()));
  words = [...seen];
  if (excerptWordsCache.size >= EXCERPT_WORDS_CACHE_SIZE) excerptWordsCache.clear();
  excerptWordsCache.set(excerpt, words);
  return words;
}

/**
 * The words of an excerpt, as written, whose index terms are among `terms` (renderers may bold them). An
 * answer quotes the same passages again and again (a section's opening, the positions table), so each
 * excerpt's words and terms are worked out once: this was a third of a section answer's CPU.
 */
export function matchedWords(excerpt: string, terms: Set<string>): string[] {
  if (terms.size === 0) return [];
  const out: string[] = [];
  for (const [word, wordTerms] of excerptWords(excerpt)) if (wordTerms.some((term) => terms.has(term))) out.push(word);
  return out;
}

/** What to quote for a passage: a list item with its lead-in and siblings when the list is short. */
export function excerptOf(passage: Passage, firstColumn?: number): string {
  if (passage.table) return formatRow(passage.table.block.columns, passage.table.block.rows[passage.table.rowIndex] ?? [], firstColumn);
  if (passage.list) {
    const whole = [passage.list.leadIn, ...passage.list.items.map((item) => `- ${item}`)].filter(Boolean).join('\n');
    if (whole.length <= MAX_EXCERPT_CHARS) return whole;
  }
  return passage.text;
}

export function citationOf(ctx: EngineContext, passage: Passage, terms: Set<string>, firstColumn?: number): Citation {
  const document = ctx.documents[passage.docIndex];
  const excerpt = excerptOf(passage, firstColumn);
  return {
    ...sectionRef(ctx, passage.docIndex, passage.sectionIndex),
    excerpt,
    ...(document?.url ? { url: document.url } : {}),
    ...(document?.asOf ? { asOf: document.asOf } : {}),
    matched: matchedWords(excerpt, terms),
  };
}

export function answerTable(ctx: EngineContext, table: LocatedTable): AnswerTable {
  const document = ctx.documents[table.docIndex];
  return {
    ...sectionRef(ctx, table.docIndex, table.sectionIndex),
    tableId: table.block.tableId,
    columns: table.block.columns,
    rows: table.block.rows,
    ...(document?.url ? { url: document.url } : {}),
    ...(document?.asOf ? { asOf: document.asOf } : {}),
  };
}

/** Button tokens: `more:<doc hash>:<section id>:<next passage>` and `pos:<doc hash>:<table id>`, at most 90 characters. */
export function moreAction(ctx: EngineContext, docIndex: number, sectionIndex: number, next: number): AnswerAction | undefined {
  const section = ctx.documents[docIndex]?.sections[sectionIndex];
  if (!section || next >= ctx.passagesOf(docIndex, sectionIndex).length) return undefined;
  const token = `more:${ctx.docHashes[docIndex]}:${section.sectionId}:${next}`;
  return token.length <= 90 ? { kind: 'more', label: 'More from this section', token } : undefined;
}

export function positionsAction(ctx: EngineContext, table: LocatedTable | undefined): AnswerAction | undefined {
  if (!table) return undefined;
  return { kind: 'positions', label: 'Show positions', token: `pos:${ctx.docHashes[table.docIndex]}:${table.block.tableId}` };
}
