import type { Answer, SectionRef } from '../../src/index.js';
import { BlockBudget, sectionBlock, type SlackBlock } from './block-budget.js';
import { MAX_SECTION_TEXT_CHARS } from './limits.js';
import { escapeMrkdwn, escapeWithin } from './mrkdwn.js';
import { TITLE_CHARS } from './render-citations.js';
import { splitToFit, truncateAtWord } from './text-split.js';

export function renderOutlines(budget: BlockBudget, answer: Answer, cut: string[]): void {
  if (answer.outlines.length === 0) renderParagraphs(budget, answer.text, cut);
  for (let index = 0; index < answer.outlines.length; index += 1) {
    const outline = answer.outlines[index];
    if (!outline) continue;
    const items = outline.sections.map((section) => section.sectionTitle);
    for (const table of outline.tables) items.push(`Table in ${table.sectionTitle}: ${table.columns.join(' · ')}`);
    if (!renderList(budget, `:page_facing_up: *${escapeWithin(outline.documentTitle, TITLE_CHARS)}*`, items, cut, `sections of ${outline.documentTitle}`)) {
      const left = answer.outlines.length - index - 1;
      if (left > 0) cut.push(`${left} more ${left === 1 ? 'document' : 'documents'} not listed`);
      return;
    }
  }
}

export function renderRefs(budget: BlockBudget, label: string, refs: readonly SectionRef[], cut: string[]): void {
  if (refs.length === 0) return;
  renderList(budget, `*${label}:*`, refs.map(refLabel), cut, label.toLowerCase());
}

export function refLabel(ref: SectionRef): string {
  return `${ref.documentTitle} › ${ref.sectionTitle}`;
}

/**
 * The core's plain text minus the bullet lines that repeat a list we render ourselves (examples, related
 * sections), and minus that list's heading line (`…:`) when it ends the remaining text.
 */
export function withoutListedLines(text: string, items: readonly string[]): { text: string; hadHeading: boolean } {
  const listed = new Set(items.map((item) => item.trim()));
  const lines = text.split('\n').filter((line) => {
    const bullet = /^\s*(?:[•*-]|\d+[.)])\s+(.*)$/.exec(line);
    return !(bullet && listed.has((bullet[1] ?? '').trim()));
  });
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const last = (lines[lines.length - 1] ?? '').trim();
  const removed = lines.length < text.split('\n').length;
  if (removed && /^[^.!?]{0,40}:$/.test(last)) {
    lines.pop();
    return { text: lines.join('\n'), hadHeading: false };
  }
  return { text: lines.join('\n'), hadHeading: removed && last.endsWith(':') };
}

/** A titled bullet list split into sections at item boundaries. Returns false when it had to cut. */
export function renderList(budget: BlockBudget, title: string, items: readonly string[], cut: string[], what: string): boolean {
  if (items.length === 0) return true;
  let text = title;
  let shown = 0;
  const blocks: SlackBlock[] = [];
  for (const item of items) {
    const line = `\n• ${escapeWithin(item, TITLE_CHARS)}`;
    if (text.length + line.length > MAX_SECTION_TEXT_CHARS) {
      blocks.push(sectionBlock(text));
      text = line.slice(1);
    } else text = text ? text + line : line.slice(1);
    shown += 1;
  }
  blocks.push(sectionBlock(text));
  for (let kept = blocks.length; kept > 0; kept -= 1) {
    if (budget.tryAdd(...blocks.slice(0, kept))) {
      if (kept < blocks.length) {
        cut.push(`some ${what} not shown`);
        return false;
      }
      return shown === items.length;
    }
  }
  cut.push(`${what} not shown`);
  return false;
}

export function renderParagraphs(budget: BlockBudget, text: string, cut: string[]): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const pieces = splitToFit(trimmed, (piece) => escapeMrkdwn(piece).length <= MAX_SECTION_TEXT_CHARS);
  for (const piece of pieces) {
    if (!budget.tryAdd(sectionBlock(escapeMrkdwn(piece)))) {
      cut.push('the rest of the text not shown');
      return;
    }
  }
}
