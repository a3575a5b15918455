import { randomUUID } from 'node:crypto';
import { createInterface, type Completer } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { DocumentInfo, TalksService } from '../../src/index.js';
import { renderTerminal } from './render-terminal.js';
import { stripControlCharacters } from './text-width.js';

/** How many example queries (from the core's `help` answer) the greeting shows. */
const GREETING_EXAMPLES = 4;
/** How many completions Tab offers (from `talks.suggest`). */
const COMPLETIONS = 10;

export interface ConsoleChatOptions {
  talks: TalksService;
  input: Readable;
  output: Writable & { isTTY?: boolean; columns?: number };
  /** The loaded documents to list in the greeting; defaults to the current engine's. */
  documents?: readonly DocumentInfo[];
  /** Aborting ends the chat as /quit does (e.g. on SIGTERM from the composition root). */
  signal?: AbortSignal;
  prompt?: string;
}

/**
 * The interactive console chat over the same engine as Slack and Discord: a greeting listing the loaded
 * articles with example queries, then one answer per line typed. Follow-ups carry over in one conversation
 * thread; `/new` starts a fresh one; `/quit`, Ctrl-D, Ctrl-C or end of input ends it. Works on a TTY
 * (with Tab completion) and on pipes. Resolves when the chat has ended.
 *
 * @example
 * await runConsoleChat({ talks, input: process.stdin, output: process.stdout });
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { talks, input, output, signal } = options;
  if (signal?.aborted) return;
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY && output.isTTY);
  const completer: Completer = (line) => [completionsFor(line, line.trim() === '' ? [] : safeSuggest(talks, line, COMPLETIONS)), line];
  const rl = createInterface({ input, output, terminal, ...(terminal ? { completer } : {}) });
  rl.setPrompt(options.prompt ?? 'talks> ');
  const write = (text: string): void => {
    output.write(`${stripControlCharacters(text)}\n`);
  };
  const width = (): number | undefined => (output.isTTY ? output.columns : undefined);
  const close = (): void => rl.close();
  signal?.addEventListener('abort', close, { once: true });
  // On a TTY readline turns Ctrl-C into this event (no listener would only pause the input).
  rl.on('SIGINT', close);

  // Take the line iterator now: lines piped in while the greeting is being built are buffered, not lost.
  const lines = rl[Symbol.asyncIterator]();
  let threadKey = newThreadKey();
  try {
    write(await greeting(talks, options.documents ?? talks.engine().documents));
    rl.prompt();
    for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
      // Piped input is not echoed by a terminal: echo it so the transcript reads as a conversation.
      if (!terminal) output.write(`${stripControlCharacters(raw)}\n`);
      const line = raw.trim();
      if (line === '') {
        rl.prompt();
        continue;
      }
      const command = line.toLowerCase();
      if (command === '/quit' || command === '/exit') break;
      if (command === '/new') {
        threadKey = newThreadKey();
        write('New thread: follow-ups now start from here.\n');
        rl.prompt();
        continue;
      }
      try {
        const answer = await talks.ask({ query: line, threadKey, platform: 'console' });
        const columns = width();
        write(`${renderTerminal(answer, columns === undefined ? {} : { width: columns })}\n`);
      } catch (error) {
        write(`Sorry, that failed: ${(error as Error).message}\n`);
      }
      rl.prompt();
    }
    write(output.isTTY ? '\nBye.' : 'Bye.');
  } finally {
    signal?.removeEventListener('abort', close);
    rl.close();
  }
}

async function greeting(talks: TalksService, documents: readonly DocumentInfo[]): Promise<string> {
  const lines = ['talks-tracker: answers from the desk\'s articles, quoted and cited.'];
  lines.push(`${documents.length} article${documents.length === 1 ? '' : 's'} loaded:`);
  for (const document of documents) {
    const sections = `${document.sectionCount} section${document.sectionCount === 1 ? '' : 's'}`;
    lines.push(`  - ${document.title} (${[document.asOf.slice(0, 10), sections].filter(Boolean).join(', ')})`);
  }
  let examples: string[] = [];
  try {
    examples = (await talks.ask({ query: 'help', platform: 'console' })).examples.slice(0, GREETING_EXAMPLES);
  } catch {
    // The greeting still works without examples.
  }
  if (examples.length > 0) lines.push('Try:', ...examples.map((example) => `  ${example}`));
  lines.push('Follow-ups ("and the other side?", "tell me more") continue the thread.', '/new starts a new thread; /quit or Ctrl-D leaves.', '');
  return lines.join('\n');
}

/**
 * Readline completes only what starts with the typed text: suggestions that do are continued from the
 * user's own letters (so `reg` Tab gives `regional ...`); when none do, all are listed instead.
 */
export function completionsFor(line: string, suggestions: readonly string[]): string[] {
  const typed = line.toLowerCase();
  const continuing = suggestions.filter((suggestion) => suggestion.toLowerCase().startsWith(typed)).map((suggestion) => line + suggestion.slice(line.length));
  return continuing.length > 0 ? continuing : [...suggestions];
}

function safeSuggest(talks: TalksService, prefix: string, limit: number): string[] {
  try {
    return talks.suggest(prefix, limit);
  } catch {
    return [];
  }
}

function newThreadKey(): string {
  return `console:${randomUUID()}`;
}
