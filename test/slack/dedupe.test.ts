import { describe, expect, it } from 'vitest';
import { createSeenSet } from '../../adapters/slack/dedupe.js';

describe('createSeenSet', () => {
  it('reports a key seen twice within the TTL, and forgets it after', () => {
    let now = 0;
    const seen = createSeenSet({ ttlMs: 1000, now: () => now });
    expect(seen.seen('Ev1')).toBe(false);
    expect(seen.seen('Ev1')).toBe(true);
    now = 1500;
    expect(seen.seen('Ev1')).toBe(false);
  });

  it('stays bounded, dropping the oldest keys first', () => {
    let now = 0;
    const seen = createSeenSet({ maxKeys: 100, ttlMs: 1e9, now: () => now++ });
    for (let index = 0; index < 1000; index += 1) seen.seen(`Ev${index}`);
    expect(seen.size).toBeLessThanOrEqual(100);
    expect(seen.seen('Ev999')).toBe(true);
    expect(seen.seen('Ev0')).toBe(false);
  });
});
