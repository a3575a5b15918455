import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentParseError } from '../errors.js';

/** The metadata an article may declare in `---` front matter. Unknown keys are kept out. */
export const FrontMatterSchema = z.object({
  title: z.coerce.string().optional(),
  date: z.union([z.string(), z.date()]).optional(),
  source: z.coerce.string().optional(),
  url: z.string().url().optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export interface SplitFrontMatter {
  frontMatter: FrontMatter;
  /** Body lines, after the front matter. */
  lines: string[];
  /** How many lines the front matter took (to report body line numbers as file line numbers). */
  lineOffset: number;
}

const FENCE = /^---\s*$/;

/** Splits optional YAML front matter off an article's lines and validates it. */
export function splitFrontMatter(fileName: string, lines: string[]): SplitFrontMatter {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1 || !FENCE.test(lines[first] ?? '')) return { frontMatter: {}, lines, lineOffset: 0 };
  const close = lines.findIndex((line, index) => index > first && FENCE.test(line));
  // A lone `---` at the top followed by no closing fence is not front matter we can trust.
  if (close === -1) {
    throw new ContentParseError(fileName, first + 1, 'front matter opened with `---` is never closed: add a closing `---` line after title/date/source/url');
  }
  const yamlText = lines.slice(first + 1, close).join('\n');
  let raw: unknown;
  try {
    raw = parseYaml(yamlText) ?? {};
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    throw new ContentParseError(fileName, first + 1 + line, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ContentParseError(fileName, first + 2, 'front matter must be `key: value` lines (title, date, source, url)');
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const keyLine = lines.slice(first + 1, close).findIndex((line) => line.startsWith(`${key}:`));
    throw new ContentParseError(fileName, first + 2 + Math.max(keyLine, 0), `front matter field "${key}" is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  return { frontMatter: parsed.data, lines: lines.slice(close + 1), lineOffset: close + 1 };
}
