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
  if (first === -1) return { frontMatter: {}, lines, lineOffset: 0 };
  if (TOML_FENCE.test(lines[first] ?? '')) return splitTomlFields(lines, first) ?? { frontMatter: {}, lines, lineOffset: 0 };
  if (!FENCE.test(lines[first] ?? '')) return splitFencelessFields(lines, first) ?? { frontMatter: {}, lines, lineOffset: 0 };
  const close = lines.findIndex((line, index) => index > first && FENCE.test(line));
  // A lone `---` at the top followed by no closing fence is not front matter we can trust.
  if (close === -1) {
    throw new ContentParseError(fileName, first + 1, 'front matter opened with `---` is never closed: add a closing `---` line after title/date/source/url');
  }
  const fieldLines = lines.slice(first + 1, close);
  let raw: unknown;
  try {
    raw = parseYaml(fieldLines.join('\n')) ?? {};
  } catch (error) {
    raw = readPlainFields(fieldLines);
    if (raw === undefined) {
      const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
      throw new ContentParseError(fileName, first + 1 + line, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]} (put a value holding a colon or brackets in quotes)`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ContentParseError(fileName, first + 2, 'front matter must be `key: value` lines (title, date, source, url)');
  }
  const parsed = FrontMatterSchema.safeParse(normalizeFields(raw as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const keyLine = fieldLines.findIndex((line) => line.toLowerCase().startsWith(`${key}:`));
    throw new ContentParseError(fileName, first + 2 + Math.max(keyLine, 0), `front matter field "${key}" is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  return { frontMatter: parsed.data, lines: lines.slice(close + 1), lineOffset: close + 1 };
}

/** A plain `key: value` line, the value not opening YAML's brackets, block scalars, anchors or tags. */
const PLAIN_FIELD = /^([A-Za-z][\w-]*):[ \t]+([^[{|>&*!%@`\s].*?)\s*$/;

/**
 * Front matter as people write it by hand: `title: Cyprus: the talks that never end` is not YAML (a colon in
 * an unquoted value), but every line is plainly `key: value`. Read so when each line is (surrounding quotes
 * dropped); undefined when any line is something else, and the YAML error stands.
 */
function readPlainFields(fieldLines: string[]): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const line of fieldLines) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = PLAIN_FIELD.exec(line);
    if (!match) return undefined;
    fields[match[1] ?? ''] = (match[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
  }
  return fields;
}

/** Keys of metadata written without fences (Pelican's and MultiMarkdown's, or by hand): what such blocks hold. */
const METADATA_KEY = /^(?:title|date|source|url|author|authors|byline|desk|tags|category|categories|slug|summary|lang|status|modified|updated)$/i;

/**
 * Metadata written without `---` fences at the top ('Title: Oman talks resume' over 'Date: 2026-03-04', then a
 * blank line), as Pelican and MultiMarkdown write it and people do by hand: read as front matter when every
 * line is a known key's `key: value` and a title or a date is among them; else the lines are the article's text.
 */
function splitFencelessFields(lines: string[], first: number): SplitFrontMatter | undefined {
  let end = first;
  while (end < lines.length && !isBlankLine(lines[end])) end += 1;
  const fields = readPlainFields(lines.slice(first, end));
  if (!fields || !Object.keys(fields).every((key) => METADATA_KEY.test(key))) return undefined;
  const normalized = normalizeFields(fields);
  if (normalized.title === undefined && normalized.date === undefined) return undefined;
  const parsed = FrontMatterSchema.safeParse(normalized);
  return parsed.success ? { frontMatter: parsed.data, lines: lines.slice(end), lineOffset: end } : undefined;
}

const TOML_FENCE = /^\+\+\+\s*$/;
/** A TOML `key = value` line: a quoted string, or a bare value (a date, a number). */
const TOML_FIELD = /^([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^"'\s#][^#]*?))\s*(?:#.*)?$/;

/**
 * Hugo's TOML front matter between `+++` lines (`title = "Oman talks resume"`, `date = 2026-03-04`): read as
 * front matter when it closes and every line is such a field (tables and arrays of other keys are skipped).
 */
function splitTomlFields(lines: string[], first: number): SplitFrontMatter | undefined {
  const close = lines.findIndex((line, index) => index > first && TOML_FENCE.test(line));
  if (close === -1) return undefined;
  const fields: Record<string, string> = {};
  for (const line of lines.slice(first + 1, close)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const match = TOML_FIELD.exec(line.trim());
    if (!match) continue;
    fields[match[1] ?? ''] = match[2]?.replace(/\\(["\\])/g, '$1') ?? match[3] ?? match[4] ?? '';
  }
  const parsed = FrontMatterSchema.safeParse(normalizeFields(fields));
  return parsed.success ? { frontMatter: parsed.data, lines: lines.slice(close + 1), lineOffset: close + 1 } : undefined;
}

const isBlankLine = (line: string | undefined) => line === undefined || line.trim() === '';

/** Keys in any case (`Title:`), and a url written without its scheme (`example.org/story`) read as https. */
function normalizeFields(raw: Record<string, unknown>): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key.toLowerCase(), value]));
  if (typeof fields.url === 'string' && /^(?:[\w-]+\.)+[a-z]{2,}(?:[/?#]|$)/i.test(fields.url)) fields.url = `https://${fields.url}`;
  return fields;
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const FRONT_MATTER_CODE: readonly unknown[] = [splitFrontMatter, splitFencelessFields, splitTomlFields, isBlankLine, TOML_FENCE, TOML_FIELD, readPlainFields, normalizeFields, PLAIN_FIELD, FENCE, METADATA_KEY];
