import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../adapters/cli/index.js';
import { completionsFor } from '../adapters/cli/console-chat.js';
import { renderTerminal } from '../adapters/cli/render-terminal.js';
import { buildEngine, createMemoryConversationStore, createTalksService, loadContent, type Engine, type TalksService } from '../src/index.js';
import { HARBOUR_ARTICLE, HARBOUR_TITLE, makeContentDir } from './cli-fixtures.js';

let engine: Engine;
let content: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  content = await makeContentDir({ 'harbour-accord.txt': HARBOUR_ARTICLE });
  const { documents } = await loadContent(content.dir);
  engine = buildEngine(documents);
});
afterAll(async () => {
  await content.cleanup();
});

function newTalks(): TalksService {
  return createTalksService({ getEngine: () => engine, store: createMemoryConversationStore() });
}

/** Starts a chat on piped streams; `send` types lines, `done` resolves when the chat ends. */
function startChat(talks: TalksService, signal?: AbortSignal) {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (transcript += chunk));
  const done = runConsoleChat({ talks, input, output, ...(signal ? { signal } : {}) });
  return {
    send: (line: string) => input.write(`${line}\n`),
    end: () => input.end(),
    done,
    transcript: () => transcript,
    /** Waits until the transcript contains `text` (the chat answers asynchronously). */
    waitFor: async (text: string) => {
      for (let i = 0; i < 200 && !transcript.includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(transcript).toContain(text);
    },
  };
}

describe('runConsoleChat', () => {
  it('greets with the loaded documents and examples from help, answers, and exits on /quit', async () => {
    const chat = startChat(newTalks());
    await chat.waitFor('talks> ');
    const greeting = chat.transcript();
    expect(greeting).toContain(HARBOUR_TITLE);
    const examples = engine.answer('help').answer.examples;
    for (const example of examples.slice(0, 2)) expect(greeting).toContain(example);

    chat.send('positions');
    const positions = renderTerminal(engine.answer('positions').answer);
    await chat.waitFor(positions);
    chat.send('/quit');
    await chat.done;
    expect(chat.transcript().trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('carries follow-ups in one thread, and /new starts a fresh one', async () => {
    const positions = engine.answer('positions').answer;
    const table = positions.table!;
    const row = table.rows[0]!;
    const question = `what is the ${table.columns[2]} on ${row[0]}`;
    const followUp = `and ${table.columns[1]}?`;
    const first = engine.answer(question);
    const inThread = renderTerminal(engine.answer(followUp, first.state).answer);
    const fresh = renderTerminal(engine.answer(followUp).answer);

    const chat = startChat(newTalks());
    chat.send(question);
    chat.send(followUp);
    chat.send('/new');
    chat.send(followUp);
    chat.end(); // Ctrl-D / end of piped input ends the chat too
    await chat.done;
    const transcript = chat.transcript();
    const afterNew = transcript.slice(transcript.indexOf('New thread'));
    const beforeNew = transcript.slice(0, transcript.indexOf('New thread'));
    expect(beforeNew).toContain(inThread);
    expect(afterNew).toContain(fresh);
    expect(inThread).toContain(table.sectionTitle);
  });

  it('works on piped input: echoes lines after the prompt and ends at end of input', async () => {
    const chat = startChat(newTalks());
    chat.send('sections');
    chat.send('');
    chat.end();
    await chat.done;
    expect(chat.transcript()).toContain('talks> sections\n');
    expect(chat.transcript()).toContain(renderTerminal(engine.answer('sections').answer));
  });

  it('ends when its signal is aborted', async () => {
    const controller = new AbortController();
    const chat = startChat(newTalks(), controller.signal);
    await chat.waitFor('talks> ');
    controller.abort();
    await chat.done;
    expect(chat.transcript()).toContain('Bye.');
  });
});

describe('completionsFor (Tab in the console chat)', () => {
  it('continues suggestions from the letters typed, whatever their case', () => {
    expect(completionsFor('reg', ['Regional Stability', 'Background of Regional Tensions', 'regional talks'])).toEqual(['regional Stability', 'regional talks']);
  });

  it('lists every suggestion when none starts with the text typed', () => {
    expect(completionsFor('tensions', ['Background of Regional Tensions'])).toEqual(['Background of Regional Tensions']);
    expect(completionsFor('x', [])).toEqual([]);
  });
});
