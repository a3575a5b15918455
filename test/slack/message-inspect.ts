import type { ParsedDocument, TableBlock } from '../../src/index.js';

type Block = Record<string, unknown>;

/** Every text string in a message's blocks (mrkdwn and plain text, table cells, button labels). */
export function blockTexts(blocks: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'text' && typeof item === 'string') out.push(item);
        else walk(item);
      }
    }
  };
  walk(blocks);
  return out;
}

/** The rows of the message's table block, as cell texts (header first). */
export function tableRows(blocks: unknown): string[][] | undefined {
  const table = (blocks as Block[] | undefined)?.find((block) => block.type === 'table');
  return (table?.rows as { text: string }[][] | undefined)?.map((row) => row.map((cell) => cell.text));
}

/** The quoted excerpts of a message, with our mrkdwn undone (quote marks, bold, entities). */
export function quotedExcerpts(blocks: unknown): string[] {
  return ((blocks as Block[] | undefined) ?? [])
    .filter((block) => block.type === 'section' && typeof (block.text as { text?: string } | undefined)?.text === 'string')
    .map((block) => (block.text as { text: string }).text)
    .filter((text) => text.startsWith('>'))
    .map(unMrkdwn);
}

export function unMrkdwn(text: string): string {
  return text
    .replace(/^> ?/gm, '')
    .replace(/\*/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Citation lines (`document › section`) of a message. */
export function sourceLines(blocks: unknown): string[] {
  return ((blocks as Block[] | undefined) ?? [])
    .filter((block) => block.type === 'context')
    .flatMap((block) => (block.elements as { text: string }[]).map((element) => element.text))
    .filter((text) => text.includes(' › '));
}

export function buttons(blocks: unknown): { action_id: string; value: string; text: { text: string } }[] {
  return ((blocks as Block[] | undefined) ?? []).filter((block) => block.type === 'actions').flatMap((block) => block.elements as never[]);
}

/** All the article text the core could quote (paragraphs, list items, table cells), whitespace-normalised. */
export function articleText(documents: ParsedDocument[]): string {
  const parts: string[] = [];
  for (const document of documents)
    for (const section of document.sections)
      for (const block of section.blocks) {
        if (block.type === 'paragraph') parts.push(block.text);
        else if (block.type === 'list') parts.push(...block.items);
        else parts.push(...block.columns, ...block.rows.flat());
      }
  return normalise(parts.join('\n'));
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function firstTable(documents: ParsedDocument[]): { document: ParsedDocument; table: TableBlock } | undefined {
  for (const document of documents)
    for (const section of document.sections)
      for (const block of section.blocks) if (block.type === 'table') return { document, table: block };
  return undefined;
}

/** The section with the most paragraphs (a good target for "tell me more"). */
export function richestSection(documents: ParsedDocument[]): { document: ParsedDocument; title: string; sectionId: string } {
  let best: { document: ParsedDocument; title: string; sectionId: string; count: number } | undefined;
  for (const document of documents)
    for (const section of document.sections) {
      const count = section.blocks.filter((block) => block.type === 'paragraph').length + section.blocks.filter((b) => b.type === 'list').length;
      const sentences = section.blocks.map((b) => (b.type === 'paragraph' ? b.text.split(/[.!?]\s/).length : 0)).reduce((a, b) => a + b, 0);
      const score = count * 100 + sentences;
      if (!best || score > best.count) best = { document, title: section.title, sectionId: section.sectionId, count: score };
    }
  if (!best) throw new Error('no sections');
  return best;
}
