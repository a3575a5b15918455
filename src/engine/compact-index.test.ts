import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate-archive.js';
import { parseArticle } from '../content/parse-article.js';
import type { ParsedDocument } from '../content/document-model.js';
import { createRandom } from '../../bench/seeded-random.js';
import { CompactIndex, CompactIndexBuilder } from './compact-index.js';
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

  it('lets only the rarer terms bring documents in, and scores those documents in full', () => {
    const byCount = [...index.data.terms].sort((a, b) => postings(b) - postings(a));
    const common = byCount.slice(0, 3);
    const rare = byCount.slice(200, 202);
    const queries = [...common, ...rare].map((term) => ({ term, boost: 1 }));
    const exact = index.score(queries, FIELD_BOOSTS);
    const exactScores = new Map(Array.from(exact.docs, (doc, i) => [doc, exact.scores[i] as number]));
    const exactTerms = new Map(Array.from(exact.docs, (doc) => [doc, exact.termsOf(doc)]));
    const budget = rare.reduce((sum, term) => sum + postings(term), 0);
    const pruned = index.score(queries, FIELD_BOOSTS, budget);
    expect(pruned.docs.length).toBeLessThan(exact.docs.length);
    const brought = new Set(Array.from(exact.docs).filter((doc) => exactTerms.get(doc)?.some((term) => rare.includes(term))));
    expect(new Set(pruned.docs)).toEqual(brought);
    pruned.docs.forEach((doc, i) => {
      expect(pruned.scores[i]).toBeCloseTo(exactScores.get(doc) as number, 9);
      expect(pruned.termsOf(doc).sort()).toEqual(exactTerms.get(doc)?.sort());
    });
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
