/**
 * A small set of recently seen keys, bounded in size and in age, so the same Slack event is answered
 * once: Slack retries an event it thinks was slow (X-Slack-Retry-Num, same `event_id`), Socket Mode can
 * deliver an envelope twice, and a message that mentions the bot in a thread it is in arrives both as
 * `app_mention` and as `message`.
 */
export interface SeenSet {
  /** Records the key; returns true when it was already seen (and not yet expired). */
  seen(key: string): boolean;
  readonly size: number;
}

/** Slack retries up to three times over about an hour; keys older than this are forgotten. */
export const DEFAULT_DEDUPE_TTL_MS = 2 * 60 * 60 * 1000;
export const DEFAULT_DEDUPE_MAX_KEYS = 10_000;

export function createSeenSet(options: { maxKeys?: number; ttlMs?: number; now?: () => number } = {}): SeenSet {
  const maxKeys = options.maxKeys ?? DEFAULT_DEDUPE_MAX_KEYS;
  const ttlMs = options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS;
  const now = options.now ?? Date.now;
  // Insertion order is age order: the first key is always the oldest.
  const keys = new Map<string, number>();
  return {
    seen(key) {
      const at = now();
      for (const [oldest, seenAt] of keys) {
        if (at - seenAt <= ttlMs && keys.size < maxKeys) break;
        keys.delete(oldest);
      }
      const previous = keys.get(key);
      if (previous !== undefined && at - previous <= ttlMs) return true;
      keys.set(key, at);
      return false;
    },
    get size() {
      return keys.size;
    },
  };
}
