import type { ParsedDocument, ParsedSection, TableBlock } from '../content/document-model.js';

/** The unit the engine retrieves and quotes: a sentence, a list item, or a table row. */
export interface Passage {
  /** `<documentIndex>:<sectionIndex>:<n>` — unique within one engine. */
  id: string;
  docIndex: number;
  sectionIndex: number;
  /** Order of the passage inside its section. */
  order: number;
  kind: 'sentence' | 'item' | 'row';
  /** Verbatim text as it appears in the article (for rows, the cells labelled by column). */
  text: string;
  /** Extra words that describe it without being quoted: a list's lead-in, a table's headers. */
  context: string;
  /** What is indexed as its text, when not the text itself (a row's cells, without the column labels). */
  indexText?: string;
  /** For list items and the sentence leading into a list: the lead-in and the items (to quote the whole list when short). */
  list?: { leadIn?: string; items: string[] };
  /** For table rows. */
  table?: { block: TableBlock; rowIndex: number };
}

/** At most this many characters in one quoted excerpt (about 500, per the product's answer format). */
export const MAX_EXCERPT_CHARS = 500;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A title written short before a name ('Dr. Amal Fathy', 'Lt. Gen. Petrov', 'St. Petersburg') ends no sentence. */
const TITLE_BEFORE_NAME = /(?:^|[\s(“"‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Cdr|Brig|Gov|Sen|Rep|Rev|Fr|St|Mt|Amb|Pres|Sec|Hon|Messrs|Mme)\.$/;
/** An initial or an initialism ('John F.', 'the U.S.', '5 p.m.') at the end of a piece… */
const INITIALS_AT_END = /(?:^|[^\p{L}.])(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Ll}\.(?:\p{Ll}\.)+)$/u;
/** …ends its sentence only when the next piece opens as a sentence does ('the U.S. The envoy…', not 'the U.S. Treasury'). */
const SENTENCE_OPENER = /^["“‘'(]?(?:The|A|An|It|Its|He|She|They|We|I|You|This|That|These|Those|There|Their|His|Her|Our|But|And|Or|So|Yet|In|On|At|For|From|With|By|As|After|Before|When|While|If|However|Meanwhile)\b/;

/** Splits a paragraph into sentences with the platform's Unicode segmenter; keeps characters verbatim. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const trimmed = segment.trim();
    if (!trimmed) continue;
    // The segmenter breaks after abbreviations followed by a capital: 'said Dr.' | 'Amal Fathy, a hydrologist…'
    // would quote half a name and lose the speaker. Rejoin after a title, and after an initial unless the next
    // piece opens a sentence (or when the piece is too short to be one: "The U.S.").
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && (continuesAfterAbbreviation(previous, trimmed) || continuesQuotation(previous, trimmed))) sentences[sentences.length - 1] = `${previous} ${trimmed}`;
    else sentences.push(...cutLong(trimmed));
  }
  return sentences;
}

/** Whether a piece of text ends on a title written short before a name ('…said Dr.'): no sentence ends there. */
export function endsOnTitle(text: string): boolean {
  return TITLE_BEFORE_NAME.test(text);
}

function continuesAfterAbbreviation(previous: string, next: string): boolean {
  if (endsOnTitle(previous)) return true;
  if (!INITIALS_AT_END.test(previous)) return false;
  return previous.length < 12 || !SENTENCE_OPENER.test(next);
}

/** Switches of passage building, measured on the evaluation set (eval/ablate.ts). */
export const PASSAGE_OPTIONS = {
  /**
   * A quotation of several sentences is one passage with its attribution ("“A fire has an address. We are asking
   * for the address book,” Singapore’s minister … told reporters"), up to an excerpt's length: cut after its first
   * sentence, the speaker's opening words lose their speaker.
   */
  quotationsWhole: true,
};

/** Whether the piece so far leaves a quotation open (more “ than ”, or an odd number of ") and the next piece fits with it. */
function continuesQuotation(previous: string, next: string): boolean {
  if (!PASSAGE_OPTIONS.quotationsWhole || previous.length + next.length + 1 > MAX_EXCERPT_CHARS) return false;
  const count = (pattern: RegExp) => previous.match(pattern)?.length ?? 0;
  return count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}

/**
 * The code and patterns that cut sentences and word table rows, for the index snapshot's key (a restored engine
 * replays the recorded cuts and keeps the passages' texts).
 */
export const PASSAGE_TEXT_CODE: readonly unknown[] = [formatRow, splitSentences, endsOnTitle, continuesAfterAbbreviation, continuesQuotation, PASSAGE_OPTIONS, cutLong, TITLE_BEFORE_NAME, INITIALS_AT_END, SENTENCE_OPENER];

/** A sentence longer than an excerpt may be is cut at clause boundaries, never inside a word. */
function cutLong(sentence: string): string[] {
  if (sentence.length <= MAX_EXCERPT_CHARS) return [sentence];
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_EXCERPT_CHARS) {
    const window = rest.slice(0, MAX_EXCERPT_CHARS);
    let cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '), window.lastIndexOf(' — '));
    if (cut < MAX_EXCERPT_CHARS / 3) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = MAX_EXCERPT_CHARS;
    parts.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** A table row as text, each cell labelled by its column; `firstColumn` puts the asked-about cell first. */
export function formatRow(columns: string[], row: string[], firstColumn?: number): string {
  const order = columns.map((_, index) => index);
  if (firstColumn !== undefined && firstColumn > 0 && firstColumn < columns.length) {
    order.splice(firstColumn, 1);
    order.unshift(firstColumn);
  }
  // A column without a name (a table's blank top-left corner over its row labels) labels nothing: its cell stands alone.
  return order.map((index) => (columns[index] ? `${columns[index]}: ${row[index] ?? ''}` : (row[index] ?? ''))).join('; ');
}

/**
 * Cuts a document's sections into passages, in reading order. `split` cuts a paragraph into
 * sentences (a restored engine replays the splits recorded at build time: see sentence-splits.ts).
 */
export function buildPassages(documents: ParsedDocument[], split: (text: string) => string[] = splitSentences): Passage[] {
  return [...eachPassage(documents, split)];
}

/** The passages of every document, section by section, made as they are read and not kept. */
export function* eachPassage(documents: ParsedDocument[], split: (text: string) => string[] = splitSentences): IterableIterator<Passage> {
  for (let docIndex = 0; docIndex < documents.length; docIndex++) {
    const sections = (documents[docIndex] as ParsedDocument).sections;
    for (let sectionIndex = 0; sectionIndex < sections.length; sectionIndex++) yield* buildSectionPassages(sections[sectionIndex] as ParsedSection, docIndex, sectionIndex, split);
  }
}

/** The passages of one section, in order (what buildPassages does for each section). */
export function buildSectionPassages(section: ParsedSection, docIndex: number, sectionIndex: number, split: (text: string) => string[] = splitSentences): Passage[] {
  const out: Passage[] = [];
  // Written out rather than spread: a million passages at archive scale, and spreading made each one a slow dictionary object.
  const add = (passage: Omit<Passage, 'id' | 'docIndex' | 'sectionIndex' | 'order'>) => {
    const order = out.length;
    const full: Passage = { id: `${docIndex}:${sectionIndex}:${order}`, docIndex, sectionIndex, order, kind: passage.kind, text: passage.text, context: passage.context };
    if (passage.indexText !== undefined) full.indexText = passage.indexText;
    if (passage.list !== undefined) full.list = passage.list;
    if (passage.table !== undefined) full.table = passage.table;
    out.push(full);
  };
  let lastSentence: string | undefined;
  for (const block of section.blocks) {
    if (block.type === 'paragraph') {
      for (const sentence of split(block.text)) {
        add({ kind: 'sentence', text: sentence, context: '' });
        lastSentence = sentence;
      }
    } else if (block.type === 'list') {
      const leadIn = lastSentence && /:\s*$/.test(lastSentence) ? lastSentence : undefined;
      const list = { ...(leadIn ? { leadIn } : {}), items: block.items };
      // The sentence leading into the list ("two articles remain open:") is quoted with it, as its items are.
      const leadInPassage = out[out.length - 1];
      if (leadIn && leadInPassage?.kind === 'sentence' && leadInPassage.text === leadIn) leadInPassage.list = list;
      for (const item of block.items) add({ kind: 'item', text: item, context: leadIn ?? '', list });
    } else {
      const leadIn = lastSentence ?? '';
      block.rows.forEach((row, rowIndex) => {
        add({ kind: 'row', text: formatRow(block.columns, row), indexText: row.join(' '), context: `${block.columns.join(' ')} ${leadIn}`, table: { block, rowIndex } });
      });
    }
  }
  return out;
}

/** "By Maria Georgiou and Mehmet Yilmaz, Desk", "Updated 14 March 2026, 18:05 GMT": a short line naming the writers or the time. */
export function isByline(text: string): boolean {
  if (text.length > BYLINE_MAX_CHARS) return false;
  if (/^(?:updated|published|posted|last updated|first published)\b/i.test(text)) return true;
  // "By" and names only: "By Friday, negotiators had agreed…" is a sentence.
  const words = text.replace(/^by\s+/i, '').split(/[\s,]+/).filter(Boolean);
  return /^by\s/i.test(text) && !/[.!?]$/.test(text) && words.every((word) => /^\p{Lu}/u.test(word) || BYLINE_JOINERS.has(word.toLowerCase()));
}

/**
 * An editor's note, a correction or a disclaimer opening a section ("Editor's note: This article was updated…"):
 * about the article, not what it reports, so a section or a summary starts after it as after a byline.
 */
export function isEditorsNote(text: string): boolean {
  return /^(?:editor['’]?s['’]? notes?|notes? to editors|corrections?|clarifications?|disclaimer|disclosure)\s*:/i.test(text);
}

/** Words a byline's names are joined and placed with ("By Ana Ruiz and Li Wei in Geneva"). */
const BYLINE_JOINERS = new Set(['and', '&', 'in', 'for', 'of', 'the', 'at']);

/** Longest line taken for a byline or time stamp. */
const BYLINE_MAX_CHARS = 120;

/**
 * The lead-in label of a list item or a paragraph's sentence ("Bigeye" of "Bigeye: the longline limit falls…", "The
 * fee" of "The fee: DR Congo wants…"): a short phrase and a colon opening it. Table rows have none (their cells are
 * labelled by column).
 */
export function leadInLabel(passage: Passage): string | undefined {
  return passage.kind === 'row' ? undefined : /^([^:.!?]{1,40}):\s/.exec(passage.text)?.[1];
}
