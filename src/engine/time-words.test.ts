import { describe, expect, it } from 'vitest';
import { aboutAnotherTime, namedTimes } from './time-words.js';

describe('a question naming a day or a month', () => {
  it('a passage naming only other days (months) is about another time; one naming none is not', () => {
    const tuesday = namedTimes("how long did tuesday's session last");
    expect(aboutAnotherTime(tuesday, 'Monday’s opening session lasted nearly nine hours.')).toBe(true);
    expect(aboutAnotherTime(tuesday, 'The session on Tuesday ran late, after Monday’s walkout.')).toBe(false);
    expect(aboutAnotherTime(tuesday, 'The opening session lasted nearly nine hours.')).toBe(false);
    expect(aboutAnotherTime(namedTimes('what was agreed in june'), 'Ministers meet again in March.')).toBe(true);
    // "may" in a lower-case question is the modal, not the month.
    expect(aboutAnotherTime(namedTimes('who may sign the deal'), 'The deal is signed in March.')).toBe(false);
  });
});
