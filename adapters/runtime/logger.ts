import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values are secrets wherever they appear in a logged object (up to two levels down). */
export const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'secret', 'password', 'authorization', 'cookie', 'redisUrl'] as const;

/** Environment variables holding secrets, censored when an env-like object is logged (at the top or one level down). */
export const SECRET_ENV_NAMES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'REDIS_URL'] as const;

/**
 * pino `redact` paths. Kept to two levels of nesting: every extra wildcard level multiplies redaction's cost on
 * every line (64 paths at three levels cost ~80 µs a line under load, these ~25 µs); secrets deeper down, or
 * inside free text, are caught by the line scrubber below.
 */
export const REDACT_PATHS: string[] = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...SECRET_ENV_NAMES.flatMap((key) => [key, `*.${key}`]),
];

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
