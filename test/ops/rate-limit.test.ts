import { describe, expect, it } from 'vitest';
import { AnswerSchema, type Answer, type AskInput, type TalksService } from '../../src/index.js';
import { TokenBuckets, withRateLimit } from '../../adapters/runtime/rate-limit.js';

/** A TalksService that echoes the query it received (the decorator under test is what matters here). */
function echoService(): TalksService & { seen: AskInput[] } {
  const seen: AskInput[] = [];
  const answer = (query: string): Answer => AnswerSchema.parse({ query, kind: 'answer', text: query, citations: [] });
  return {
    seen,
    async ask(input) {
      seen.push(input);
      return answer(input.query);
    },
    runAction: async (token) => answer(token),
    copyConversation: async () => false,
    suggest: () => [],
    engine: () => {
      throw new Error('not used');
    },
  };
}

describe('TokenBuckets', () => {
  it('allows a burst, then refills at the configured rate', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 3, perMinute: 60 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(buckets.waitMs('u')).toBe(0);
      buckets.take('u');
    }
    expect(buckets.waitMs('u')).toBe(1000);
    now = 999;
    expect(buckets.waitMs('u')).toBeGreaterThan(0);
    now = 1000;
    expect(buckets.waitMs('u')).toBe(0);
    now = 1_000_000;
    expect(buckets.peek('u')).toBe(3); // never more than the burst
  });

  it('stays bounded in memory with many keys', () => {
    const buckets = new TokenBuckets({ burst: 2, perMinute: 1 }, () => 0, 100);
    for (let i = 0; i < 1000; i++) buckets.take(`user-${i}`);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});

describe('withRateLimit', () => {
  const limits = { user: { burst: 2, perMinute: 60 }, channel: { burst: 3, perMinute: 60 }, maxQueryChars: 40 };

  it('answers rate_limited (a valid Answer with a short friendly text) past the user burst, per platform and user', async () => {
    let now = 0;
    const limited: string[] = [];
    const inner = echoService();
    const talks = withRateLimit(inner, { ...limits, now: () => now, onLimited: (scope) => limited.push(scope) });
    const ask = (userId: string, channelId: string, platform = 'slack') => talks.ask({ query: 'who mediates', platform, userId, channelId });
    expect((await ask('U1', 'C1')).kind).toBe('answer');
    expect((await ask('U1', 'C1')).kind).toBe('answer');
    const refused = await ask('U1', 'C1');
    expect(AnswerSchema.parse(refused).kind).toBe('rate_limited');
    expect(refused.text).toMatch(/try again in \d+ s/);
    expect(refused.text.length).toBeLessThan(120);
    expect(limited).toEqual(['user']);
    // Another user in another channel, and the same user id on another platform, are not affected.
    expect((await ask('U2', 'C2')).kind).toBe('answer');
    expect((await ask('U1', 'C1', 'discord')).kind).toBe('answer');
    expect(inner.seen).toHaveLength(4);
    now = 1000;
    expect((await ask('U1', 'C1')).kind).toBe('answer');
  });

  it('limits a busy channel across users', async () => {
    const limited: string[] = [];
    const talks = withRateLimit(echoService(), { ...limits, now: () => 0, onLimited: (scope) => limited.push(scope) });
    const kinds = [];
    for (const user of ['A', 'B', 'C', 'D']) kinds.push((await talks.ask({ query: 'q', platform: 'slack', userId: user, channelId: 'busy' })).kind);
    expect(kinds).toEqual(['answer', 'answer', 'answer', 'rate_limited']);
    expect(limited).toEqual(['channel']);
  });

  it('does not charge a refused request', async () => {
    let now = 0;
    const talks = withRateLimit(echoService(), { ...limits, user: { burst: 1, perMinute: 60 }, now: () => now });
    const ask = () => talks.ask({ query: 'q', platform: 'slack', userId: 'U', channelId: 'C' });
    await ask();
    for (let i = 0; i < 10; i++) expect((await ask()).kind).toBe('rate_limited');
    now = 1000;
    expect((await ask()).kind).toBe('answer');
  });

  it('cuts an over-long query (by characters, not UTF-16 units) and says so', async () => {
    const inner = echoService();
    const talks = withRateLimit(inner, limits);
    const long = '😀'.repeat(30) + ' and then some more words';
    const answer = await talks.ask({ query: long, platform: 'cli' });
    expect([...inner.seen[0]!.query]).toHaveLength(40);
    expect(inner.seen[0]!.query.startsWith('😀'.repeat(30))).toBe(true);
    expect(answer.notices.join(' ')).toMatch(/cut/);
    const short = await talks.ask({ query: 'short', platform: 'cli' });
    expect(short.notices).toEqual([]);
  });

  it('does not limit questions without a user or channel (the console)', async () => {
    const talks = withRateLimit(echoService(), { ...limits, now: () => 0 });
    for (let i = 0; i < 20; i++) expect((await talks.ask({ query: 'q', platform: 'cli' })).kind).toBe('answer');
  });
});
