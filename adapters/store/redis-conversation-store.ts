import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ConversationStateSchema, type ConversationState, type ConversationStore } from '../../src/index.js';

export interface RedisStoreOptions {
  url: string;
  /** A thread idle for longer is forgotten (Redis expires the key: same TTL as the in-memory store). */
  idleTtlMs: number;
  logger: Logger;
  keyPrefix?: string;
  /** A command not answered in this time fails (the follow-up degrades) instead of holding up the answer. */
  commandTimeoutMs?: number;
  /** Longest wait between reconnection attempts. */
  maxBackoffMs?: number;
  /** Called for each failed read or write (for metrics). */
  onError?: (error: unknown) => void;
}

export interface RedisConversationStore extends ConversationStore {
  /** True while connected and answering. */
  isConnected(): boolean;
  close(): Promise<void>;
  /** Resolves once connected (or rejects after timeoutMs); for startup logs and tests. */
  waitUntilReady(timeoutMs: number): Promise<void>;
}

/**
 * Conversation state in Redis, so any replica can answer a thread's next follow-up. Never throws and never
 * waits long: while Redis is unreachable `get` resolves undefined (follow-ups degrade to fresh questions)
 * and `set` is dropped, with one warning per outage; ioredis reconnects with capped exponential backoff and
 * the store is used again as soon as Redis is back. Commands are not queued while offline
 * (`enableOfflineQueue: false`) and time out quickly (`commandTimeout`), so a Redis blip never piles up work.
 *
 * @example
 * const store = createRedisConversationStore({ url: 'redis://127.0.0.1:6379', idleTtlMs: 86_400_000, logger });
 */
export function createRedisConversationStore(options: RedisStoreOptions): RedisConversationStore {
  const { logger } = options;
  const prefix = options.keyPrefix ?? 'talks:thread:';
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
    // Exponential backoff from 100 ms, capped, with jitter so replicas do not reconnect in lockstep.
    retryStrategy: (times) => Math.min(maxBackoffMs, 100 * 2 ** Math.min(times, 10)) + Math.floor(Math.random() * 100),
    lazyConnect: false,
  });
  let degraded = false;
  let closing = false;

  const degrade = (error: unknown) => {
    options.onError?.(error);
    if (degraded || closing) return;
    degraded = true;
    logger.warn(
      { code: 'talks_store_unavailable', err: { message: (error as Error)?.message ?? String(error) } },
      'redis unavailable: follow-ups are answered as fresh questions until it is back (reconnecting with backoff)',
    );
  };
  const recover = () => {
    if (degraded) logger.info({ code: 'talks_store_recovered' }, 'redis is back: conversation state is shared again');
    degraded = false;
  };
  // Without an 'error' listener ioredis prints every failed reconnect; the first one is our one warning.
  client.on('error', degrade);
  // Back after a lost connection ('ready'), or after a stall that only timed commands out (a command succeeds).
  client.on('ready', recover);
  client.on('end', () => {
    if (!closing) degrade(new Error('redis connection ended'));
  });

  let lastProbe = 0;
  /** May a command be sent now? Not while disconnected, nor while a stalled Redis is timing commands out. */
  const usable = (): boolean => {
    if (client.status !== 'ready') {
      degrade(new Error(`redis not connected (${client.status})`));
      return false;
    }
    if (!degraded) return true;
    // Connected but stalled: probe at most once a second rather than make every answer wait for a timeout.
    const now = Date.now();
    if (now - lastProbe >= 1_000) {
      lastProbe = now;
      client.ping().then(recover, () => undefined);
    }
    return false;
  };

  return {
    async get(threadKey) {
      if (!usable()) return undefined;
      try {
        const raw = await client.get(prefix + threadKey);
        recover();
        if (raw === null) return undefined;
        const parsed = ConversationStateSchema.safeParse(JSON.parse(raw));
        // A state written by an incompatible version is treated as no state, not as an error.
        return parsed.success ? parsed.data : undefined;
      } catch (error) {
        if (error instanceof SyntaxError) return undefined;
        degrade(error);
        return undefined;
      }
    },
    async set(threadKey: string, state: ConversationState) {
      if (!usable()) return;
      try {
        await client.set(prefix + threadKey, JSON.stringify(state), 'PX', options.idleTtlMs);
        recover();
      } catch (error) {
        degrade(error);
      }
    },
    isConnected: () => client.status === 'ready' && !degraded,
    async waitUntilReady(timeoutMs) {
      if (client.status === 'ready') return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          reject(new Error(`redis not ready after ${timeoutMs} ms`));
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve();
        };
        client.once('ready', onReady);
      });
    },
    async close() {
      closing = true;
      if (client.status === 'ready') {
        await Promise.race([client.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1_000).unref())]);
      }
      client.disconnect(false);
    },
  };
}
