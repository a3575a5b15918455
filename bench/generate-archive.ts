/**
 * A deterministic synthetic archive for the bench: N articles in the formats the core reads (plain
 * text with headings, paragraphs, `- ` bullets and pipe tables; Markdown with front matter), about
 * 1,350 words each in ~45-word passages, with Zipf-like word frequencies (function words very
 * common, news words in the middle, a long tail of made-up rare names and terms). Each article also
 * has a few topic names and terms of its own, as real articles do, which the query mix asks about.
 *
 * Article i depends only on (seed, i), so any article can be regenerated alone.
 *
 * @example
 * const articles = generateArchive({ articles: 3, seed: 7 }); // [{ fileName, text, meta }, …]
 * await writeArchive('.cache/bench/archive', { articles: 1000 });
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FUNCTION_WORDS,
  HEADING_WORDS,
  NEWS_WORDS,
  OUT_OF_SCOPE_QUERIES,
  TABLE_EXTRA_COLUMNS,
  TABLE_FIRST_COLUMNS,
  TABLE_SIDE_SUFFIXES,
} from './archive-vocabulary.js';
import { createRandom, createZipfSampler, mixSeed, type Random } from './seeded-random.js';

/** Bump when the output changes, so cached archives are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261124;
const TAIL_NAMES = 12_000;
const TAIL_TERMS = 38_000;
const ZIPF_EXPONENT = 1.07;

export interface ArchiveOptions {
  articles: number;
  seed?: number;
  /** Target words per article (default 1,350). */
  wordsPerArticle?: number;
}

/** What the query mix needs to know about an article without parsing it. */
export interface ArticleMeta {
  title: string;
  /** Capitalised names specific to this article (people, places). */
  names: string[];
  /** Rare lowercase terms specific to this article. */
  terms: string[];
  sectionTitles: string[];
  /** Passages as written (paragraphs and bullet items), to draw questions from. */
  passages: string[];
  table?: { columns: string[]; rowLabels: string[] };
  words: number;
}

export interface GeneratedArticle {
  fileName: string;
  text: string;
  meta: ArticleMeta;
}

interface Vocabulary {
  /** All words by frequency rank. */
  ranked: string[];
  names: string[];
  terms: string[];
  isFunctionWord: Set<string>;
  /** Draws a rank: a band first (function, news or tail words, in the shares of news copy), then Zipf within it. */
  sample: (random: Random) => number;
}

/** Shares of tokens: function words, news words, the rare tail (roughly those of English news copy). */
const BAND_SHARES = [0.46, 0.32, 0.22] as const;

const SYLLABLES = `ka ri to mel van dor sha li zu ne bar qu os tem ra vi lo den gha ur is pel ko nam tiv el sar ju mo fen dri al
ba ce tor wen ha ly mir gos pa ti ven ro sul ik ta bre no zim er fa lun dak se hor mi ab ul go rev ta ny ol cas de vun ze kor`
  .split(/\s+/)
  .filter(Boolean);

const vocabularies = new Map<number, Vocabulary>();

/** The seeded vocabulary: real function and news words, then made-up names and terms. */
function vocabularyFor(seed: number): Vocabulary {
  const cached = vocabularies.get(seed);
  if (cached) return cached;
  const random = createRandom(mixSeed(seed, 0x5eed));
  const known = new Set<string>([...FUNCTION_WORDS, ...NEWS_WORDS, ...HEADING_WORDS]);
  const forbidden = new Set(OUT_OF_SCOPE_QUERIES.join(' ').split(/\s+/));
  const made = (syllables: number) => Array.from({ length: syllables }, () => random.pick(SYLLABLES)).join('');
  const unique = (count: number, min: number, max: number, capitalise: boolean) => {
    const words: string[] = [];
    while (words.length < count) {
      const word = made(random.int(min, max));
      if (word.length < 4 || known.has(word) || forbidden.has(word)) continue;
      known.add(word);
      words.push(capitalise ? word.charAt(0).toUpperCase() + word.slice(1) : word);
    }
    return words;
  };
  const names = unique(TAIL_NAMES, 2, 3, true);
  const terms = unique(TAIL_TERMS, 2, 4, false);
  // Interleave names and terms in the tail so both have common and rare members.
  const tail: string[] = [];
  for (let n = 0, t = 0; n < names.length || t < terms.length; ) {
    if (t < terms.length) tail.push(terms[t++] as string);
    if (t < terms.length) tail.push(terms[t++] as string);
    if (t < terms.length) tail.push(terms[t++] as string);
    if (n < names.length) tail.push(names[n++] as string);
  }
  const ranked = [...FUNCTION_WORDS, ...NEWS_WORDS, ...tail];
  const vocabulary: Vocabulary = {
    ranked,
    names,
    terms,
    isFunctionWord: new Set(FUNCTION_WORDS),
    sample: bandedSampler([FUNCTION_WORDS.length, NEWS_WORDS.length, tail.length]),
  };
  vocabularies.set(seed, vocabulary);
  return vocabulary;
}

function bandedSampler(sizes: number[]): (random: Random) => number {
  const samplers = sizes.map((size) => createZipfSampler(size, ZIPF_EXPONENT));
  const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((sum, size) => sum + size, 0));
  return (random) => {
    const roll = random.next();
    const band = roll < BAND_SHARES[0] ? 0 : roll < BAND_SHARES[0] + BAND_SHARES[1] ? 1 : 2;
    return (offsets[band] ?? 0) + (samplers[band] as (random: Random) => number)(random);
  };
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

interface Topic {
  names: string[];
  terms: string[];
}

function sentence(random: Random, vocabulary: Vocabulary, topic: Topic, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = random.next();
    let word: string;
    if (roll < 0.035) word = random.pick(topic.names);
    else if (roll < 0.07) word = random.pick(topic.terms);
    else word = vocabulary.ranked[vocabulary.sample(random)] as string;
    if (words.length > 2 && i < length - 2 && random.chance(0.06)) words[words.length - 1] += ',';
    words.push(word);
  }
  words[0] = titleCase(words[0] ?? 'The');
  return `${words.join(' ')}.`;
}

/** A passage of ~45 words: two to four sentences. */
function passage(random: Random, vocabulary: Vocabulary, topic: Topic, target = 45): string {
  const sentences: string[] = [];
  let words = 0;
  const goal = target + random.int(-8, 8);
  while (words < goal) {
    const length = Math.min(random.int(9, 24), Math.max(6, goal - words));
    sentences.push(sentence(random, vocabulary, topic, length));
    words += length;
  }
  return sentences.join(' ');
}

function heading(random: Random, topic: Topic, used: Set<string>): string {
  for (;;) {
    const words = Array.from({ length: random.int(1, 3) }, () => titleCase(random.pick(HEADING_WORDS)));
    if (random.chance(0.35)) words.push(random.pick(topic.names));
    let text = words.join(' ');
    if (random.chance(0.25)) text = `${titleCase(random.pick(HEADING_WORDS))}: ${text}`;
    else if (random.chance(0.1)) text = `What Next for ${random.pick(topic.names)}?`;
    if (!used.has(text)) {
      used.add(text);
      return text;
    }
  }
}

function table(random: Random, vocabulary: Vocabulary, topic: Topic): { columns: string[]; rows: string[][] } {
  const sides = random.int(2, 3);
  const columns = [random.pick(TABLE_FIRST_COLUMNS)];
  const suffix = random.pick(TABLE_SIDE_SUFFIXES);
  for (let i = 0; i < sides; i++) columns.push(`${topic.names[i % topic.names.length]} ${suffix}`);
  if (columns.length < 5 && random.chance(0.4)) columns.push(random.pick(TABLE_EXTRA_COLUMNS));
  const labels = new Set<string>();
  while (labels.size < random.int(3, 5)) {
    labels.add(Array.from({ length: random.int(1, 2) }, () => titleCase(random.pick(NEWS_WORDS))).join(' '));
  }
  const rows = [...labels].map((label) => [
    label,
    ...columns.slice(1).map(() => {
      const cell = Array.from({ length: random.int(3, 7) }, () => vocabulary.ranked[vocabulary.sample(random)] as string).join(' ');
      return titleCase(cell);
    }),
  ]);
  return { columns, rows };
}

/** Generates article `index` of the archive for `seed`. */
export function generateArticle(index: number, seed = DEFAULT_SEED, wordsPerArticle = 1350): GeneratedArticle {
  const vocabulary = vocabularyFor(seed);
  const random = createRandom(mixSeed(seed, index + 1));
  const topic: Topic = {
    names: Array.from({ length: 3 }, () => random.pick(vocabulary.names)),
    terms: Array.from({ length: 4 }, () => random.pick(vocabulary.terms)),
  };
  const markdown = index % 2 === 1;
  const used = new Set<string>();
  const title = `${topic.names[0]} and ${topic.names[1]} ${titleCase(random.pick(NEWS_WORDS))} ${titleCase(random.pick(NEWS_WORDS))} in ${topic.names[2]}`;
  const sectionCount = random.int(6, 8);
  const tableSection = random.chance(0.6) ? random.int(1, sectionCount - 1) : -1;
  const listSection = random.int(0, sectionCount - 1);
  const perSection = wordsPerArticle / sectionCount;
  const lines: string[] = [];
  const meta: ArticleMeta = { title, names: topic.names, terms: topic.terms, sectionTitles: [], passages: [], words: 0 };
  const countWords = (text: string) => text.split(/\s+/).length;
  const block = (text: string) => {
    lines.push(text);
    if (markdown) lines.push('');
  };

  if (markdown) {
    const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    lines.push('---', `title: "${title}"`, `date: ${day}`, `source: Synthetic Wire ${index % 7}`, `url: https://example.org/archive/${index}`, '---', '', `# ${title}`, '');
  } else if (random.chance(0.5)) {
    lines.push(title);
  }

  for (let s = 0; s < sectionCount; s++) {
    const sectionTitle = heading(random, topic, used);
    meta.sectionTitles.push(sectionTitle);
    block(markdown ? `## ${sectionTitle}` : sectionTitle);
    let words = 0;
    const add = (text: string) => {
      block(text);
      words += countWords(text);
      meta.words += countWords(text);
    };
    const addPassage = () => {
      const text = passage(random, vocabulary, topic);
      meta.passages.push(text);
      add(text);
    };
    addPassage();
    if (s === listSection) {
      add(`${titleCase(random.pick(NEWS_WORDS))} ${random.pick(NEWS_WORDS)} include:`);
      const items = Array.from({ length: random.int(3, 4) }, () => passage(random, vocabulary, topic, 12).replace(/\.$/, ''));
      for (const item of items) {
        lines.push(`- ${item}`);
        meta.passages.push(item);
        words += countWords(item);
        meta.words += countWords(item);
      }
      if (markdown) lines.push('');
      addPassage();
    }
    if (s === tableSection) {
      add(`The following table summarizes the ${random.pick(NEWS_WORDS)} ${random.pick(['positions', 'stances', 'views'])}:`);
      const { columns, rows } = table(random, vocabulary, topic);
      meta.table = { columns, rowLabels: rows.map((row) => row[0] ?? '') };
      const edge = markdown ? '| ' : '';
      const end = markdown ? ' |' : ' |';
      lines.push(`${edge}${columns.join(' | ')}${end}`, `${markdown ? '|' : ''}${columns.map(() => '---').join('|')}|`);
      for (const row of rows) {
        lines.push(`${edge}${row.join(' | ')}${end}`);
        words += countWords(row.join(' '));
        meta.words += countWords(row.join(' '));
      }
      if (markdown) lines.push('');
      addPassage();
    }
    while (words < perSection - 20) addPassage();
  }
  const slug = `${String(index).padStart(6, '0')}-${topic.names[0]?.toLowerCase()}-${topic.names[2]?.toLowerCase()}`;
  return { fileName: `${slug}.${markdown ? 'md' : 'txt'}`, text: `${lines.join('\n')}\n`, meta };
}

/** The first `articles` articles of the archive for `seed`, in memory (for tests and small runs). */
export function generateArchive(options: ArchiveOptions): GeneratedArticle[] {
  const seed = options.seed ?? DEFAULT_SEED;
  return Array.from({ length: options.articles }, (_, i) => generateArticle(i, seed, options.wordsPerArticle));
}

export interface WrittenArchive {
  dir: string;
  files: number;
  bytes: number;
  words: number;
  /** False when an earlier complete copy was reused. */
  generated: boolean;
}

const COMPLETE_MARKER = '.complete.json';

/**
 * Writes the archive to `dir` (one file per article). Reuses `dir` when it already holds a complete
 * copy for the same options; otherwise empties it first.
 */
export async function writeArchive(dir: string, options: ArchiveOptions): Promise<WrittenArchive> {
  const seed = options.seed ?? DEFAULT_SEED;
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, seed, articles: options.articles, words: options.wordsPerArticle ?? 1350 });
  try {
    const previous = JSON.parse(await readFile(join(dir, COMPLETE_MARKER), 'utf8')) as { stamp: string; files: number; bytes: number; words: number };
    if (previous.stamp === stamp) return { dir, files: previous.files, bytes: previous.bytes, words: previous.words, generated: false };
  } catch {
    // No complete copy yet: generate below.
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  let words = 0;
  for (let i = 0; i < options.articles; i++) {
    const article = generateArticle(i, seed, options.wordsPerArticle);
    await writeFile(join(dir, article.fileName), article.text);
    bytes += Buffer.byteLength(article.text);
    words += article.meta.words;
  }
  const files = (await readdir(dir)).filter((name) => !name.startsWith('.')).length;
  await writeFile(join(dir, COMPLETE_MARKER), JSON.stringify({ stamp, files, bytes, words }));
  return { dir, files, bytes, words, generated: true };
}
