import { z } from 'zod';

/** A stdin line written as JSON: `{"q": "and Iran?", "thread": "t1"}` continues conversation t1. */
export const QueryLineSchema = z.object({
  q: z.string(),
  thread: z.union([z.string(), z.number()]).optional(),
});

export type QueryLine =
  | { type: 'query'; query: string; thread?: string }
  | { type: 'invalid'; code: 'talks_cli_bad_line'; message: string };

/**
 * Reads one stdin line of `talks ask`: a line starting with `{` must be a JSON object with a string `q`
 * (and optionally `thread`); any other line is the query itself. Returns undefined for blank lines.
 *
 * @example
 * parseQueryLine('{"q": "and Iran?", "thread": "t1"}'); // { type: 'query', query: 'and Iran?', thread: 't1' }
 */
export function parseQueryLine(line: string): QueryLine | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  if (!trimmed.startsWith('{')) return { type: 'query', query: trimmed };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return invalid(`not valid JSON (${(error as Error).message}): write {"q": "question", "thread": "name"} or the plain question`);
  }
  const result = QueryLineSchema.safeParse(value);
  if (!result.success) {
    return invalid('a JSON line needs a string "q" (and optionally a string "thread"), e.g. {"q": "and Iran?", "thread": "t1"}');
  }
  const { q, thread } = result.data;
  return thread === undefined || String(thread) === '' ? { type: 'query', query: q } : { type: 'query', query: q, thread: String(thread) };
}

function invalid(message: string): QueryLine {
  return { type: 'invalid', code: 'talks_cli_bad_line', message: message.replace(/\s+/gu, ' ') };
}
