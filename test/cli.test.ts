import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnswerSchema, loadContent, type Answer } from '../src/index.js';
import { BROKEN_ARTICLE, HARBOUR_ARTICLE, HARBOUR_TITLE, REPO_ROOT, jsonLines, makeContentDir, runCli } from './cli-fixtures.js';

// Each test spawns the real CLI (tsx, then loading the core and building the index): generous on a busy 2-core CI machine.
vi.setConfig({ testTimeout: 120_000 });

const CONTRACT_KINDS = ['answer', 'positions', 'section', 'sections', 'help', 'not_found'];

/** Checks the fields the contract promises scripts, beyond what AnswerSchema checks. */
function expectContractAnswer(value: unknown): Answer {
  const answer = AnswerSchema.parse(value);
  expect(CONTRACT_KINDS).toContain(answer.kind);
  expect(typeof answer.text).toBe('string');
  expect(answer.text.trim()).not.toBe('');
  for (const citation of answer.citations) {
    for (const field of ['documentId', 'documentTitle', 'sectionId', 'sectionTitle', 'excerpt'] as const) {
      expect(typeof citation[field]).toBe('string');
      expect(citation[field].trim()).not.toBe('');
    }
  }
  return answer;
}

function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '');
}

let harbour: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  harbour = await makeContentDir({ 'harbour-accord.txt': HARBOUR_ARTICLE });
});
afterAll(async () => {
  await harbour.cleanup();
});

describe('talks ask --json (one question)', () => {
  it('prints one JSON object with query, kind, text and citations', async () => {
    const run = await runCli(['ask', '--json', 'what', 'did', 'oman', 'do']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const answer = expectContractAnswer(lines[0]);
    expect(answer.query).toBe('what did oman do');
  });

  it('gives positions as a table of sectionTitle, columns and rows', async () => {
    const run = await runCli(['ask', '--json', 'positions']);
    expect(run.code).toBe(0);
    const answer = expectContractAnswer(jsonLines(run.stdout)[0]);
    expect(answer.kind).toBe('positions');
    const table = answer.table;
    expect(table).toBeDefined();
    expect(table!.sectionTitle.trim()).not.toBe('');
    expect(table!.columns.length).toBeGreaterThanOrEqual(2);
    expect(table!.rows.length).toBeGreaterThan(0);
    for (const row of table!.rows) expect(row).toHaveLength(table!.columns.length);
  });

  it('reads the folder given by --content, and takes the table from its header', async () => {
    const run = await runCli(['ask', '--json', '--content', harbour.dir, 'positions']);
    expect(run.code).toBe(0);
    const answer = expectContractAnswer(jsonLines(run.stdout)[0]);
    expect(answer.kind).toBe('positions');
    expect(answer.table?.documentTitle).toBe(HARBOUR_TITLE);
    expect(answer.table?.columns).toEqual(['Issue', 'Northland Position', 'Southland Position', "Chair's Note"]);
    expect(answer.table?.rows).toHaveLength(3);
  });

  it('resolves a relative --content against the working directory', async () => {
    const run = await runCli(['ask', '--json', '--content', basename(harbour.dir), 'sections'], { cwd: dirname(harbour.dir) });
    expect(run.code).toBe(0);
    const answer = expectContractAnswer(jsonLines(run.stdout)[0]);
    expect(answer.outlines.map((outline) => outline.documentTitle)).toEqual([HARBOUR_TITLE]);
  });

  it('reads TALKS_CONTENT_DIR when there is no --content', async () => {
    const run = await runCli(['ask', '--json', 'sections'], { env: { TALKS_CONTENT_DIR: harbour.dir } });
    expect(run.code).toBe(0);
    const answer = expectContractAnswer(jsonLines(run.stdout)[0]);
    expect(answer.outlines.map((outline) => outline.documentTitle)).toEqual([HARBOUR_TITLE]);
  });

  it('finds the shipped content/ from its own location, whatever the working directory', async () => {
    const shipped = await loadContent(join(REPO_ROOT, 'content'));
    const run = await runCli(['ask', '--json', 'sections'], { cwd: tmpdir(), env: { TALKS_CONTENT_DIR: undefined } });
    expect(run.code).toBe(0);
    const answer = expectContractAnswer(jsonLines(run.stdout)[0]);
    expect(answer.outlines.map((outline) => outline.documentTitle).sort()).toEqual(shipped.documents.map((document) => document.title).sort());
  });
});

describe('talks ask --json (questions on stdin)', () => {
  it('answers one JSON line per input line, in order, skipping blank lines, with an error object for a malformed line', async () => {
    const input = [
      'positions',
      '',
      'sections',
      '{"q": "and',
      'help\r',
      '   ',
      JSON.stringify({ question: 'no q field' }),
      'what did oman do',
      JSON.stringify({ q: 'what did oman do' }),
    ].join('\n'); // no final newline, a CRLF, blank and whitespace-only lines
    const run = await runCli(['ask', '--json'], { input });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout) as Record<string, unknown>[];
    expect(lines).toHaveLength(7);
    const answers = [lines[0], lines[1], lines[3], lines[5], lines[6]].map(expectContractAnswer);
    expect(answers.map((answer) => answer.query)).toEqual(['positions', 'sections', 'help', 'what did oman do', 'what did oman do']);
    expect(answers.map((answer) => answer.kind).slice(0, 3)).toEqual(['positions', 'sections', 'help']);
    // Lines without a thread are independent questions: the same question twice gets the same answer.
    expect(answers[4]).toEqual(answers[3]);
    expect(lines[2]).toMatchObject({ error: { code: 'talks_cli_bad_line' }, line: 4, input: '{"q": "and' });
    expect(lines[4]).toMatchObject({ error: { code: 'talks_cli_bad_line' }, line: 7 });
  });

  it('resolves a follow-up against the earlier lines of the same thread', async () => {
    // Build the questions from the table itself, so nothing here depends on this article's words.
    const positions = AnswerSchema.parse(jsonLines((await runCli(['ask', '--json', 'positions'])).stdout)[0]);
    const table = positions.table!;
    const row = table.rows[Math.min(1, table.rows.length - 1)]!;
    const question = `what is the ${table.columns[2] ?? table.columns[1]} on ${row[0]}`;
    const followUp = `and ${table.columns[1]}?`;
    const input = [
      JSON.stringify({ q: question, thread: 't1' }),
      JSON.stringify({ q: 'sections', thread: 'other' }),
      'what did oman do',
      JSON.stringify({ q: followUp, thread: 't1' }),
    ].join('\n');
    const run = await runCli(['ask', '--json'], { input });
    expect(run.code).toBe(0);
    const answers = jsonLines(run.stdout).map(expectContractAnswer);
    expect(answers.map((answer) => answer.query)).toEqual([question, 'sections', 'what did oman do', followUp]);
    const [first, , , followed] = answers;
    expect(first!.citations[0]?.sectionTitle).toBe(table.sectionTitle);
    expect(followed!.kind).not.toBe('not_found');
    expect(followed!.citations[0]?.sectionTitle).toBe(first!.citations[0]?.sectionTitle);
    expect(followed!.citations[0]?.excerpt).toContain(row[1]);
  });
});

describe('talks ask (readable)', () => {
  it('prints the positions table with aligned columns and its document › section line', async () => {
    const run = await runCli(['ask', '--content', harbour.dir, 'positions']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const header = lines.find((line) => line.startsWith('Issue'))!;
    expect(header).toBeDefined();
    const column = header.indexOf('Southland Position');
    for (const [issue, southland] of [['Fishing quotas', 'Quotas shared by season'], ['Port access', 'Licences for each port']]) {
      const line = lines.find((candidate) => candidate.startsWith(issue!))!;
      expect(line.indexOf(southland!)).toBe(column);
    }
    expect(run.stdout).toContain(`${HARBOUR_TITLE} › Where the sides stand`);
  });

  it('reads questions from stdin and prints one block per question, excerpts quoted and cited', async () => {
    const question = 'when will the delegations meet again';
    const [json] = jsonLines((await runCli(['ask', '--json', '--content', harbour.dir, question])).stdout).map(expectContractAnswer);
    const run = await runCli(['ask', '--content', harbour.dir], { input: `${question}\n\nsections\n` });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^» /gm)).toHaveLength(2);
    expect(run.stdout).toContain(`» ${question}\n`);
    expect(run.stdout).toContain('» sections\n');
    expect(run.stdout).toContain(`  1. Opening of the Valletta round`);
    for (const citation of json!.citations) {
      expect(run.stdout).toContain(`— ${citation.documentTitle} › ${citation.sectionTitle}`);
      expect(run.stdout).toContain(`> ${citation.excerpt.split('\n')[0]!.replace(/\s+/g, ' ').trim()}`);
    }
    if (json!.citations.length === 0) expect(run.stdout).toContain(json!.text.split('\n')[0]!);
  });
});

describe('talks errors', () => {
  it('rejects an unknown flag with exit 2 and a one-line reason', async () => {
    const run = await runCli(['ask', '--jsn', 'positions']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('--jsn');
  });

  it('rejects a missing or unknown command, and --content without a folder, with exit 2', async () => {
    for (const args of [[], ['asks', 'positions'], ['ask', '--content']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(stderrLines(run.stderr), args.join(' ')).toHaveLength(1);
    }
  });

  it('prints help on --help with exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('talks ask');
    expect(run.stdout).toContain('--content');
  });

  it('fails with exit 1 and a one-line reason when the folder cannot be read', async () => {
    const missing = join(harbour.dir, 'no-such-folder');
    const notAFolder = join(harbour.dir, 'harbour-accord.txt');
    for (const dir of [missing, notAFolder]) {
      const run = await runCli(['ask', '--json', '--content', dir, 'positions']);
      expect(run.code, dir).toBe(1);
      expect(run.stdout).toBe('');
      const lines = stderrLines(run.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(dir);
    }
  });

  it('fails with exit 1 when the folder has no article that loads', async () => {
    const empty = await makeContentDir({ 'notes.json': '{}' });
    const onlyBroken = await makeContentDir({ 'broken.txt': BROKEN_ARTICLE });
    try {
      const run = await runCli(['ask', '--content', empty.dir, 'positions']);
      expect(run.code).toBe(1);
      expect(stderrLines(run.stderr)).toHaveLength(1);
      const broken = await runCli(['ask', '--content', onlyBroken.dir, 'positions']);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/broken\.txt:\d+/);
    } finally {
      await empty.cleanup();
      await onlyBroken.cleanup();
    }
  });

  it('names a broken file and its line on stderr, and still answers from the others', async () => {
    const mixed = await makeContentDir({ 'broken.txt': BROKEN_ARTICLE, 'harbour-accord.txt': HARBOUR_ARTICLE });
    try {
      const run = await runCli(['ask', '--json', '--content', mixed.dir, 'positions']);
      expect(run.code).toBe(0);
      const lines = stderrLines(run.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/broken\.txt:\d+/);
      const answer = expectContractAnswer(jsonLines(run.stdout)[0]);
      expect(answer.table?.documentTitle).toBe(HARBOUR_TITLE);
    } finally {
      await mixed.cleanup();
    }
  });
});
