import { describe, expect, it } from 'vitest';
import { dateInFileName } from './file-name-date.js';

describe('dateInFileName', () => {
  it('reads a date the way desks name files', () => {
    expect(dateInFileName('2026-10-12-talks-open.txt')?.toISOString()).toBe('2026-10-12T00:00:00.000Z');
    expect(dateInFileName('content/talks_20261012.md')?.toISOString()).toBe('2026-10-12T00:00:00.000Z');
    expect(dateInFileName('talks.2025.03.01.md')?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('gives nothing for names without a real calendar date', () => {
    expect(dateInFileName('us-iran-oman-talks.txt')).toBeUndefined();
    expect(dateInFileName('2026-02-30-talks.txt')).toBeUndefined();
    expect(dateInFileName('report-12026-10-12.txt')).toBeUndefined();
    expect(dateInFileName('2026-1012.txt')).toBeUndefined();
    expect(dateInFileName('case-20261399.md')).toBeUndefined();
  });
});
