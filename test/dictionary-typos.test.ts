import { describe, expect, it } from 'vitest';
import { engineOfText, firstExcerpt } from './fixture-engine.js';

const ARTICLE = `Rail transit talks end without a signature

LUSAKA, 3 March 2027 — Transport ministers from Zambia, Angola and Congo ended two days of talks on Tuesday with the rail deal still unsigned.

What was agreed
The ministers must sign the transit agreement by 30 June 2027, the date the lenders set for releasing the loan.
A shared fund will pay for new wagons over the next five years.

What is still open
Zambia wants its own wagon fleet on the line; Angola wants a single operator for the whole corridor.
`;

describe('a misspelt word the articles never use, read as the English word meant (RESOLVE_OPTIONS.dictionaryTypos)', () => {
  const engine = engineOfText('rail-transit-talks.txt', ARTICLE);

  it('"dedline" is deadline, a framing word: the rest of the question finds the date', () => {
    const { answer } = engine.answer('dedline for signing the transit agreemnt');
    expect(answer.kind).toBe('answer');
    expect(firstExcerpt(answer)).toContain('by 30 June 2027');
  });

  it('a name no dictionary knows is not corrected into a word, so the question is still refused', () => {
    expect(engine.answer('what did biden say about the transit agreement').answer.kind).toBe('not_found');
  });
});
