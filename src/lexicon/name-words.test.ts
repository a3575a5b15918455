import { describe, expect, it } from 'vitest';
import { buildEngine, parseArticle } from '../index.js';
import { termsOfWord } from '../text/analyze-terms.js';
import { usedOnlyAsName, usedOnlyInLowerCase } from './name-words.js';

describe('usedOnlyAsName', () => {
  const only = (term: string, texts: string[]) => usedOnlyAsName(term, texts, termsOfWord);

  it('is true for a word written capitalised inside sentences and never in lower case', () => {
    expect(only('march', ['The envoys met on 3 March in Jeddah.', 'Talks resume in March.'])).toBe(true);
    expect(only('rich', ['Officials said Ms Rich would chair the meeting.'])).toBe(true);
  });

  it('is false once the word is written in lower case anywhere', () => {
    expect(only('march', ['The envoys met on 3 March.', 'Protesters march on the capital.'])).toBe(false);
    expect(only('march', ['Protesters marched on the capital.', 'They met in March.'])).toBe(false);
  });

  it('learns nothing from a capital where a sentence, a quote or an item starts, from capitals, or from title-case labels', () => {
    expect(only('progress', ['Progress was slow.', 'He said: “Progress is real.”'])).toBe(false);
    expect(only('rsf', ['The RSF rejected the plan.'])).toBe(false);
    expect(only('guarante', ['Security Guarantees'])).toBe(false);
  });

  it('reads the parts of a hyphenated word on their own', () => {
    expect(only('support', ['Two Iranian-supported groups were named.'])).toBe(false);
    expect(only('iranian', ['Two Iranian-supported groups were named.'])).toBe(true);
  });
});

describe('a dictionary relative never lands on a word the articles use only as a name', () => {
  const engineFor = (body: string) =>
    buildEngine([parseArticle({ fileName: 'talks.txt', text: ['Talks in Jeddah', '', 'Background', '', body, '', 'Next Steps', '', 'Monitors could deploy within weeks.'].join('\n') })]);

  it('"border" does not quote the month March (march: a verb sense of border)', () => {
    const { answer } = engineFor('The envoys met on 3 March after the first round collapsed.').answer('border');
    expect(answer.kind).toBe('not_found');
  });

  it('but still reaches the word where the article also uses it as a word', () => {
    const { answer } = engineFor('The envoys met on 3 March. Columns march along the road every week.').answer('border');
    expect(answer.kind).not.toBe('not_found');
    expect(answer.citations.map((citation) => citation.excerpt)).toContain('Columns march along the road every week.');
  });
});

describe('usedOnlyInLowerCase', () => {
  it('is true for a word the texts write only in lower case, false once they capitalise it or never hold it', () => {
    expect(usedOnlyInLowerCase('us', ['The miners take the gold and leave us the mercury.'], termsOfWord)).toBe(true);
    expect(usedOnlyInLowerCase('us', ['Leave us alone, said the US envoy.'], termsOfWord)).toBe(false);
    expect(usedOnlyInLowerCase('us', ['No such word here.'], termsOfWord)).toBe(false);
  });

  it('keeps a name from landing on it: "what did washington say" is not answered by "leave us the mercury"', () => {
    const text = 'Border Talks\n\n"Every month we argue about maps, the miners take the gold and leave us the mercury," said Shevonne Baptiste.\n';
    const engine = buildEngine([parseArticle({ fileName: 'border.txt', text, modifiedAt: new Date('2026-03-01T00:00:00Z') })]);
    expect(engine.answer('what did washington say').answer.kind).toBe('not_found');
    expect(engine.answer('what did baptiste say').answer.kind).toBe('answer');
  });
});

