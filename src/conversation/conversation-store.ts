import type { ConversationState } from './conversation-state.js';

/**
 * Where thread states live between turns. The core ships an in-memory store; a shared one
 * (Redis) lives at the edge and implements the same two calls. A store that cannot reach its
 * backend should resolve `get` to undefined (the follow-up degrades to a fresh question) rather than throw.
 */
export interface ConversationStore {
  get(threadKey: string): Promise<ConversationState | undefined>;
  set(threadKey: string, state: ConversationState): Promise<void>;
  close?(): Promise<void>;
}

export interface MemoryStoreOptions {
  /** Most threads kept; the least recently used go first. */
  maxThreads?: number;
  /** A thread idle for longer than this is forgotten. */
  idleTtlMs?: number;
  now?: () => number;
}

export const DEFAULT_MAX_THREADS = 10_000;
export const DEFAULT_IDLE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * An in-memory ConversationStore bounded in size (LRU) and in idle time (TTL).
 *
 * @example
 * const store = createMemoryConversationStore({ maxThreads: 1000, idleTtlMs: 3_600_000 });
 */
export function createMemoryConversationStore(options: MemoryStoreOptions = {}): ConversationStore {
  const maxThreads = options.maxThreads ?? DEFAULT_MAX_THREADS;
  const idleTtlMs = options.idleTtlMs ?? DEFAULT_IDLE_TTL_MS;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so re-inserting on every touch makes the first key the least recently used.
  const entries = new Map<string, { state: ConversationState; touchedAt: number }>();
  return {
    async get(threadKey) {
      const entry = entries.get(threadKey);
      if (!entry) return undefined;
      if (now() - entry.touchedAt > idleTtlMs) {
        entries.delete(threadKey);
        return undefined;
      }
      return entry.state;
    },
    async set(threadKey, state) {
      entries.delete(threadKey);
      entries.set(threadKey, { state, touchedAt: now() });
      while (entries.size > maxThreads) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
