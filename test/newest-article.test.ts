import { describe, expect, it } from 'vitest';
import { buildEngine, parseArticle } from '../src/index.js';

/** Two made-up reports on the same talks, two days apart: the fee offered on day one, the fee agreed on day three. */
const DAY_ONE = `---
title: Fishing talks open with a fee offer
date: 2026-10-12
---

## The fee offer

Japan offered to raise the vessel-day fee for its tuna boats to $13,000, its negotiator said.

## The mood

Delegates said the first day was calm.
`;

const DAY_THREE = `---
title: Fishing talks end with a deal
date: 2026-10-14
---

## The fee agreed

The vessel-day fee for foreign tuna boats rises to $14,000 from January, under the deal signed on Wednesday.

## What comes next

The commission meets again in June.
`;

describe('several articles on the same talks: the newest answers first', () => {
  // The older report is loaded first, so a tie in score would go to it.
  const engine = buildEngine([
    parseArticle({ fileName: 'fee-offer.md', text: DAY_ONE }),
    parseArticle({ fileName: 'fee-deal.md', text: DAY_THREE }),
  ]);

  it('"what is the vessel-day fee for tuna boats" → the deal\'s $14,000, not the day-one offer', () => {
    const { answer } = engine.answer('what is the vessel-day fee for tuna boats');
    expect(answer.citations[0]?.documentTitle).toBe('Fishing talks end with a deal');
    expect(answer.citations[0]?.excerpt).toContain('rises to $14,000 from January');
  });

  it('a question only the older article answers is still answered from it', () => {
    const { answer } = engine.answer('what did japan offer');
    expect(answer.citations[0]?.documentTitle).toBe('Fishing talks open with a fee offer');
  });
});

describe('several articles answering the same question', () => {
  const engine = buildEngine([
    parseArticle({ fileName: 'dam.md', text: '---\ntitle: Dam talks end in Kinshasa\ndate: 2026-11-15\n---\n\nNegotiators ended four days of talks in Kinshasa on Sunday with a drought formula.\n' }),
    parseArticle({ fileName: 'shipping.md', text: '---\ntitle: Arctic shipping talks close\ndate: 2026-11-21\n---\n\nOfficials ended three days of talks in Tromsø on Friday with a rescue fund.\n\n## Fund\n\nThe fund pays for two rescue centres.\n' }),
  ]);

  it('"when did the talks end" quotes each article and says others answer too, instead of picking one in silence', () => {
    const { answer } = engine.answer('when did the talks end');
    expect(answer.citations.map((citation) => citation.documentTitle).sort()).toEqual(['Arctic shipping talks close', 'Dam talks end in Kinshasa']);
    expect(answer.text).toMatch(/Other articles answer this too: “(Arctic shipping talks close|Dam talks end in Kinshasa)”/);
  });

  it('a question only one article answers in full names no other', () => {
    const { answer } = engine.answer('what does the fund pay for');
    expect(answer.citations.every((citation) => citation.documentTitle === 'Arctic shipping talks close')).toBe(true);
    expect(answer.text).not.toContain('Other articles');
  });
});
