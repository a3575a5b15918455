import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate-archive.js';
import { parseArticle } from '../content/parse-article.js';
import { PassageStore } from './passage-store.js';
import { buildPassages, splitSentences } from './passages.js';
import { recordSplits } from './sentence-splits.js';

describe('PassageStore', () => {
  const shipped = parseArticle({ fileName: 'us-iran-oman-talks.txt', text: readFileSync(new URL('../../content/us-iran-oman-talks.txt', import.meta.url), 'utf8') });
  const documents = [shipped, ...generateArchive({ articles: 12, seed: 5 }).map((a) => parseArticle({ fileName: a.fileName, text: a.text }))];
  const recorder = recordSplits(splitSentences);
  const all = buildPassages(documents, recorder.split);
  const splits = structuredClone(recorder.data());

  it('rebuilt lazily from the recorded splits, gives the same passages, by number and by section, in any order', () => {
    const lazy = new PassageStore(documents, splits);
    expect(lazy.length).toBe(all.length);
    const order = all.map((_, i) => i).reverse();
    for (const i of order) expect(lazy.at(i)).toEqual(all[i]);
    documents.forEach((document, d) =>
      document.sections.forEach((_, s) => expect(lazy.ofSection(d, s)).toEqual(all.filter((p) => p.docIndex === d && p.sectionIndex === s))),
    );
    expect(lazy.ofSection(99, 0)).toEqual([]);
    expect([...lazy.all()]).toEqual(all);
  });

  it('refuses splits that do not fit the documents', () => {
    expect(() => new PassageStore(documents.slice(1), splits)).toThrow(/do not match/);
  });
});
