import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate-archive.js';
import { parseArticle } from '../content/parse-article.js';
import type { ParsedDocument } from '../content/document-model.js';
import { createRandom } from '../../bench/seeded-random.js';
import { CompactIndex, CompactIndexBuilder, TIER_MIN, TIER_SIZE } from './compact-index.js';
import { FIELD_BOOSTS, INDEX_OPTIONS } from './passage-index.js';
import { buildPassages } from './passages.js';

interface Row {
  i: number;
  text: string;
  title: string;
  context: string;
  doc: string;
}

function rowsOf(documents: ParsedDocument[]): Row[] {
  return buildPassages(documents).map((passage, i) => {
    const document = documents[passage.docIndex];
    return { i, text: passage.indexText ?? passage.text, title: document?.sections[passage.sectionIndex]?.title ?? '', context: passage.context, doc: document?.title ?? '' };
  });
}

/** The reference: MiniSearch itself, searched as the engine searched it before the compact index. */
function miniSearchRank(index: MiniSearch<Row>, weights: Map<string, number>) {
  return index
    .search(
      { combineWith: 'OR', queries: [...weights.keys()] },
      { boost: FIELD_BOOSTS, tokenize: (text) => text.split(' '), processTerm: (term) => term, boostTerm: (term) => weights.get(term) ?? 1 },
    )
    .map((result) => ({ doc: result.id as number, score: result.score, terms: Object.keys(result.match).sort() }));
}

function compactRank(index: CompactIndex, weights: Map<string, number>) {
  const { docs, scores, termsOf } = index.score([...weights].map(([term, boost]) => ({ term, boost })), FIELD_BOOSTS);
  const order = Array.from(docs, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  return order.map((i) => ({ doc: docs[i] as number, score: scores[i] as number, terms: termsOf(docs[i] as number).sort() }));
}

describe('CompactIndex', () => {
  const shipped = parseArticle({ fileName: 'us-iran-oman-talks.txt', text: readFileSync(new URL('../../content/us-iran-oman-talks.txt', import.meta.url), 'utf8') });
  const archive = generateArchive({ articles: 25, seed: 4 }).map((article) => parseArticle({ fileName: article.fileName, text: article.text }));
  const documents = [shipped, ...archive];
  const rows = rowsOf(documents);
  const reference = new MiniSearch<Row>(INDEX_OPTIONS);
  reference.addAll(rows);
  const builder = new CompactIndexBuilder(INDEX_OPTIONS);
  for (const row of rows) builder.add([row.text, row.title, row.context, row.doc]);
  const compact = new CompactIndex(builder.finish());
  const allTerms = compact.data.terms;

  it('holds the same postings as MiniSearch', () => {
    expect(compact.documentCount).toBe(reference.documentCount);
    expect(allTerms.length).toBe(reference.termCount);
  });

  it('ranks exactly as MiniSearch: same documents, same order, bit-identical scores, same matched terms', () => {
    const random = createRandom(99);
    for (let q = 0; q < 150; q++) {
      const weights = new Map<string, number>();
      const size = random.int(1, 12);
      while (weights.size < size) weights.set(random.pick(allTerms), random.pick([1, 0.7, 0.6, 0.56, 0.42]));
      if (random.chance(0.2)) weights.set('nosuchterm', 1);
      const expected = miniSearchRank(reference, weights);
      const actual = compactRank(compact, weights);
      expect(actual.length).toBe(expected.length);
      expect(actual).toEqual(expected);
    }
  });

  it('can be rebuilt from its plain data (the snapshot) with the same results', () => {
    const copy = new CompactIndex(structuredClone(compact.data));
    const weights = new Map([[allTerms[3] as string, 1], [allTerms[40] as string, 0.7]]);
    expect(compactRank(copy, weights)).toEqual(compactRank(compact, weights));
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('CompactIndex with a posting budget', () => {
  const archive = generateArchive({ articles: 40, seed: 8 }).map((article) => parseArticle({ fileName: article.fileName, text: article.text }));
  const rows = rowsOf(archive);
  const builder = new CompactIndexBuilder(INDEX_OPTIONS);
  for (const row of rows) builder.add([row.text, row.title, row.context, row.doc]);
  const index = new CompactIndex(builder.finish());
  const postings = (term: string) => {
    const id = index.data.terms.indexOf(term);
    const fields = index.data.fields.length;
    return (index.data.start[(id + 1) * fields] as number) - (index.data.start[id * fields] as number);
  };

  // Large enough that the commonest terms have tiers (more than TIER_MIN postings in a field).
  const many = rowsOf(generateArchive({ articles: 160, seed: 3 }).map((article) => parseArticle({ fileName: article.fileName, text: article.text })));
  const big = new CompactIndexBuilder(INDEX_OPTIONS);
  for (const row of many) big.add([row.text, row.title, row.context, row.doc]);
  const tiered = new CompactIndex(big.finish());

  it('picks candidates from the rarer terms in full and the commoner terms by their tiers only', () => {
    const index = tiered;
    const postings = (term: string) => {
      const id = index.data.terms.indexOf(term);
      const fields = index.data.fields.length;
      return (index.data.start[(id + 1) * fields] as number) - (index.data.start[id * fields] as number);
    };
    const byCount = [...index.data.terms].sort((a, b) => postings(b) - postings(a));
    const common = byCount.slice(0, 3);
    const rare = byCount.slice(200, 202);
    const queries = [...common, ...rare].map((term) => ({ term, boost: 1 }));
    const exact = index.score(queries, FIELD_BOOSTS);
    const exactDocs = Array.from(exact.docs);
    const exactTerms = new Map(exactDocs.map((doc) => [doc, exact.termsOf(doc)]));
    const budget = rare.reduce((sum, term) => sum + postings(term), 0);
    let candidates: number[] = [];
    index.score(queries, FIELD_BOOSTS, budget, (docs) => {
      candidates = Array.from(docs);
      return [];
    });
    const fields = index.data.fields.length;
    const fromTiers = new Set<number>();
    for (const term of common) {
      const id = index.data.terms.indexOf(term);
      for (let key = id * fields; key < (id + 1) * fields; key++) {
        const from = index.data.tierStart[key] as number;
        const to = index.data.tierStart[key + 1] as number;
        // A key without a tier is small enough to walk whole.
        const positions = to > from ? Array.from(index.data.tierPostings.subarray(from, to)) : range(index.data.start[key] as number, index.data.start[key + 1] as number);
        for (const position of positions) fromTiers.add(index.data.docs[position] as number);
      }
    }
    const expected = new Set([...exactDocs.filter((doc) => exactTerms.get(doc)?.some((term) => rare.includes(term))), ...fromTiers]);
    expect(new Set(candidates)).toEqual(expected);
    expect(candidates.length).toBeLessThan(exactDocs.length);
  });

  it('keeps a tier of each large (term, field): its strongest postings, in document order', () => {
    const { data } = tiered;
    const fields = data.fields.length;
    let tiers = 0;
    for (let key = 0; key + 1 < data.start.length; key++) {
      const from = data.start[key] as number;
      const to = data.start[key + 1] as number;
      const tier = Array.from(data.tierPostings.subarray(data.tierStart[key] as number, data.tierStart[key + 1] as number));
      if (to - from <= TIER_MIN) {
        expect(tier).toEqual([]);
        continue;
      }
      tiers += 1;
      expect(tier.length).toBeGreaterThanOrEqual(TIER_SIZE / 2);
      expect(tier.length).toBeLessThanOrEqual(2 * TIER_SIZE);
      for (let i = 1; i < tier.length; i++) expect(data.docs[tier[i] as number]).toBeGreaterThan(data.docs[tier[i - 1] as number] as number);
      const avg = data.avgFieldLength[key % fields] as number;
      const weight = (i: number) => ((data.freqs[i] as number) * 2.2) / ((data.freqs[i] as number) + 1.2 * (0.3 + (0.7 * (data.postingLengths[i] as number)) / avg));
      const inTier = new Set(tier);
      const weakestIn = Math.min(...tier.map(weight));
      let strongestOut = 0;
      let max = 0;
      for (let i = from; i < to; i++) {
        max = Math.max(max, weight(i));
        if (!inTier.has(i)) strongestOut = Math.max(strongestOut, weight(i));
      }
      // Picked by a 256-bucket histogram: nothing left out is stronger than what was kept by more than a bucket.
      expect(strongestOut).toBeLessThanOrEqual(weakestIn + max / 256 + 1e-12);
    }
    expect(tiers).toBeGreaterThan(0);
  });

  it('scores the selected ranges with every term, exactly, and returns nothing outside them', () => {
    const byCount = [...index.data.terms].sort((a, b) => postings(b) - postings(a));
    const queries = [...byCount.slice(0, 3), ...byCount.slice(300, 302)].map((term) => ({ term, boost: 1 }));
    const exact = index.score(queries, FIELD_BOOSTS);
    const exactScores = new Map(Array.from(exact.docs, (doc, i) => [doc, exact.scores[i] as number]));
    const ranges: Array<[number, number]> = [[10, 60], [400, 420]];
    const budget = byCount.slice(300, 302).reduce((sum, term) => sum + postings(term), 0);
    const ranged = index.score(queries, FIELD_BOOSTS, budget, () => ranges);
    const inside = Array.from(exact.docs).filter((doc) => ranges.some(([a, b]) => doc >= a && doc < b));
    expect(new Set(ranged.docs)).toEqual(new Set(inside));
    ranged.docs.forEach((doc, i) => expect(ranged.scores[i]).toBeCloseTo(exactScores.get(doc) as number, 9));
  });
});
