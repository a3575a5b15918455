import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationState } from '../../src/index.js';
import { captureLogger } from './helpers/capture-logger.js';
import { createRedisConversationStore } from '../../adapters/store/redis-conversation-store.js';
import { hasRedisServer, startRedisServer, type RedisServer } from './helpers/redis-server.js';

const waitFor = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};

describe.skipIf(!hasRedisServer())('RedisConversationStore against a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('shares state between two stores (two replicas) and expires it after the TTL', async () => {
    const { logger } = captureLogger();
    const a = createRedisConversationStore({ url: redis.url, idleTtlMs: 60_000, logger, keyPrefix: 'test1:' });
    const b = createRedisConversationStore({ url: redis.url, idleTtlMs: 300, logger, keyPrefix: 'test1:' });
    try {
      await Promise.all([a.waitUntilReady(5_000), b.waitUntilReady(5_000)]);
      const state = { ...createConversationState(), turns: 3, lastQuery: 'who mediates', documentId: 'doc', sectionId: 'sec', shownPassageIds: ['p1'] };
      await a.set('slack:T:C:1.0', state);
      expect(await b.get('slack:T:C:1.0')).toEqual(state);
      expect(await b.get('slack:T:C:other')).toBeUndefined();
      await b.set('short', state);
      expect(await a.get('short')).toEqual(state);
      await new Promise((r) => setTimeout(r, 500));
      expect(await a.get('short')).toBeUndefined();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps working without throwing while Redis is down, warns once, and recovers when it is back', async () => {
    const { logger, lines } = captureLogger();
    const store = createRedisConversationStore({ url: redis.url, idleTtlMs: 60_000, logger, keyPrefix: 'test2:', maxBackoffMs: 300 });
    try {
      await store.waitUntilReady(5_000);
      const state = { ...createConversationState(), turns: 1 };
      await store.set('k', state);
      expect(await store.get('k')).toEqual(state);

      await redis.stop();
      await waitFor(() => !store.isConnected(), 5_000);
      for (let i = 0; i < 20; i++) {
        const started = Date.now();
        expect(await store.get('k')).toBeUndefined();
        await store.set('k', { ...state, turns: 2 });
        // Nothing is queued while offline: each call returns at once.
        expect(Date.now() - started).toBeLessThan(1_000);
      }
      await new Promise((r) => setTimeout(r, 1_000));
      const warnings = lines.filter((l) => l.code === 'talks_store_unavailable');
      expect(warnings).toHaveLength(1);

      await redis.start();
      await waitFor(() => store.isConnected(), 8_000);
      expect(lines.some((l) => l.code === 'talks_store_recovered')).toBe(true);
      await store.set('k', { ...state, turns: 5 });
      expect((await store.get('k'))?.turns).toBe(5);
    } finally {
      await store.close();
    }
  });

  it('does not wait on a Redis that hangs: commands time out, then it recovers when Redis answers again', async () => {
    const { logger, lines } = captureLogger();
    const store = createRedisConversationStore({ url: redis.url, idleTtlMs: 60_000, logger, keyPrefix: 'test4:', commandTimeoutMs: 200 });
    try {
      await store.waitUntilReady(5_000);
      const state = { ...createConversationState(), turns: 7 };
      await store.set('k', state);
      redis.pause();
      const started = Date.now();
      expect(await store.get('k')).toBeUndefined();
      await store.set('k', { ...state, turns: 8 });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(store.isConnected()).toBe(false);
      // While it stalls, answers no longer wait for a timeout each: they skip the store at once.
      const skipped = Date.now();
      for (let i = 0; i < 20; i++) expect(await store.get('k')).toBeUndefined();
      expect(Date.now() - skipped).toBeLessThan(1_000); // 20 timeouts would take 4 s
      redis.resume();
      await waitFor(async () => (await store.get('k')) !== undefined, 5_000);
      expect(store.isConnected()).toBe(true);
      expect(lines.filter((l) => l.code === 'talks_store_unavailable')).toHaveLength(1);
      expect(lines.some((l) => l.code === 'talks_store_recovered')).toBe(true);
    } finally {
      redis.resume();
      await store.close();
    }
  });

  it('treats a stored value it cannot read as no state', async () => {
    const { logger } = captureLogger();
    const store = createRedisConversationStore({ url: redis.url, idleTtlMs: 60_000, logger, keyPrefix: 'test3:' });
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.url);
    try {
      await store.waitUntilReady(5_000);
      await raw.set('test3:bad-json', '{not json');
      await raw.set('test3:bad-shape', JSON.stringify({ version: 99 }));
      expect(await store.get('bad-json')).toBeUndefined();
      expect(await store.get('bad-shape')).toBeUndefined();
    } finally {
      raw.disconnect();
      await store.close();
    }
  });
});
