import type { Logger as PinoLogger } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

/**
 * Bolt's Logger interface over our pino child, so Bolt's own lines (signature failures, unhandled
 * requests) land in the one structured log. The level is pino's; Bolt's setLevel is ignored.
 */
export function createBoltLogger(logger: PinoLogger): BoltLogger {
  const line = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : safeJson(part))).join(' ');
  let name = 'bolt';
  return {
    debug: (...parts: unknown[]) => logger.debug({ source: name }, line(parts)),
    info: (...parts: unknown[]) => logger.info({ source: name }, line(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: name }, line(parts)),
    error: (...parts: unknown[]) => logger.error({ source: name }, line(parts)),
    setLevel: () => undefined,
    getLevel: () => {
      const level = logger.level;
      if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: (next: string) => {
      name = next;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
