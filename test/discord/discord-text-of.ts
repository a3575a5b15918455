/** Helpers that read what a person would see in a stored message, and derive expectations from content. */
import type { ParsedDocument, ParsedSection, TableBlock } from '../../src/index.js';
import { unescapeMarkdown } from '../../adapters/discord/discord-text.js';
import type { StoredMessage } from './fake-discord-server.js';

/** Visible text of a message: content, embed titles, descriptions, fields and footers, Markdown removed. */
export function visibleText(message: Pick<StoredMessage, 'content' | 'embeds'>): string {
  const parts = [message.content];
  for (const embed of message.embeds) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name ?? '', field.value ?? '');
  }
  return plain(parts.join('\n'));
}

/** Drops quote markers, bold and escapes, and code fences. */
export function plain(markdown: string): string {
  return unescapeMarkdown(markdown.replace(/^> /gm, '').replace(/\*\*/g, '').replace(/```/g, ''));
}

/** Case- and accent-insensitive form for matching titles. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The section whose title contains `word` (the example queries name sections by a word of their title). */
export function sectionNamed(documents: readonly ParsedDocument[], word: string): { document: ParsedDocument; section: ParsedSection } {
  for (const document of documents) {
    for (const section of document.sections) {
      if (fold(section.title).split(/[^\p{L}\p{N}]+/u).includes(fold(word))) return { document, section };
    }
  }
  throw new Error(`no section titled with “${word}” in the test content`);
}

/** A section's opening passage: its first paragraph's first sentence. */
export function openingPassage(section: ParsedSection): string {
  const paragraph = section.blocks.find((block) => block.type === 'paragraph');
  if (!paragraph || paragraph.type !== 'paragraph') throw new Error(`section ${section.title} has no paragraph`);
  return paragraph.text.split(/(?<=[.!?])\s+/)[0]!;
}

/** The first table in the content. */
export function firstTable(documents: readonly ParsedDocument[]): TableBlock {
  for (const document of documents) {
    for (const section of document.sections) {
      const table = section.blocks.find((block): block is TableBlock => block.type === 'table');
      if (table) return table;
    }
  }
  throw new Error('no table in the test content');
}
