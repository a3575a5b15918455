import { afterEach, describe, expect, it } from 'vitest';
import { RESOLVE_OPTIONS } from '../src/engine/resolve-query-terms.js';
import { oneSlipApart, withQuestionWordCorrected } from '../src/engine/question-word-typos.js';
import { loadWordNet } from '../src/lexicon/wordnet.js';
import { engineOfText, firstExcerpt } from './fixture-engine.js';

const ARTICLE = `Grain corridor talks adjourn in Varna

VARNA, 12 January 2027 — Port officials from three Black Sea states adjourned talks on a shared grain corridor on Tuesday without fixing the size of the inspection fleet.

Where things stand
Inspectors have been working from a temporary office at the old ferry terminal since the autumn.
The next round of talks will settle the size of the inspection fleet.
It opens in Constanta on Monday 8 March 2027.
`;

describe('a slip of the opening question word (RESOLVE_OPTIONS.questionWordTypos)', () => {
  const engine = engineOfText('grain-corridor-talks.txt', ARTICLE);
  afterEach(() => {
    RESOLVE_OPTIONS.questionWordTypos = true;
  });

  it('"wen does the next round of talks open" asks when: the passage with the date comes first', () => {
    const { answer } = engine.answer('wen does the next round of talks open');
    expect(answer.citations[0]?.sectionTitle).toBe('Where things stand');
    expect(firstExcerpt(answer)).toContain('Monday 8 March 2027');
  });

  it('with the switch off the slip is only a dropped word and the date is not asked for', () => {
    RESOLVE_OPTIONS.questionWordTypos = false;
    const { answer } = engine.answer('wen does the next round of talks open');
    expect(firstExcerpt(answer)).not.toContain('Monday 8 March 2027');
  });
});

describe('withQuestionWordCorrected', () => {
  const wordNet = loadWordNet();

  it('puts right an opening slip before an auxiliary', () => {
    expect(withQuestionWordCorrected('wen is the meeting in bangkok', wordNet)).toBe('when is the meeting in bangkok');
    expect(withQuestionWordCorrected('wat did the minister say', wordNet)).toBe('what did the minister say');
    expect(withQuestionWordCorrected('wehre are the talks', wordNet)).toBe('where are the talks');
    expect(withQuestionWordCorrected('wher are the talks', wordNet)).toBe('wher are the talks'); // when or where
  });

  it('leaves words in everyday use, slips near two question words and openings without an auxiliary alone', () => {
    expect(withQuestionWordCorrected('hot is the weather', wordNet)).toBe('hot is the weather');
    expect(withQuestionWordCorrected('wht is the deal', wordNet)).toBe('wht is the deal'); // what or why
    expect(withQuestionWordCorrected('wen talks', wordNet)).toBe('wen talks');
    expect(withQuestionWordCorrected('that is the plan', wordNet)).toBe('that is the plan');
  });

  it('counts one left-out, added or changed letter, or one swap, as one slip', () => {
    expect(oneSlipApart('wen', 'when')).toBe(true);
    expect(oneSlipApart('whta', 'what')).toBe(true);
    expect(oneSlipApart('hwo', 'who')).toBe(true);
    expect(oneSlipApart('hwo', 'how')).toBe(true);
    expect(oneSlipApart('wehre', 'where')).toBe(true);
    expect(oneSlipApart('wnhe', 'when')).toBe(false);
  });
});
