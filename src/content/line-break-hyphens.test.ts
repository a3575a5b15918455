import { describe, expect, it } from 'vitest';
import { articleWords, joinBrokenWord } from './line-break-hyphens.js';

describe('joinBrokenWord', () => {
  const none = () => new Set<string>();

  it('drops a hyphen that broke a dictionary word at a line\'s end, inflected or not', () => {
    expect(joinBrokenWord('The resumption of nego-', 'tiations began.', none)).toBe('The resumption of negotiations began.');
    expect(joinBrokenWord('the Grand Ethiopian Renais-', 'sance Dam', none)).toBe('the Grand Ethiopian Renaissance Dam');
  });

  it('keeps a hyphen that belongs to the word, joining its halves without a space', () => {
    expect(joinBrokenWord('Sudan has sought data-', 'sharing on releases.', none)).toBe('Sudan has sought data-sharing on releases.');
    expect(joinBrokenWord('during multi-', 'year droughts', none)).toBe('during multi-year droughts');
  });

  it('follows the article\'s own spelling first', () => {
    expect(joinBrokenWord('a cease-', 'fire was agreed', () => articleWords('The ceasefire held.'))).toBe('a ceasefire was agreed');
    expect(joinBrokenWord('a re-', 'cover of costs', () => articleWords('They re-cover them.'))).toBe('a re-cover of costs');
  });

  it('keeps the hyphen before a capital or a figure, the second half of a compound', () => {
    expect(joinBrokenWord('the Turkish-', 'Cypriot leader', none)).toBe('the Turkish-Cypriot leader');
    expect(joinBrokenWord('below pre-', '2020 levels', none)).toBe('below pre-2020 levels');
  });

  it('joins nothing after a dash standing apart, or before a line going on in punctuation', () => {
    expect(joinBrokenWord('The talks -', 'which began in May', none)).toBeUndefined();
    expect(joinBrokenWord('The talks –', 'which began in May', none)).toBeUndefined();
    expect(joinBrokenWord('so-', '"called" talks', none)).toBeUndefined();
  });
});
