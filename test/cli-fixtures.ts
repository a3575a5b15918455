import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `node bin/talks.js` is run from, as a script would. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TALKS_BIN = join(REPO_ROOT, 'bin', 'talks.js');

/**
 * A small article in the plain-text style with front matter and a 4-column table, written by the tests
 * (not the shipped one), so what the CLI reads from --content is known.
 */
export const HARBOUR_TITLE = 'Harbour Accord Talks in Valletta';
export const HARBOUR_ARTICLE = `---
title: ${HARBOUR_TITLE}
date: 2026-03-02
---
Opening of the Valletta round
Negotiators from Northland and Southland met in Valletta under Maltese chairmanship to settle the fishing dispute. The chair said both delegations arrived with detailed proposals on quotas, patrols and port access.
Where the sides stand
The chair's summary lists the positions of each delegation:
Issue | Northland Position | Southland Position | Chair's Note
---|---|---|---
Fishing quotas | Quotas fixed by tonnage | Quotas shared by season | Survey first
Patrol boats | Joint patrols at sea | Coastguards stay home | Pilot in spring
Port access | Open ports for all fleets | Licences for each port | Draft text agreed
Next steps
The delegations agreed to meet again in Valletta within six weeks, after the fisheries survey is published.
`;

/** A file the parser must refuse: front matter opened and never closed. */
export const BROKEN_ARTICLE = `---
title: Never closed
Some words that were meant to be an article.
`;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/talks.js ...args` as a script would, feeding `input` on stdin (closed either way). */
export function runCli(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // TALKS_CONTENT_DIR from the caller's shell must not leak into tests that do not set it.
    const env: Record<string, string | undefined> = { ...process.env, TALKS_CONTENT_DIR: undefined, ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const child = spawn(process.execPath, [TALKS_BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the CLI may exit before reading stdin (a usage error)
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary folder with the given files; `cleanup` removes it. */
export async function makeContentDir(files: Record<string, string>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'talks-cli-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, 'utf8');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Parses JSON-lines output. */
export function jsonLines(stdout: string): unknown[] {
  return stdout.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
}
