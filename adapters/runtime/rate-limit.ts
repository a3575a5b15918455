import type { Answer, AskInput, TalksService } from '../../src/index.js';
import type { BucketConfig, RateLimitConfig } from '../config.js';

/**
 * Token buckets keyed by name: each holds up to `burst` tokens and refills `perMinute` tokens a minute.
 * Full buckets are forgotten when the map grows, so memory stays bounded by the active users.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  constructor(
    private readonly config: BucketConfig,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {
    this.perMs = config.perMinute / 60_000;
  }

  /** Tokens available for `key` right now (refilled up to the burst). */
  peek(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.config.burst;
    return Math.min(this.config.burst, bucket.tokens + (this.now() - bucket.at) * this.perMs);
  }

  /** Milliseconds until `key` has one token again (0 when it has one now). */
  waitMs(key: string): number {
    const tokens = this.peek(key);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perMs);
  }

  take(key: string): void {
    const tokens = this.peek(key) - 1;
    this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: this.now() });
    if (this.buckets.size > this.maxKeys) this.sweep();
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    for (const key of this.buckets.keys()) if (this.peek(key) >= this.config.burst) this.buckets.delete(key);
    // Everyone is mid-burst: drop the least recently used (Map keeps insertion order, take() re-inserts).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

export type LimitScope = 'user' | 'channel';

export interface RateLimitOptions extends RateLimitConfig {
  /** Longest query passed on; longer ones are cut and the answer says so. */
  maxQueryChars: number;
  onLimited?: (scope: LimitScope, input: AskInput) => void;
  now?: () => number;
}

/**
 * Decorates a TalksService with per-user and per-channel token buckets and a query length cap. A refused
 * question is answered (kind `rate_limited`, a short friendly text), never thrown, so every platform replies.
 *
 * @example
 * const talks = withRateLimit(service, { user: { burst: 5, perMinute: 20 }, channel: { burst: 30, perMinute: 120 }, maxQueryChars: 300 });
 */
export function withRateLimit(talks: TalksService, options: RateLimitOptions): TalksService {
  const users = new TokenBuckets(options.user, options.now);
  const channels = new TokenBuckets(options.channel, options.now);
  return {
    ...talks,
    async ask(input) {
      const platform = input.platform ?? 'unknown';
      const userKey = input.userId ? `${platform}:${input.userId}` : undefined;
      const channelKey = input.channelId ? `${platform}:${input.channelId}` : undefined;
      const userWait = userKey ? users.waitMs(userKey) : 0;
      const channelWait = channelKey ? channels.waitMs(channelKey) : 0;
      if (userWait > 0 || channelWait > 0) {
        const scope: LimitScope = userWait > 0 ? 'user' : 'channel';
        options.onLimited?.(scope, input);
        return rateLimitedAnswer(input.query, scope, Math.max(userWait, channelWait));
      }
      if (userKey) users.take(userKey);
      if (channelKey) channels.take(channelKey);
      const chars = [...input.query];
      if (chars.length <= options.maxQueryChars) return talks.ask(input);
      const answer = await talks.ask({ ...input, query: chars.slice(0, options.maxQueryChars).join('') });
      const notice = `Your question was cut to its first ${options.maxQueryChars} characters.`;
      return answer.notices.some((n) => /cut/i.test(n)) ? answer : { ...answer, notices: [...answer.notices, notice] };
    },
  };
}

/** The reply to a question asked too fast. */
export function rateLimitedAnswer(query: string, scope: LimitScope, waitMs: number): Answer {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const who = scope === 'user' ? "You're asking" : 'This channel is asking';
  return {
    query,
    kind: 'rate_limited',
    text: `${who} faster than I can keep up — please try again in ${seconds} s.`,
    citations: [],
    related: [],
    outlines: [],
    examples: [],
    notices: [],
    actions: [],
  };
}
