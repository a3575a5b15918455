import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/index.js';
import { holdsQuotation, quoteRequest } from '../src/engine/quote-requests.js';
import { engineOfFixture, engineOfText } from './fixture-engine.js';

describe('quoteRequest: "quote" asks for the form of the answer', () => {
  it('a speaker named is "what did X say", with the topic', () => {
    expect(quoteRequest('any quotes from sudan')).toEqual({ text: 'what did sudan say', needsQuotation: false });
    expect(quoteRequest('give me a quote from the eu on the fee')).toEqual({ text: 'what did eu say about fee', needsQuotation: false });
  });

  it('no speaker: the topic, which a quotation must answer', () => {
    expect(quoteRequest('give me a quote on the speed limit')).toEqual({ text: 'speed limit', needsQuotation: true });
    expect(quoteRequest('who was quoted on mining')).toEqual({ text: 'mining', needsQuotation: true });
    expect(quoteRequest('any quotes')).toEqual({ text: '', needsQuotation: true });
  });

  it('other questions are no quote requests', () => {
    expect(quoteRequest('what did canada say')).toBeUndefined();
    expect(quoteRequest('what is the quota for bigeye')).toBeUndefined();
  });

  it('a quotation is three words or more in quotation marks, or a quote running on from the sentence before', () => {
    expect(holdsQuotation('“Every year we wait is a year of risk,” he said.')).toBe(true);
    expect(holdsQuotation('He called it ‘a floor we can build on’ and left.')).toBe(true);
    expect(holdsQuotation('We came for money, and we got it,” she said.')).toBe(true);
    expect(holdsQuotation('Officials said the mood was “businesslike”.')).toBe(false);
    expect(holdsQuotation('Oman’s role in the talks’ success is key.')).toBe(false);
  });
});

describe('asking for quotes', () => {
  let arctic: Engine;
  beforeAll(async () => {
    arctic = await engineOfFixture('arctic-shipping-talks.md');
  });

  it('"give me a quote on the speed limit" → the Inuit council\'s words on it, not the table row', () => {
    const { answer } = arctic.answer('give me a quote on the speed limit');
    expect(answer.citations[0]?.sectionTitle).toBe('In their own words');
    expect(answer.citations[0]?.excerpt).toContain('“Voluntary rules are rules for the people who already follow them.”');
  });

  it('"any quotes from canada" → Canada\'s deputy minister\'s words', () => {
    const { answer } = arctic.answer('any quotes from canada');
    expect(answer.citations[0]?.excerpt).toContain('Marc Thibodeau, Canada’s deputy minister of transport');
  });

  it('an article quoting no one says so', () => {
    const engine = engineOfText('plain.txt', 'Talks end\n\nThe delegations met in Geneva on Monday and agreed to meet again.\n');
    const { answer } = engine.answer('any quotes');
    expect(answer.kind).toBe('not_found');
    expect(answer.text).toContain("don't quote anyone");
  });
});

describe('a word of speaking after a function word is no speaker\'s verb', () => {
  it('"what did the us say" → the State Department coordinator\'s words, not "the United States will pay"', async () => {
    const { answer } = (await engineOfFixture('arctic-shipping-talks.md')).answer('what did the us say');
    expect(answer.citations[0]?.excerpt).toContain('Rebecca Lowry');
  });

  it('"what did ethiopia say" → what Ethiopia says, not the lede\'s "four days of talks"', async () => {
    const { answer } = (await engineOfFixture('nile-dam-talks.md')).answer('what did ethiopia say');
    // Its official's quoted words (quotes first), or what Ethiopia says; never the lede.
    expect(answer.citations[0]?.excerpt).toMatch(/An Ethiopian official countered|Ethiopia says a binding treaty/);
    expect(answer.citations[0]?.excerpt).not.toContain('four days of talks');
  });
});

describe('"what did X say": X\'s words in quotation marks first', () => {
  it('"what did guyana say" → the foreign secretary\'s quote, not the lede\'s "Guyana and Suriname agreed on Tuesday"', async () => {
    const engine = await engineOfFixture('courantyne-border-talks.txt');
    const { answer } = engine.answer('what did guyana say');
    expect(answer.citations[0]?.sectionTitle).toBe('The Tigri Question');
    expect(answer.citations[0]?.excerpt).toContain('"The border was settled when we became independent in 1966');
  });
});
