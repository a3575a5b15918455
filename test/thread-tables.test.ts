import { afterEach, describe, expect, it } from 'vitest';
import { THREAD_TABLE_OPTIONS } from '../src/engine/thread-tables.js';
import { engineOfFixture, engineOfText, thread, firstExcerpt } from './fixture-engine.js';

const saved = { ...THREAD_TABLE_OPTIONS };
afterEach(() => Object.assign(THREAD_TABLE_OPTIONS, saved));

/** Our own small article: a table of fleets naming the parties as rows, and the parties' positions table. */
const REEF_TALKS = `Reef Talks in Suva

Fiji and Tonga met in Suva on Monday to agree how to protect the reefs they share. Tonga's fisheries minister said Tonga would not accept a licence fee that its own fishing families could not pay.

Boats Licensed

| Fleet | Boats |
|---|---|
| Tonga | 40 |
| Fiji | 65 |

Where They Stand

| Issue | Fiji | Tonga |
|---|---|---|
| Licence fee per boat | $900 a year | $600 a year |
| Cameras on every trawler | From 2027 | Voluntary |
| Reef closures | Two months a year | One month a year |
`;

describe('a thread along a table (thread-tables.ts)', () => {
  const engine = engineOfText('reef-talks.txt', REEF_TALKS);

  it('"and tonga?" is the thread table\'s column, though the fleets table names Tonga too (threadTableFirst)', () => {
    const [, tonga] = thread(engine, 'fiji on the licence fee', 'and tonga?');
    expect(firstExcerpt(tonga)).toMatch(/^Tonga: \$600 a year/);
    expect(tonga?.resolvedQuery).toBeUndefined();
    THREAD_TABLE_OPTIONS.threadTableFirst = false;
    const [, asked] = thread(engine, 'fiji on the licence fee', 'and tonga?');
    // Off, the thread's table is left: the question is asked afresh as prose.
    expect(asked?.resolvedQuery).toBe('tonga licence fee');
  });

  it('"and on cameras?" is the row whose label alone has the word, in the thread\'s column (rowByLabelWord)', () => {
    const [, cameras] = thread(engine, 'fiji on reef closures', 'and on cameras?');
    expect(firstExcerpt(cameras)).toMatch(/^Fiji: From 2027/);
    THREAD_TABLE_OPTIONS.rowByLabelWord = false;
    const [, asked] = thread(engine, 'fiji on reef closures', 'and on cameras?');
    expect(firstExcerpt(asked)).not.toMatch(/^Fiji: From 2027/);
  });
});

describe('a row found by ranking puts the thread on the table (rowFocusFromCitation)', () => {
  it('"where does guyana stand on troops" → "and suriname?" is Suriname\'s cell of the same row', async () => {
    const engine = await engineOfFixture('courantyne-border-talks.txt');
    const [guyana, suriname] = thread(engine, 'where does guyana stand on troops', 'and suriname?');
    expect(firstExcerpt(guyana)).toMatch(/^Guyana: Keep the army post/);
    expect(firstExcerpt(suriname)).toMatch(/^Suriname: All soldiers withdrawn first/);
    THREAD_TABLE_OPTIONS.rowFocusFromCitation = false;
    const [, asked] = thread(engine, 'where does guyana stand on troops', 'and suriname?');
    expect(firstExcerpt(asked)).not.toMatch(/^Suriname: All soldiers withdrawn first/);
  });
});
