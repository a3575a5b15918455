import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values are secrets wherever they appear in a logged object (up to two levels down). */
export const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'secret', 'password', 'authorization', 'cookie', 'redisUrl'] as const;

/** Environment variables holding secrets, censored when an env-like object is logged (at the top or one level down). */
export const SECRET_ENV_NAMES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'REDIS_URL'] as const;

/**
 * pino `redact` paths: the secret keys and env names at the top of a logged object. Only top-level paths: each
 * wildcard path costs pino's redaction a scan of every line (`*.key` and `*.*.key` for these keys cost ~60 µs a
 * line, a fifth of an answer's CPU under load; these ~5 µs). Secret keys deeper down are censored by
 * censorSecretKeys below, and secret values inside free text by the line scrubber.
 */
export const REDACT_PATHS: string[] = [...SECRET_KEYS, ...SECRET_ENV_NAMES];

const SECRET_KEY_SET = new Set<string>([...SECRET_KEYS, ...SECRET_ENV_NAMES].map((key) => key.toLowerCase()));
/** How deep censorSecretKeys looks; deeper values are left to the line scrubber. */
export const CENSOR_MAX_DEPTH = 6;

/**
 * Returns `value` with every secret key below its top level censored, at any depth up to CENSOR_MAX_DEPTH
 * (keys matched case-insensitively: `Authorization` too). Copies only the objects on the way to a secret, so
 * the caller's objects are never changed and a line without secrets costs one look at each key.
 */
export function censorSecretKeys<T>(value: T, depth = 0): T {
  if (depth > CENSOR_MAX_DEPTH || value === null || typeof value !== 'object' || value instanceof Error) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const inner = source[key];
    const next = depth > 0 && SECRET_KEY_SET.has(key.toLowerCase()) ? '[REDACTED]' : censorSecretKeys(inner, depth + 1);
    if (next !== inner) {
      copy ??= Array.isArray(value) ? [...(value as unknown[])] : { ...source };
      (copy as Record<string, unknown>)[key] = next;
    }
  }
  return (copy ?? value) as T;
}

/** Shapes of secrets that may hide inside free text (an error message, a URL), scrubbed from every line. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  // Slack tokens: https://api.slack.com/authentication/token-types
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[REDACTED]'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[REDACTED]'],
  // Discord bot tokens: base64 user id . timestamp . hmac
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, '[REDACTED]'],
  // Passwords in URLs: redis://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"]*:)[^@\s"]+@/gi, '$1[REDACTED]@'],
  // Authorization headers written as text
  [/\b(Bot|Bearer)\s+[A-Za-z0-9._~+/=-]{16,}/g, '$1 [REDACTED]'],
];

export interface CreateLoggerOptions {
  level?: string;
  /** Secret values to scrub from every line, wherever they appear (see findSecretValues). */
  secrets?: readonly string[];
  /** Where lines go; default stdout. Tests pass a stream to capture them. */
  destination?: DestinationStream;
  base?: Record<string, unknown>;
}

/**
 * The one logger of the process. Secrets are kept out twice: pino's `redact` censors known secret keys
 * in logged objects, and every written line is scrubbed of the configured secret values and of token
 * shapes (so a token quoted inside an error message is removed too).
 *
 * @example
 * const logger = createLogger({ level: 'info', secrets: findSecretValues(process.env) });
 * logger.child({ platform: 'slack' }).info('listening');
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const scrub = createScrubber(options.secrets ?? []);
  return pino(
    {
      level: options.level ?? 'info',
      // hostname tells replicas apart in aggregated logs.
      base: options.base ?? { app: 'talks-tracker', pid: process.pid, hostname: hostname() },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      formatters: { log: (object) => censorSecretKeys(object) },
      hooks: { streamWrite: scrub },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Buffered writes (a synchronous write per answer cost ~10% of the CPU under load, see bench/load-slack.ts);
    // pino flushes this destination synchronously on process exit, so the last lines before exit are kept.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Returns a function that removes the given secret values and known token shapes from a string. */
export function createScrubber(secrets: readonly string[]): (line: string) => string {
  // Match both the raw value and its JSON-escaped form (a value with quotes or backslashes is escaped in the line).
  const values = [...new Set(secrets.filter((s) => s.length >= 6).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))].sort(
    (a, b) => b.length - a.length,
  );
  return (line) => {
    let out = line;
    for (const value of values) if (out.includes(value)) out = out.split(value).join('[REDACTED]');
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

/** Values of environment variables that hold secrets (by name), plus the password inside REDIS_URL. */
export function findSecretValues(env: NodeJS.ProcessEnv): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (/(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY)/i.test(name)) values.push(value);
    if (/_URL$/i.test(name)) {
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(value)?.[1];
      if (password) values.push(password, decodeURIComponentSafe(password));
    }
  }
  return values;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
