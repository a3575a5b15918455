import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine, parseArticle, type Engine } from '../src/index.js';

/** The fourth eval set's article: a 5-column table whose columns are four governments (no "Position" header word). */
const ARTICLE = new URL('./fixtures/articles/arctic-shipping-talks.md', import.meta.url);

describe('a table answers only for the parties it has columns for', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = buildEngine([parseArticle({ fileName: 'arctic-shipping-talks.md', text: await readFile(ARTICLE, 'utf8'), modifiedAt: new Date('2026-11-21T00:00:00Z') })]);
  });

  it('a row named with a word that is no party ("ban") is a question for the prose, not "no column for ban"', () => {
    const { answer } = engine.answer('when did the heavy fuel oil ban take effect');
    expect(answer.notices.join(' ')).not.toContain('no column');
    expect(answer.kind).toBe('answer');
  });

  it('a party with no column and not named in the row ("russia") is never answered with the row', () => {
    const { answer } = engine.answer("what is russia's position on heavy fuel oil");
    for (const citation of answer.citations) expect(citation.excerpt).not.toContain('Canada: End all waivers');
  });

  it('"who wants X" is the party whose cell says X, that cell first', () => {
    const { answer } = engine.answer('who wants a cap on cruise passengers');
    expect(answer.kind).toBe('answer');
    expect(answer.citations[0]?.excerpt.startsWith('Canada: A cap of 500 passengers in remote waters')).toBe(true);
    expect(engine.answer('which country wants an advisory panel').answer.citations[0]?.excerpt.startsWith('United States: Advisory panel')).toBe(true);
  });

  it('a party with a column still gets its cell first', () => {
    const { answer } = engine.answer('canada on cruise ships');
    expect(answer.citations[0]?.sectionTitle).toBe('How the four governments line up');
    expect(answer.citations[0]?.excerpt.startsWith('Canada: A cap of 500 passengers in remote waters')).toBe(true);
  });
});
