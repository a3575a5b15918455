import { describe, expect, it } from 'vitest';
import { engineOfText } from './fixture-engine.js';

const text = `Treaty Talks

15:30 GMT

Azerbaijan's Jeyhun Bayramov tells reporters two articles of the treaty remain open:
- the withdrawal of third-country forces from the border
- the dropping of claims in international courts

Officials expect a further session on Friday. A signing date has not been set.
`;

describe('a sentence leading into a list is quoted with the list', () => {
  const engine = engineOfText('treaty.txt', text);

  it('"what did bayramov say": the lead-in and both items, verbatim', () => {
    const excerpt = engine.answer('what did bayramov say').answer.citations[0]?.excerpt ?? '';
    expect(excerpt).toBe("Azerbaijan's Jeyhun Bayramov tells reporters two articles of the treaty remain open:\n- the withdrawal of third-country forces from the border\n- the dropping of claims in international courts");
  });

  it('"tell me more" goes on after the list, never quoting it again', () => {
    const first = engine.answer('what did bayramov say');
    const more = engine.answer('tell me more', first.state);
    const excerpts = more.answer.citations.map((citation) => citation.excerpt).join('\n');
    expect(excerpts).toContain('Officials expect a further session on Friday.');
    expect(excerpts).not.toContain('the withdrawal of third-country forces');
  });
});
