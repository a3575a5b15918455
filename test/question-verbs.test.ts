import { describe, expect, it } from 'vitest';
import { engineOfText } from './fixture-engine.js';

const ARTICLE = [
  'Harbour Talks',
  '',
  'The two delegations met in Split on Monday. The Croatian team is led by its transport minister, Ana Horvat.',
  '',
  'Where They Stand',
  '',
  '| Issue | Croatia | Slovenia |',
  '|---|---|---|',
  '| Tariffs | Set by the port regulator | Set by ministers |',
  '| Pilots | Local pilots only | Any licensed pilot |',
  '',
].join('\n');

describe('"who leads / heads / chairs X" asks for a person, as "who is the leader of X" does (leading-verbs.ts)', () => {
  it('a cell naming X answers for its column\'s party, never for X\'s leader', () => {
    const engine = engineOfText('harbour.txt', ARTICLE);
    expect(engine.answer('who leads the port regulator').answer.kind).toBe('not_found');
    // "who wants X" is still the column's party.
    expect(engine.answer('who wants tariffs set by the port regulator').answer.citations[0]?.excerpt).toContain('Croatia: Set by the port regulator');
  });

  it('the leader is still a name in a passage about what is led', () => {
    const engine = engineOfText('harbour.txt', ARTICLE);
    expect(engine.answer('who leads the croatian team').answer.citations[0]?.excerpt).toContain('Ana Horvat');
  });
});

describe('a row named by one word of its label, asked about with a verb of holding a position (stance-verbs.ts)', () => {
  it('"what does slovenia want on pilots" → the Pilots row, Slovenia\'s cell first', () => {
    const article = ARTICLE.replace('| Pilots |', '| Harbour pilots |').replace('The two delegations met', 'Slovenia wants more pilots trained at home. The two delegations met');
    const engine = engineOfText('harbour.txt', article);
    const { answer } = engine.answer('what does slovenia want on pilots');
    expect(answer.citations[0]?.sectionTitle).toBe('Where They Stand');
    expect(answer.citations[0]?.excerpt.startsWith('Slovenia: Any licensed pilot')).toBe(true);
  });
});
