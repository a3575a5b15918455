import { Writable } from 'node:stream';
import { createLogger } from '../../../adapters/runtime/logger.js';

/** A real pino logger (same redaction as production) whose lines are captured, raw and parsed. */
export function captureLogger(secrets: string[] = [], level = 'debug') {
  const raw: string[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line) continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger({ level, secrets, destination }), lines, raw, text: () => raw.join('\n') };
}
