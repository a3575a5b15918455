import { afterEach, describe, expect, it } from 'vitest';
import { outcomeLexicon, statesAgreed, statesUnsettled } from '../src/engine/outcome-phrases.js';
import { OUTCOME_OPTIONS, outcomeQuestion } from '../src/engine/outcome-questions.js';
import { engineOfFixture, engineOfText } from './fixture-engine.js';

/**
 * A made-up report: one thing agreed, one not, one left divided, and a sentence with "not" and "agreed" that
 * states no outcome ("Thailand was not invited, as both sides had agreed beforehand").
 */
const RIVER_TALKS = `---
title: Mekong river talks end with a plan for flow data
date: 2026-11-20
---

Laos and Cambodia ended two days of talks in Vientiane on Thursday with a plan to share river-flow data, but without a deal on who should pay for new fish ladders at the Sambor dam. Thailand was not invited, as both sides had agreed beforehand.

## What was agreed

- Daily flow data from six gauges on the main stream
- A joint hotline for flood warnings

## Still to settle

The two delegations remain divided over the schedule for flushing sediment from the reservoir. Cambodia wants it every dry season; Laos says once every three years is enough. Both sides said an agreement on the fish ladders could be signed next year.

## The mood

Officials said the talks were friendly. Reporters were not allowed into the hall.
`;

describe('outcome questions: what was (not) agreed, from passages that say so', () => {
  afterEach(() => {
    OUTCOME_OPTIONS.outcomeQuestions = true;
  });

  it('"what did they not agree on" → the negated agreement, not any "not" ("Thailand was not invited")', () => {
    const { answer } = engineOfText('river-talks.md', RIVER_TALKS).answer('what did they not agree on');
    expect(answer.kind).toBe('answer');
    expect(answer.citations[0]?.sectionTitle).toBe('Mekong river talks end with a plan for flow data');
    expect(answer.citations[0]?.excerpt).toContain('without a deal on who should pay for new fish ladders');
    expect(answer.citations.map((citation) => citation.excerpt).join(' ')).not.toContain('Thailand was not invited');
  });

  it('the question\'s other words still pick the passage: "what\'s still unresolved on sediment" → divided over the flushing schedule', () => {
    const { answer } = engineOfText('river-talks.md', RIVER_TALKS).answer("what's still unresolved on sediment");
    expect(answer.citations[0]?.sectionTitle).toBe('Still to settle');
    expect(answer.citations[0]?.excerpt).toContain('remain divided over the schedule for flushing sediment');
  });

  it('"what was agreed on flood warnings" → the item under "What was agreed"', () => {
    const { answer } = engineOfText('river-talks.md', RIVER_TALKS).answer('what was agreed on flood warnings');
    expect(answer.citations[0]?.sectionTitle).toBe('What was agreed');
    expect(answer.citations[0]?.excerpt).toContain('A joint hotline for flood warnings');
  });

  it('"was an agreement signed" is refused when nothing was signed (an agreement that "could be signed next year" is none)', () => {
    const { answer } = engineOfText('river-talks.md', RIVER_TALKS).answer('was an agreement signed');
    expect(answer.kind).toBe('not_found');
  });

  it('a "not" question no passage answers with a non-agreement is refused ("what was not agreed on flood warnings")', () => {
    const { answer } = engineOfText('river-talks.md', RIVER_TALKS).answer('what was not agreed on flood warnings');
    expect(answer.kind).toBe('not_found');
  });

  it.each([
    ['arctic-shipping-talks.md', 'what did they not agree on', 'The deal in brief', 'No agreement on when to ban heavy fuel oil'],
    ['arctic-shipping-talks.md', "what's the sticking point", 'The deal in brief', 'No agreement on when to ban heavy fuel oil'],
    ['balkan-power-talks.txt', 'what did they not agree on', 'Brussels Talks Leave Northern Power Grid Dispute Unresolved', 'without a deal on who should run the electricity network'],
    ['courantyne-border-talks.txt', "what's still unresolved", 'Guyana and Suriname Agree River Survey but Stall Over Tigri Border Area', 'ended without a deal on the forested Tigri area'],
    ['nile-dam-talks.md', "what's the sticking point", 'Nile dam talks end with a drought formula but no deal on binding rules', 'the question that has stalled every round'],
    ['nile-dam-talks.md', 'what remains open', 'Nile dam talks end with a drought formula but no deal on binding rules', 'could not agree whether the rules should bind'],
  ])('%s: "%s" → %s', async (file, question, section, excerpt) => {
    const { answer } = (await engineOfFixture(file)).answer(question);
    expect(answer.citations[0]?.sectionTitle).toBe(section);
    expect(answer.citations[0]?.excerpt).toContain(excerpt);
  });

  it('with the switch off, "what did they not agree on" is a free question again (the ablation row measures it)', () => {
    OUTCOME_OPTIONS.outcomeQuestions = false;
    const { answer } = engineOfText('river-talks.md', RIVER_TALKS).answer('what did they not agree on');
    expect(answer.citations[0]?.excerpt ?? '').not.toContain('without a deal on who should pay');
  });
});

describe('outcome phrasing: closed-class constructions, not article words', () => {
  it.each([
    ["what did they not agree on", 'unsettled'],
    ["what's still unresolved", 'unsettled'],
    ['where are they stuck', 'unsettled'],
    ['is there a deadlock', 'unsettled'],
    ['what was agreed on bigeye', 'agreed'],
    ["what's the deal", 'agreed'],
    ['was an agreement signed', 'agreed'],
  ])('"%s" asks what was %s', (question, polarity) => {
    expect(outcomeQuestion(question)?.polarity).toBe(polarity);
  });

  it.each(["what happens if there's no deal by june", 'will the deal be signed', 'when will the fuel ban be agreed', 'what was left off the agenda', 'what is holding up trains at dilolo', 'did they agree on the fee', 'did they come to sign'])(
    '"%s" is no outcome question',
    (question) => {
      expect(outcomeQuestion(question)).toBeUndefined();
    },
  );

  const lexicon = outcomeLexicon(undefined);
  it.each([
    ['No agreement on when to ban heavy fuel oil', true],
    ['They still could not agree whether the rules should bind the operator.', true],
    ['Where it stands: Open; Angola to table its own figure by 15 January', true],
    ['Russia, which controls half of the coastline, was not invited.', false],
    ['It wants the case taken to court if there is no settlement by the end of 2027.', false],
    ['Most delegates said it was the figure on the fee that broke the deadlock.', false],
  ])('"%s" states a non-agreement: %s', (text, states) => {
    expect(statesUnsettled(text, lexicon) !== undefined).toBe(states);
  });

  it.each([
    ['Guyana and Suriname agreed on Tuesday to a joint survey.', true],
    ['The memorandum signed on Tuesday covers the river itself.', true],
    ['The round could end with something signed.', false],
    ['She would not call the round a success until the release schedule was signed.', false],
    ['13: rounds of talks since 2011 that ended without a signed agreement', false],
  ])('"%s" states an agreement: %s', (text, states) => {
    expect(statesAgreed(text, lexicon) !== undefined).toBe(states);
  });
});

describe('"what happened to X": the outcome on X, agreed or not', () => {
  afterEach(() => {
    OUTCOME_OPTIONS.outcomeOf = true;
  });

  it('reads the asking phrase, in the past only ("what happens next" asks about the future)', () => {
    expect(outcomeQuestion('what happened to the fish ladders')).toEqual({ polarity: 'either' });
    expect(outcomeQuestion('where do things stand on sediment')).toEqual({ polarity: 'either' });
    expect(outcomeQuestion('was there a deal on the hotline')).toEqual({ polarity: 'either' });
    expect(outcomeQuestion('what happens next')).toBeUndefined();
  });

  it('"what happened to the fish ladders" → no deal on them; "what happened with the hotline" → agreed', () => {
    const engine = engineOfText('river-talks.md', RIVER_TALKS);
    expect(engine.answer('what happened to the fish ladders').answer.citations[0]?.excerpt).toContain('without a deal on who should pay for new fish ladders');
    expect(engine.answer('what happened with the hotline').answer.citations[0]?.excerpt).toContain('A joint hotline for flood warnings');
  });

  it('"what happened to the transshipment ban" → "There was no agreement on transshipment", not a delegate\'s quote on a ban', async () => {
    const engine = await engineOfFixture('pacific-tuna-talks/2026-10-14-deal-reached.md');
    const { answer } = engine.answer('what happened to the transshipment ban');
    expect(answer.citations[0]?.sectionTitle).toBe('Left for next year');
    expect(answer.citations[0]?.excerpt).toBe('There was no agreement on transshipment.');
  });
});
