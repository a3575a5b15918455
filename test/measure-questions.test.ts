import { describe, expect, it } from 'vitest';
import { engineOfFixture, engineOfText } from './fixture-engine.js';

/**
 * A made-up report whose figures sit side by side: each question's words are near several numbers, and only
 * one of them measures what is asked (a share, a speed, a distance, an amount, a notice, a length, days).
 */
const ARTICLE = `# Strait talks end with a tanker speed limit

Negotiators from Ruritania and Freedonia ended five days of talks in Port Vell on Friday with rules for tankers in the Vell Strait. Tankers paid 14 separate port fees last year.

## What was agreed

- Tankers must keep to a 12‑knot speed limit in the strait, where 3 tankers ran aground in 2025
- Fishing boats must stay at least 800 metres from the harbour wall, and 40 fishing boats hold permits
- A tanker may load no more than 90,000 tonnes of crude in the strait
- Navies give 48 hours' notice before patrols

## Background

Each tanker can carry oil to 6 oil terminals. Navies gave notice of patrols before 11 fishing boats were seized. Tanker traffic has grown so much that 9 pilots now guide tankers through the strait. Tanker traffic rose by 22 per cent in 2025, according to the port authority.

Insurers count 7 tankers that carry no spill cover among those using the strait. They say 15 per cent of tankers in the strait carry no spill cover. In March tankers waited four days at anchor outside Port Vell.

The harbour wall, built by 400 workers in 1961, runs for 2.4 kilometres along the eastern shore.
`;

const engine = () => engineOfText('strait-talks.md', ARTICLE);

function firstCitation(query: string): { section?: string; excerpt?: string } {
  const citation = engine().answer(query).answer.citations[0];
  return { section: citation?.sectionTitle, excerpt: citation?.excerpt };
}

describe('a "how much / how far / how fast / what percentage" question is answered by a figure measuring it', () => {
  it('"what percentage did tanker traffic grow" → a share ("rose by 22 per cent"), not a count of tankers', () => {
    const { section, excerpt } = firstCitation('what percentage did tanker traffic grow');
    expect(section).toBe('Background');
    expect(excerpt).toContain('rose by 22 per cent');
  });

  it('"how fast must tankers go" → a speed ("12‑knot speed limit")', () => {
    const { section, excerpt } = firstCitation('how fast must tankers go');
    expect(section).toBe('What was agreed');
    expect(excerpt).toContain('12‑knot speed limit');
  });

  it('"how far from the harbour wall must fishing boats stay" → a distance ("800 metres")', () => {
    const { section, excerpt } = firstCitation('how far from the harbour wall must fishing boats stay');
    expect(section).toBe('What was agreed');
    expect(excerpt).toContain('at least 800 metres from the harbour wall');
  });

  it('"how much oil can each tanker carry" → an amount with its unit ("90,000 tonnes")', () => {
    const { section, excerpt } = firstCitation('how much oil can each tanker carry');
    expect(section).toBe('What was agreed');
    expect(excerpt).toContain("90,000 tonnes of crude");
  });

  it('"how much notice before patrols" → the notice\'s own figure ("48 hours\' notice"), not the 11 boats patrols seized', () => {
    const { section, excerpt } = firstCitation('how much notice before patrols');
    expect(section).toBe('What was agreed');
    expect(excerpt).toContain("48 hours' notice");
  });

  it('"how long is the harbour wall" → a length ("2.4 kilometres"), not a duration', () => {
    const { section, excerpt } = firstCitation('how long is the harbour wall');
    expect(section).toBe('Background');
    expect(excerpt).toContain('2.4 kilometres');
  });

  it('"how many days of talks" → a counted duration ("five days of talks")', () => {
    const { excerpt } = firstCitation('how many days of talks');
    expect(excerpt).toContain('five days of talks');
  });

  it('a measure the article never gives is not_found', () => {
    for (const query of ['how wide is the port', 'how many weeks of talks', 'how fast must fishing boats go']) {
      expect(engine().answer(query).answer.kind, query).toBe('not_found');
    }
  });

  it('"what percentage of tankers carry no spill cover" → a share ("15 per cent"), not the count of 7 tankers', () => {
    const { section, excerpt } = firstCitation('what percentage of tankers carry no spill cover');
    expect(section).toBe('Background');
    expect(excerpt).toContain('15 per cent of tankers');
  });

  it('"how much has tanker traffic grown" needs a change ("rose by 22 per cent"), not a number of pilots', () => {
    expect(firstCitation('how much has tanker traffic grown').excerpt).toContain('rose by 22 per cent');
  });

  it('"how many days of talks": "days" is the unit, not the topic (the Lobito report counts days by rail, not of talks)', async () => {
    expect((await engineOfFixture('lobito-corridor-talks.md')).answer('how many days of talks').answer.kind).toBe('not_found');
  });
});
