import { describe, expect, it } from 'vitest';
import { engineOfText } from './fixture-engine.js';

/** A made-up article: a positions table whose row labels have two words, two parties and a status column. */
const ARTICLE = `Rail corridor talks end without a deal

Ministers from Avaria and Belmora ended two days of talks in Port Kell on Thursday without agreeing on the corridor's rules. Belmora said the fee was the last open question, and Avaria said its wagons would stay.

Where each side stands

Issue | Avaria | Belmora | Status
---|---|---|---
Transit fee | $180 per container, reviewed every year | $95 per container, fixed for ten years | Open
Border checks | Its own customs post at the bridge | One joint check at the border post | Agreed in principle
Wagon fleet | Avarian wagons on Avarian track | A single pooled fleet | Put off

Background

The corridor carries copper to the coast. About 1,500 wagons already run on it, most of them leased.
`;

describe('a table row named by one word of its label, with a party named', () => {
  const engine = engineOfText('rail-corridor-talks.txt', ARTICLE);

  it('"belmora on the fee" → the Transit fee row, Belmora\'s cell first', () => {
    const { answer } = engine.answer('belmora on the fee');
    expect(answer.citations[0]?.sectionTitle).toBe('Where each side stands');
    expect(answer.citations[0]?.excerpt).toMatch(/^Belmora: \$95 per container/);
  });

  it('"avaria position on wagons" → the Wagon fleet row, Avaria\'s cell first', () => {
    expect(engine.answer('avaria position on wagons').answer.citations[0]?.excerpt).toMatch(/^Avaria: Avarian wagons on Avarian track/);
  });

  it('a word of the question the table does not explain leaves it to the prose', () => {
    // "run" is no word of the table: the row "Wagon fleet" is not asked about.
    expect(engine.answer('how many wagons run on the corridor').answer.citations[0]?.excerpt).toContain('About 1,500 wagons');
  });

  it('a question for a figure or a date is no table question when the asked cell gives none', () => {
    // The Border checks row is named whole, but Avaria's cell holds no date.
    const { answer } = engine.answer('when did avaria agree to the border checks');
    expect(answer.citations[0]?.excerpt ?? '').not.toContain('Its own customs post');
    // …while a cell giving an amount answers "how much".
    expect(engine.answer('how much does belmora want for the transit fee').answer.citations[0]?.excerpt).toMatch(/^Belmora: \$95 per container/);
  });
});
