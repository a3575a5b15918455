import { afterEach, describe, expect, it } from 'vitest';
import { FOLLOW_UP_OPTIONS } from '../src/engine/follow-ups.js';
import { engineOfFixture, engineOfText, thread, firstExcerpt } from './fixture-engine.js';

/** Our own small article: a table of two parties and a mediator's column, quotes with "she said", a reason in the prose. */
const RIVER_TALKS = `Chile and Peru Agree Data Sharing but Split Over the Lauca River

Negotiators from Chile and Peru agreed on Monday in Lima to share river gauge data every week, but left without a deal on how much water each side may draw from the Lauca.

Quotes From the Talks

Peru's vice minister for water, Rosa Quispe, said her country "cannot accept a cap written in Santiago". "We came to listen, not to sign," she said.

The mediator, Ana Torres, said the gauges would be read by a neutral firm from next year.

Where They Stand

| Issue | Chile | Peru | Mediator's plan |
|---|---|---|---|
| Water cap | A fixed yearly cap | No cap at all | A cap reviewed every year |
| Gauges | Read by Chilean engineers | Read by a joint team | Read by a neutral firm |

Why It Matters

Peru rejects any water cap because its farmers in the valley depend on the river in the dry season.
The lake behind the border dam has shrunk by a third since 2015.
`;

/** The same talks with a third party's column: "the other side" is not one party. */
const THREE_PARTIES = `Andes Water Talks

Chile, Peru and Bolivia met in La Paz on Tuesday.

Where They Stand

| Issue | Chile | Peru | Bolivia |
|---|---|---|---|
| Water cap | A fixed yearly cap | No cap at all | A cap for the dry season only |
`;

const saved = { ...FOLLOW_UP_OPTIONS };
afterEach(() => Object.assign(FOLLOW_UP_OPTIONS, saved));

describe('"and the other side?" after a table row', () => {
  const engine = engineOfText('river-talks.txt', RIVER_TALKS);

  it("is the other party's cell of the same row; the mediator's column is no side", () => {
    const [row, other] = thread(engine, 'chile on the water cap', 'and the other side?');
    expect(firstExcerpt(row).startsWith('Chile: A fixed yearly cap')).toBe(true);
    expect(other?.kind).toBe('answer');
    expect(firstExcerpt(other).startsWith('Peru: No cap at all')).toBe(true);
    expect(other?.resolvedQuery).toBe('peru on water cap');
  });

  it('"what about the other party" and "the other side\'s position" too, and back again', () => {
    const [, peru, chile] = thread(engine, 'peru on gauges', 'what about the other party', "the other side's position");
    expect(firstExcerpt(peru).startsWith('Chile: Read by Chilean engineers')).toBe(true);
    expect(firstExcerpt(chile).startsWith('Peru: Read by a joint team')).toBe(true);
  });

  it('with more than two parties, the whole row and which parties there are', () => {
    const [, other] = thread(engineOfText('andes.txt', THREE_PARTIES), 'chile on the water cap', 'and the other side?');
    expect(firstExcerpt(other)).toContain('Bolivia: A cap for the dry season only');
    expect(other?.notices.join(' ')).toContain('3 parties (Chile, Peru and Bolivia)');
  });

  it('after an answer that is no table row: not_found, asking which party', () => {
    const [, other] = thread(engine, 'how often will gauge data be shared', 'and the other side?');
    expect(other?.kind).toBe('not_found');
    expect(other?.notices.join(' ')).toContain('ask about a party by name');
  });

  it('reads the parties from the header of a shipped set: Serbia and Kosovo, not the EU proposal', async () => {
    const [, other] = thread(await engineOfFixture('balkan-power-talks.txt'), 'serbia on grid ownership', 'and the other side?');
    expect(firstExcerpt(other).startsWith('Kosovo: Transferred to a company licensed in Pristina')).toBe(true);
  });

  it('switched off, the thread has no other side', () => {
    FOLLOW_UP_OPTIONS.otherSide = false;
    const [, other] = thread(engine, 'chile on the water cap', 'and the other side?');
    expect(firstExcerpt(other).startsWith('Peru: No cap at all')).toBe(false);
  });
});

describe('"who said that" and "source?" after an answer', () => {
  const engine = engineOfText('river-talks.txt', RIVER_TALKS);

  it('a quote with "she said": the sentence before it naming the speaker', () => {
    const [quote, who] = thread(engine, 'did they come to sign', 'who said that');
    expect(firstExcerpt(quote)).toBe('"We came to listen, not to sign," she said.');
    expect(who?.kind).toBe('answer');
    expect(firstExcerpt(who)).toContain('Rosa Quispe, said her country');
    expect(who?.notices.join(' ')).toContain('Rosa Quispe');
  });

  it('an excerpt naming its speaker is itself the answer', () => {
    const [, who] = thread(engine, 'what did torres say', 'whose words are those');
    expect(firstExcerpt(who)).toContain('The mediator, Ana Torres, said the gauges');
    expect(who?.notices.join(' ')).toContain('Ana Torres');
  });

  it("the article's own reporting and a table row are nobody's words: not_found", () => {
    expect(thread(engine, 'what happened to the lake', 'who said it')[1]?.kind).toBe('not_found');
    const [, row] = thread(engine, 'chile on gauges', 'who said that');
    expect(row?.kind).toBe('not_found');
    expect(row?.notices.join(' ')).toContain('row of the table');
  });

  it('"source?" cites the excerpt just shown again, with its document and section', () => {
    const [shown, source] = thread(engine, 'what happened to the lake', 'source?');
    expect(firstExcerpt(source)).toBe(firstExcerpt(shown));
    expect(source?.citations[0]?.sectionTitle).toBe('Why It Matters');
    expect(source?.notices.join(' ')).toContain('section “Why It Matters”');
  });

  it('switched off, "who said that" is not answered with the speaker', () => {
    FOLLOW_UP_OPTIONS.attribution = false;
    const [, who] = thread(engine, 'did they come to sign', 'who said that');
    expect(firstExcerpt(who)).not.toContain('Rosa Quispe, said her country');
  });
});

describe('"and Y?" after "what did X say"', () => {
  const engine = engineOfText('river-talks.txt', RIVER_TALKS);

  it("asks what Y said, not X's quote again", () => {
    const [torres, quispe] = thread(engine, 'what did torres say', 'and quispe?');
    expect(firstExcerpt(torres)).toContain('Ana Torres');
    expect(quispe?.resolvedQuery).toBe('what did quispe say');
    expect(firstExcerpt(quispe)).toContain('Rosa Quispe');
  });

  it('Y may be named by a role ("the mediator")', () => {
    const [, mediator] = thread(engine, 'what did quispe say', 'and the mediator?');
    expect(mediator?.resolvedQuery).toBe('what did the mediator say');
    expect(firstExcerpt(mediator)).toContain('Ana Torres');
  });

  it('a party never quoted is not_found, not the previous quote', () => {
    const [, chile] = thread(engine, 'what did quispe say', 'and bolivia?');
    expect(chile?.kind).toBe('not_found');
  });

  it('"and on the gauges?" is a topic, not a speaker', () => {
    const [, topic] = thread(engine, 'what did quispe say', 'and on the gauges?');
    expect(topic?.resolvedQuery ?? '').not.toContain('what did the gauges say');
  });

  it('switched off, the previous quote comes back', () => {
    FOLLOW_UP_OPTIONS.speakerSwap = false;
    const [, quispe] = thread(engine, 'what did torres say', 'and quispe?');
    expect(firstExcerpt(quispe)).not.toContain('Rosa Quispe');
  });
});

describe('"why?" after a table row', () => {
  const engine = engineOfText('river-talks.txt', RIVER_TALKS);

  it("looks for the party's reason in the prose, never the row again", () => {
    const [row, why] = thread(engine, 'peru on the water cap', 'why?');
    expect(firstExcerpt(row).startsWith('Peru: No cap at all')).toBe(true);
    expect(why?.kind).toBe('answer');
    expect(firstExcerpt(why)).toBe('Peru rejects any water cap because its farmers in the valley depend on the river in the dry season.');
  });

  it('with no reason given, not_found rather than the row', () => {
    const [, why] = thread(engine, 'chile on gauges', 'why is that');
    expect(why?.kind).toBe('not_found');
    expect(why?.notices.join(' ')).toContain("don't say why");
  });

  it('switched off, the row comes back', () => {
    FOLLOW_UP_OPTIONS.whyBeyondRow = false;
    const [, why] = thread(engine, 'peru on the water cap', 'why?');
    expect(firstExcerpt(why)).not.toContain('because its farmers');
  });
});
