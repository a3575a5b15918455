import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Answer, AnswerSchema as AnswerSchemaType, TalksService } from '../../src/index.js';
import { CliUsageError, EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, USAGE, oneLine, parseCliArgs } from './cli-args.js';
import { parseQueryLine } from './query-line.js';
import { renderTerminal } from './render-terminal.js';
import { stripControlCharacters } from './text-width.js';

type AnswerSchema = typeof AnswerSchemaType;

/** The shipped articles: `content/` at the repository root, found from this file, not from the cwd. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

/** Conversation threads named on stdin lines live under this prefix in the store. */
const THREAD_PREFIX = 'cli:';

export interface CliIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/**
 * Runs the `talks` command line and resolves to its exit code (never calls process.exit, so output drains).
 * Answers go to stdout; reasons for failing, and files skipped, go to stderr one line each.
 *
 * @example
 * process.exitCode = await runTalks(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function runTalks(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (reason: string, code: number): number => {
    io.stderr.write(`talks: ${stripControlCharacters(oneLine(reason))}\n`);
    return code;
  };

  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return fail(`${error.message} (talks --help)`, EXIT_USAGE);
    throw error;
  }
  if (command.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }

  // The core (index, lexicons) loads only once the command line is known to be good: --help and usage errors stay instant.
  const [{ AnswerSchema }, { CliContentError, describeProblem, openTalks }] = await Promise.all([import('../../src/index.js'), import('./open-talks.js')]);
  const envDir = io.env.TALKS_CONTENT_DIR?.trim();
  const contentDir = resolve(io.cwd, command.contentDir ?? (envDir ? envDir : DEFAULT_CONTENT_DIR));
  let talks: TalksService;
  try {
    ({ talks } = await openTalks(contentDir, (problem) => io.stderr.write(`talks: ${stripControlCharacters(describeProblem(problem))}\n`)));
  } catch (error) {
    if (error instanceof CliContentError) return fail(error.message, error.kind === 'content' ? EXIT_CONTENT : EXIT_INTERNAL);
    return fail(`unexpected error: ${(error as Error).message}`, EXIT_INTERNAL);
  }

  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  if (command.question !== undefined) {
    const answer = await talks.ask({ query: command.question, platform: 'cli' });
    const checked = AnswerSchema.safeParse(answer);
    if (!checked.success) return fail(`the core returned an invalid answer: ${checked.error.message}`, EXIT_INTERNAL);
    io.stdout.write(`${command.json ? JSON.stringify(checked.data) : renderTerminal(checked.data, width === undefined ? {} : { width })}\n`);
    return EXIT_OK;
  }
  return answerLines(talks, AnswerSchema, io, command.json, width);
}

/** Answers stdin one line at a time, in order: a JSON line per answer with --json, readable blocks without. */
async function answerLines(talks: TalksService, AnswerSchema: AnswerSchema, io: CliIo, json: boolean, width: number | undefined): Promise<number> {
  if ((io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write('talks: reading questions from the terminal, one a line; Ctrl-D ends (or give the question after ask)\n');
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let answered = 0;
  for await (const raw of lines) {
    lineNumber++;
    const parsed = parseQueryLine(lineNumber === 1 ? raw.replace(/^\uFEFF/u, '') : raw);
    if (parsed === undefined) continue;
    if (parsed.type === 'invalid') {
      const error = { error: { code: parsed.code, message: parsed.message }, line: lineNumber, input: raw };
      if (json) io.stdout.write(`${JSON.stringify(error)}\n`);
      else io.stdout.write(`${answered++ > 0 ? '\n' : ''}» ${stripControlCharacters(oneLine(raw))}\nline ${lineNumber}: ${parsed.message}\n`);
      continue;
    }
    const answer: Answer | { error: { code: string; message: string }; line: number; input: string } = await askChecked(talks, AnswerSchema, parsed.query, parsed.thread, lineNumber, raw);
    if (json) {
      io.stdout.write(`${JSON.stringify(answer)}\n`);
    } else {
      const body = 'error' in answer ? answer.error.message : renderTerminal(answer, width === undefined ? {} : { width });
      io.stdout.write(`${answered++ > 0 ? '\n' : ''}» ${stripControlCharacters(`${oneLine(parsed.query)}${parsed.thread ? `  [thread ${parsed.thread}]` : ''}`)}\n${stripControlCharacters(body)}\n`);
    }
  }
  return EXIT_OK;
}

async function askChecked(talks: TalksService, AnswerSchema: AnswerSchema, query: string, thread: string | undefined, line: number, input: string): Promise<Answer | { error: { code: string; message: string }; line: number; input: string }> {
  try {
    const answer = await talks.ask({ query, platform: 'cli', ...(thread !== undefined ? { threadKey: `${THREAD_PREFIX}${thread}` } : {}) });
    const checked = AnswerSchema.safeParse(answer);
    if (checked.success) return checked.data;
    return { error: { code: 'talks_cli_invalid_answer', message: `the core returned an invalid answer: ${oneLine(checked.error.message)}` }, line, input };
  } catch (error) {
    return { error: { code: 'talks_cli_answer_failed', message: oneLine((error as Error).message) }, line, input };
  }
}
