import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseDiscordConfig, type DiscordConfig } from './discord/index.js';
import { parseSlackConfig, type SlackConfig } from './slack/index.js';

/**
 * Everything adapters/main.ts needs, parsed once from the environment. Each platform parses its own
 * variables (parseSlackConfig / parseDiscordConfig); this module composes them and reports every problem
 * at once, in one line, naming variables and never echoing their values.
 */
export interface TalksConfig {
  logLevel: LogLevel;
  /** Where /healthz, /readyz, /metrics (and Slack's /slack/events in HTTP mode) are served. */
  port: number;
  /** True when PORT was set explicitly (console mode then serves the endpoints too). */
  portSet: boolean;
  contentDir: string;
  /** Where the index snapshot is kept between starts; undefined = always build (TALKS_INDEX_CACHE_DIR=off). */
  indexCacheDir?: string;
  reloadDebounceMs: number;
  /** Set: conversation state lives in Redis (shared by replicas). Unset: in memory. */
  redisUrl?: string;
  conversation: { maxThreads: number; idleTtlMs: number };
  rateLimit: RateLimitConfig;
  maxQueryChars: number;
  shutdownTimeoutMs: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
}

export interface BucketConfig {
  /** Requests allowed at once (the bucket's size). */
  burst: number;
  /** Tokens added back per minute. */
  perMinute: number;
}

export interface RateLimitConfig {
  user: BucketConfig;
  channel: BucketConfig;
}

export const LogLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** Empty strings count as unset, so `FOO=` in an .env file means "use the default". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  LOG_LEVEL: optional(LogLevelSchema),
  PORT: optional(int(0, 65_535)),
  TALKS_CONTENT_DIR: optional(z.string()),
  TALKS_INDEX_CACHE_DIR: optional(z.string()),
  TALKS_RELOAD_DEBOUNCE_MS: optional(int(0, 60_000)),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, 'must look like redis://host:6379 or rediss://…')),
  TALKS_THREAD_TTL_SECONDS: optional(int(1, 30 * 24 * 3600)),
  TALKS_MAX_THREADS: optional(int(1, 10_000_000)),
  TALKS_RATE_USER_BURST: optional(int(1, 1_000_000)),
  TALKS_RATE_USER_PER_MINUTE: optional(int(1, 1_000_000)),
  TALKS_RATE_CHANNEL_BURST: optional(int(1, 1_000_000)),
  TALKS_RATE_CHANNEL_PER_MINUTE: optional(int(1, 1_000_000)),
  TALKS_MAX_QUERY_CHARS: optional(int(20, 10_000)),
  TALKS_SHUTDOWN_TIMEOUT_MS: optional(int(1_000, 9_000)),
});

export const CONFIG_DEFAULTS = {
  logLevel: 'info',
  port: 3000,
  // The repository's content/ folder, wherever the process was started from.
  contentDir: fileURLToPath(new URL('../content/', import.meta.url)),
  // The repository's .cache/index/ (gitignored): a warm start restores the index instead of rebuilding it.
  indexCacheDir: fileURLToPath(new URL('../.cache/index/', import.meta.url)),
  reloadDebounceMs: 250,
  maxThreads: 10_000,
  threadTtlSeconds: 24 * 3600,
  userBurst: 5,
  userPerMinute: 20,
  channelBurst: 30,
  channelPerMinute: 120,
  maxQueryChars: 300,
  // Under 10 s so the whole shutdown, exit included, fits the orchestrator's grace period.
  shutdownTimeoutMs: 8_000,
} as const;

/** Thrown by loadConfig: `message` is one line listing every problem; no values are echoed. */
export class ConfigError extends Error {
  readonly code = 'talks_config';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`talks: invalid configuration: ${problems.join('; ')} (see .env.example)`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses the environment once. Throws ConfigError listing every problem (ours and the platforms').
 *
 * @example
 * const config = loadConfig({ PORT: '8080', SLACK_BOT_TOKEN: 'xoxb-…', SLACK_SIGNING_SECRET: '…' });
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TalksConfig {
  const problems: string[] = [];
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')} ${describeIssue(issue)}`);
  }
  const slack = collect(() => parseSlackConfig(env), problems);
  const discord = collect(() => parseDiscordConfig(env), problems);
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    logLevel: e.LOG_LEVEL ?? CONFIG_DEFAULTS.logLevel,
    port: e.PORT ?? CONFIG_DEFAULTS.port,
    portSet: e.PORT !== undefined,
    contentDir: e.TALKS_CONTENT_DIR ?? CONFIG_DEFAULTS.contentDir,
    ...(e.TALKS_INDEX_CACHE_DIR === 'off' ? {} : { indexCacheDir: e.TALKS_INDEX_CACHE_DIR ?? CONFIG_DEFAULTS.indexCacheDir }),
    reloadDebounceMs: e.TALKS_RELOAD_DEBOUNCE_MS ?? CONFIG_DEFAULTS.reloadDebounceMs,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    conversation: {
      maxThreads: e.TALKS_MAX_THREADS ?? CONFIG_DEFAULTS.maxThreads,
      idleTtlMs: (e.TALKS_THREAD_TTL_SECONDS ?? CONFIG_DEFAULTS.threadTtlSeconds) * 1000,
    },
    rateLimit: {
      user: { burst: e.TALKS_RATE_USER_BURST ?? CONFIG_DEFAULTS.userBurst, perMinute: e.TALKS_RATE_USER_PER_MINUTE ?? CONFIG_DEFAULTS.userPerMinute },
      channel: {
        burst: e.TALKS_RATE_CHANNEL_BURST ?? CONFIG_DEFAULTS.channelBurst,
        perMinute: e.TALKS_RATE_CHANNEL_PER_MINUTE ?? CONFIG_DEFAULTS.channelPerMinute,
      },
    },
    maxQueryChars: e.TALKS_MAX_QUERY_CHARS ?? CONFIG_DEFAULTS.maxQueryChars,
    shutdownTimeoutMs: e.TALKS_SHUTDOWN_TIMEOUT_MS ?? CONFIG_DEFAULTS.shutdownTimeoutMs,
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
  };
}

/** The issue's own words, but never the received value (it may be a secret pasted into the wrong variable). */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join('|')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return `must be ${issue.expected === 'number' ? 'a whole number' : issue.expected}`;
    default:
      return issue.message.replace(/received .*$/i, '').trim();
  }
}

function collect<T>(parse: () => T, problems: string[]): T | undefined {
  try {
    return parse();
  } catch (error) {
    problems.push(String((error as Error).message).replace(/\s*\n\s*/g, '; '));
    return undefined;
  }
}
