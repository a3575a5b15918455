/**
 * The bench's fixed query mixes: questions, misspelt words, keywords, table questions and
 * out-of-scope questions, drawn deterministically from the synthetic archive (by regenerating a
 * sample of its articles) or from whatever content is loaded. Nothing here names a particular article.
 */
import type { ParsedDocument } from '../src/index.js';
import { FUNCTION_WORDS, OUT_OF_SCOPE_QUERIES, QUESTION_OPENERS } from './archive-vocabulary.js';
import { DEFAULT_SEED, generateArticle, type ArticleMeta } from './generate-archive.js';
import { createRandom, mixSeed, type Random } from './seeded-random.js';

export type QueryType = 'question' | 'misspelt' | 'keyword' | 'table' | 'out_of_scope' | 'command';

export interface BenchQuery {
  type: QueryType;
  query: string;
}

const FUNCTION = new Set(FUNCTION_WORDS);
const MISSPELL_MIN = 5;

/** Introduces one typo a reporter might make: a dropped, doubled or swapped letter. */
export function misspell(word: string, random: Random): string {
  if (word.length < MISSPELL_MIN) return word;
  const at = random.int(1, word.length - 3);
  switch (random.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.charAt(at) + word.slice(at);
    default:
      return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  }
}

const contentWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word.length >= 4 && !FUNCTION.has(word));

/** Up to `count` distinct words of a passage, in their order, picked at random. */
function someWords(random: Random, text: string, count: number): string[] {
  const words = [...new Set(contentWords(text))];
  const picked: string[] = [];
  while (picked.length < count && words.length > 0) picked.push(words.splice(random.int(0, words.length - 1), 1)[0] as string);
  return picked;
}

const sideOf = (column: string) => column.split(/\s+/)[0]?.toLowerCase() ?? column.toLowerCase();

function queryFor(type: QueryType, meta: ArticleMeta, random: Random): string | undefined {
  switch (type) {
    case 'question': {
      const words = someWords(random, random.pick(meta.passages), random.int(2, 3));
      return `${random.pick(QUESTION_OPENERS)} ${random.pick(meta.names).toLowerCase()} ${words.join(' ')}`;
    }
    case 'misspelt': {
      const words = someWords(random, random.pick(meta.passages), 3);
      const at = words.findIndex((word) => word.length >= MISSPELL_MIN);
      if (at >= 0) words[at] = misspell(words[at] as string, random);
      return words.join(' ');
    }
    case 'keyword':
      return random.chance(0.5) ? random.pick(meta.names).toLowerCase() : random.pick(meta.sectionTitles).toLowerCase().replace(/[:?]/g, '');
    case 'table': {
      if (!meta.table) return undefined;
      const side = sideOf(random.pick(meta.table.columns.slice(1)));
      const row = random.pick(meta.table.rowLabels).toLowerCase();
      return random.chance(0.5) ? `what does ${side} want on ${row}` : `${side} stance on ${row}`;
    }
    default:
      return undefined;
  }
}

const ARCHIVE_TYPES: QueryType[] = ['question', 'misspelt', 'keyword', 'table', 'out_of_scope'];

/**
 * `count` queries over an archive of `articles` articles, cycling through the types; articles are
 * sampled across the whole archive so a larger archive is asked about its far end too.
 */
export function archiveQueryMix(articles: number, count = 150, seed = DEFAULT_SEED): BenchQuery[] {
  const random = createRandom(mixSeed(seed, 0xbe7c4));
  const metas = new Map<number, ArticleMeta>();
  const queries: BenchQuery[] = [];
  let outOfScope = 0;
  for (let i = 0; queries.length < count && i < count * 4; i++) {
    const type = ARCHIVE_TYPES[i % ARCHIVE_TYPES.length] as QueryType;
    if (type === 'out_of_scope') {
      queries.push({ type, query: OUT_OF_SCOPE_QUERIES[outOfScope++ % OUT_OF_SCOPE_QUERIES.length] as string });
      continue;
    }
    const index = random.int(0, articles - 1);
    let meta = metas.get(index);
    if (!meta) {
      meta = generateArticle(index, seed).meta;
      metas.set(index, meta);
    }
    const query = queryFor(type, meta, random);
    if (query) queries.push({ type, query });
  }
  return queries;
}

/** Sentences, list items and table rows of loaded documents, as plain text. */
function passagesOf(document: ParsedDocument): string[] {
  const passages: string[] = [];
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.type === 'paragraph') passages.push(...block.text.split(/(?<=[.!?])\s+/));
      else if (block.type === 'list') passages.push(...block.items);
      else passages.push(...block.rows.map((row) => row.join(' ')));
    }
  }
  return passages.filter((text) => contentWords(text).length >= 3);
}

/**
 * A fixed mix over whatever content is loaded: section keywords, questions and misspellings from
 * its passages, questions about its tables' rows and columns, commands, and out-of-scope questions.
 */
export function contentQueryMix(documents: readonly ParsedDocument[], count = 120, seed = DEFAULT_SEED): BenchQuery[] {
  const random = createRandom(mixSeed(seed, 0xc047e));
  const queries: BenchQuery[] = [];
  const commands = ['positions', 'sections', 'help', 'compare the positions'];
  for (let i = 0; queries.length < count && i < count * 4 && documents.length > 0; i++) {
    const document = random.pick(documents);
    const passages = passagesOf(document);
    const type: QueryType = (['question', 'misspelt', 'keyword', 'table', 'out_of_scope', 'command'] as const)[i % 6] as QueryType;
    if (type === 'out_of_scope') {
      queries.push({ type, query: OUT_OF_SCOPE_QUERIES[i % OUT_OF_SCOPE_QUERIES.length] as string });
    } else if (type === 'command') {
      queries.push({ type, query: commands[i % commands.length] as string });
    } else if (type === 'keyword') {
      const words = contentWords(random.pick(document.sections).title);
      if (words.length > 0) queries.push({ type, query: random.pick(words) });
    } else if (type === 'table') {
      const tables = document.sections.flatMap((section) => section.blocks.filter((block) => block.type === 'table'));
      const table = tables.length > 0 ? random.pick(tables) : undefined;
      if (table && table.type === 'table' && table.columns.length > 1 && table.rows.length > 0) {
        const side = sideOf(random.pick(table.columns.slice(1)));
        const row = (random.pick(table.rows)[0] ?? '').toLowerCase();
        queries.push({ type, query: random.chance(0.5) ? `what does ${side} want on ${row}` : `${side} stance on ${row}` });
      }
    } else if (passages.length > 0) {
      const words = someWords(random, random.pick(passages), 3);
      if (type === 'misspelt') {
        const at = words.findIndex((word) => word.length >= MISSPELL_MIN);
        if (at >= 0) words[at] = misspell(words[at] as string, random);
        queries.push({ type, query: words.join(' ') });
      } else {
        queries.push({ type, query: `${random.pick(QUESTION_OPENERS)} ${words.join(' ')}` });
      }
    }
  }
  return queries;
}
