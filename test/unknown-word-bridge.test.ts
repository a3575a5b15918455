import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/index.js';
import { engineOfFixture } from './fixture-engine.js';

describe('one word the articles never use, bridged through WordNet or refused', () => {
  let arctic: Engine;
  let balkan: Engine;
  beforeAll(async () => {
    [arctic, balkan] = await Promise.all([engineOfFixture('arctic-shipping-talks.md'), engineOfFixture('balkan-power-talks.txt')]);
  });

  it('"the danish envoy": danish stays an adjective (Denmark), envoy reaches the ambassador, in a passage past the best one for "danish"', () => {
    const { answer } = arctic.answer('what did the danish envoy say');
    expect(answer.citations[0]?.sectionTitle).toBe('In their own words');
    expect(answer.citations[0]?.excerpt).toContain('Denmark’s Arctic ambassador, Anders Holm');
  });

  it('a neighbour counts only as the word the article writes: "president" → insider is not "inside"', () => {
    expect(balkan.answer('what did the serbian president say').answer.kind).toBe('not_found');
  });
});
