import { describe, expect, it } from 'vitest';
import { isWebChrome, pageFurnitureLines } from './page-furniture.js';

const page = (n: number, furniture: string) => [`Paragraph one of page ${n}.`, '', 'Paragraph two.', '', 'Paragraph three.', '', furniture, ''];

describe('pageFurnitureLines', () => {
  it('finds page numbers and running footers that come back page after page, the number going up', () => {
    expect([...pageFurnitureLines([...page(1, '1'), ...page(2, '2'), ...page(3, '3')])]).toEqual([6, 14, 22]);
    expect([...pageFurnitureLines([...page(1, 'Policy Unit        Page 1 of 3'), ...page(2, 'Policy Unit        Page 2 of 3')])]).toEqual([6, 14]);
    expect([...pageFurnitureLines([...page(1, '- 1 -'), ...page(2, '- 2 -'), ...page(3, '7      Brief'), ...page(4, '8      Brief')])]).toEqual([6, 14, 22, 30]);
  });

  it('finds none in a number standing once, years heading a timeline, rows counting up, table rows, or numbers going down', () => {
    expect(pageFurnitureLines([...page(1, '12'), ...page(2, 'Round    1'), 'Round    2', 'Round    3']).size).toBe(0);
    expect(pageFurnitureLines([...page(1, 'Round | 1'), ...page(2, 'Round | 2')]).size).toBe(0);
    expect(pageFurnitureLines(['2019', '', 'Talks began.', '', '2021', '', 'Talks collapsed.', '', '2023', '', 'They resumed.']).size).toBe(0);
    expect(pageFurnitureLines([...page(1, '5'), ...page(2, '3')]).size).toBe(0);
  });
});

describe('isWebChrome', () => {
  it('knows a web page\'s chrome on a line of its own, not a sentence naming it', () => {
    expect(['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', '4 min read', '12 minute read', 'Listen to this article · 5 min', 'Continue reading the main story'].filter(isWebChrome)).toHaveLength(7);
    expect(['The advertisement ran on Monday.', 'Advertisement spending rose', '4 minutes of silence', 'Listen to the envoy'].filter(isWebChrome)).toEqual([]);
  });
});
