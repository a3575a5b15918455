import { describe, expect, it } from 'vitest';
import { splitSentences } from './passages.js';
import { recordSplits, replaySplits } from './sentence-splits.js';

describe('sentence splits', () => {
  const paragraphs = [
    'Oman hosted the talks. Both sides spoke of de‑escalation. Observers were cautious.',
    'The U.S. delegation arrived late. It left early.',
    `${'A very long clause, '.repeat(40)}and an end.`,
  ];

  it('replays exactly what the splitter returned, call by call', () => {
    const recorder = recordSplits(splitSentences);
    const first = paragraphs.map((text) => recorder.split(text));
    const replay = replaySplits(structuredClone(recorder.data()));
    expect(paragraphs.map((text) => replay(text))).toEqual(first);
  });

  it('keeps a sentence that is not a substring of its paragraph as text', () => {
    const recorder = recordSplits(() => ['joined  text', 'tail']);
    recorder.split('joined text tail');
    const data = recorder.data();
    expect(data.literals).toEqual([[0, 'joined  text']]);
    expect(replaySplits(data)('joined text tail')).toEqual(['joined  text', 'tail']);
  });

  it('refuses to replay past what was recorded', () => {
    const recorder = recordSplits(splitSentences);
    recorder.split('One. Two.');
    const replay = replaySplits(recorder.data());
    replay('One. Two.');
    expect(() => replay('Three.')).toThrow(/more paragraphs/);
  });
});
