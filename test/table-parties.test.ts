import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/index.js';
import { engineOfFixture, engineOfText } from './fixture-engine.js';

// The fourth eval set's article: a 5-column table whose columns are four governments (no "Position" header word).

describe('a table answers only for the parties it has columns for', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineOfFixture('arctic-shipping-talks.md');
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

  it('in a thread along a row, "what about russia" is a party without a column, and "and the us?" the US cell', () => {
    const first = engine.answer('norway on heavy fuel oil');
    const russia = engine.answer('what about russia', first.state);
    expect(russia.answer.kind).toBe('not_found');
    expect(russia.answer.text).toContain('their table has no column for “russia”');
    const us = engine.answer('and the us?', russia.state);
    expect(us.answer.citations[0]?.excerpt.startsWith('United States: End waivers from 2027')).toBe(true);
  });

  it('a common noun for a party ("which country", "each government") is no party by name: the row still answers', async () => {
    const nile = await engineOfFixture('nile-dam-talks.md');
    expect(nile.answer('which country wants annual consultations').answer.citations[0]?.excerpt.startsWith('Ethiopia: Guided by annual consultations')).toBe(true);
  });
});


describe('a row asked about for a party the table has no column for', () => {
  const text = [
    'Corridor Talks',
    '',
    "The chair's agenda, posted on the Angolan transport ministry's website, lists how train slots are shared.",
    '',
    'Angola hosts the talks in Lobito.',
    '',
    'Where Each Side Stands',
    '',
    'Issue | DR Congo | Zambia',
    '---|---|---',
    'Train slots | 60 per cent kept for Congolese cargo | First come, first served',
    '',
  ].join('\n');
  const engine = engineOfText('corridor.txt', text);

  it('"angola\'s position on train slots" says the table has no column for Angola, not the agenda sentence naming both', () => {
    const { answer } = engine.answer("what is angola's position on train slots");
    expect(answer.kind).toBe('not_found');
    expect(answer.text).toContain('no column for “angola”');
    expect(engine.answer('zambia on train slots').answer.citations[0]?.excerpt.startsWith('Zambia: First come, first served')).toBe(true);
  });
});
