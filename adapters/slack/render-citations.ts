import type { Citation, SectionRef } from '../../src/index.js';
import { BlockBudget, contextBlock, sectionBlock, type SlackBlock } from './block-budget.js';
import { MAX_SECTION_TEXT_CHARS } from './limits.js';
import { escapeMrkdwn, escapeWithin, formatLink, formatQuote } from './mrkdwn.js';
import { splitToFit, truncateAtWord } from './text-split.js';

/** Longest document or section title shown in a citation line. */
export const TITLE_CHARS = 300;

/** The citation line under an excerpt: document › section, the article's link, the date it was filed. */
export function renderSourceLine(source: SectionRef & { url?: string; asOf?: string }): string {
  const parts = [`:page_facing_up: *${escapeWithin(source.documentTitle, TITLE_CHARS)}* › ${escapeWithin(source.sectionTitle, TITLE_CHARS)}`];
  const link = source.url ? formatLink(source.url, 'article') : undefined;
  if (link) parts.push(link);
  const date = source.asOf?.slice(0, 10);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) parts.push(`as of ${date}`);
  return parts.join(' · ');
}

/** One excerpt as quote texts, each within a section's limit (split between sentences, never inside a word). */
function quotePieces(citation: Citation): string[] {
  const pieces = splitToFit(citation.excerpt.trim(), (piece) => formatQuote(piece, citation.matched).length <= MAX_SECTION_TEXT_CHARS);
  return pieces.map((piece) => formatQuote(piece, citation.matched));
}

/** Packs quotes into as few sections as fit; a blank line between excerpts makes Slack show separate quotes. */
function packQuotes(quotes: readonly string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let text = '';
  for (const quote of quotes) {
    if (text && text.length + 2 + quote.length <= MAX_SECTION_TEXT_CHARS) text += `\n\n${quote}`;
    else {
      if (text) blocks.push(sectionBlock(text));
      text = quote;
    }
  }
  if (text) blocks.push(sectionBlock(text));
  return blocks;
}

/**
 * The excerpts, best first. Consecutive excerpts from the same section share one citation line under them.
 * What does not fit is cut at an excerpt boundary (or, for a single huge excerpt, between its passages),
 * and the message says how much is missing.
 */
export function renderCitations(budget: BlockBudget, citations: readonly Citation[], cut: string[]): void {
  const groups: Citation[][] = [];
  for (const citation of citations) {
    const last = groups[groups.length - 1];
    const previous = last?.[0];
    if (last && previous && sourceKey(previous) === sourceKey(citation)) last.push(citation);
    else groups.push([citation]);
  }
  let shown = 0;
  for (const group of groups) {
    const quotes = group.map(quotePieces);
    const context = contextBlock([renderSourceLine(group[0] as Citation)]);
    // The most excerpts of this group that fit with their citation line (binary search: fitting is monotonic).
    let low = 0;
    let high = group.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (budget.fits(...packQuotes(quotes.slice(0, mid).flat()), context)) low = mid;
      else high = mid - 1;
    }
    const fitted = low > 0 && budget.tryAdd(...packQuotes(quotes.slice(0, low).flat()), context) ? low : 0;
    shown += fitted;
    if (fitted === group.length) continue;
    if (fitted === 0) {
      // Keep as much of this excerpt as fits, passage by passage, with its citation.
      const pieces = quotes[0] ?? [];
      for (let kept = pieces.length - 1; kept > 0; kept -= 1) {
        if (budget.tryAdd(...packQuotes(pieces.slice(0, kept)), context)) {
          cut.push('the last excerpt is shortened');
          shown += 1;
          break;
        }
      }
    }
    break;
  }
  const left = citations.length - shown;
  if (left > 0) cut.push(`${left} more ${left === 1 ? 'excerpt' : 'excerpts'} not shown`);
}

function sourceKey(citation: Citation): string {
  return [citation.documentId, citation.sectionId, citation.url ?? '', citation.asOf ?? ''].join('\u0000');
}
