import { parseArgs } from 'node:util';

/** Exit codes of `talks`, part of its contract with scripts. */
export const EXIT_OK = 0;
/** The content folder is unreadable or holds no article that loads. */
export const EXIT_CONTENT = 1;
/** Bad flags, a missing or unknown command. */
export const EXIT_USAGE = 2;
/** The index could not be built or an answer could not be produced (a bug: please report it). */
export const EXIT_INTERNAL = 3;

export const USAGE = `Usage:
  talks ask [--json] [--content DIR] [question...]
  talks --help

Answers questions from the desk's articles, quoting them with where each excerpt comes from.

  talks ask "what did oman do"      a readable answer
  talks ask --json positions        one JSON object (query, kind, text, citations, table, ...)
  talks ask --json < queries.txt    no question: one query per input line, one JSON object per line;
                                    a line {"q": "and Iran?", "thread": "t1"} continues conversation t1

Options:
  --json           print answers as JSON, one object per line
  --content DIR    read articles (.txt, .md) from DIR instead of content/ (also: TALKS_CONTENT_DIR)
  -h, --help       show this help

Exit codes: 0 answered, 1 content folder unreadable or without articles, 2 usage error, 3 internal error.`;

export type CliCommand =
  | { command: 'help' }
  | { command: 'ask'; json: boolean; contentDir?: string; question?: string };

/** A command line that cannot be run; `message` is the one-line reason shown on stderr. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Parses `talks` arguments (without `node` and the script) with node's strict parseArgs.
 * Throws CliUsageError with a one-line reason for unknown flags, missing values and unknown commands.
 *
 * @example
 * parseCliArgs(['ask', '--json', 'what', 'did', 'oman', 'do']); // { command: 'ask', json: true, question: 'what did oman do' }
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliUsageError(oneLine((error as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...words] = positionals;
  if (command === undefined) throw new CliUsageError('missing command: try talks ask "what did oman do", or talks --help');
  if (command !== 'ask') throw new CliUsageError(`unknown command "${oneLine(command)}": the command is ask (talks --help)`);
  if (values.content !== undefined && values.content.trim() === '') throw new CliUsageError('--content needs a folder, e.g. --content ./content');
  return {
    command: 'ask',
    json: values.json ?? false,
    ...(values.content !== undefined ? { contentDir: values.content } : {}),
    ...(words.length > 0 ? { question: words.join(' ') } : {}),
  };
}

/** Keeps a message to one line, for stderr reasons that scripts read line by line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
