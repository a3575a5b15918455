import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContentReloader } from '../../adapters/runtime/content-reloader.js';
import { captureLogger } from './helpers/capture-logger.js';

const ARTICLE = resolve(import.meta.dirname, '../../content/us-iran-oman-talks.txt');
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talks-snapshot-'));
  made.push(dir);
  return dir;
}

async function start(dir: string, cacheDir: string) {
  const { logger, lines } = captureLogger();
  const content = createContentReloader({ dir, cacheDir, logger });
  await content.reload('startup');
  const loaded = lines.find((line) => line.msg === 'content loaded');
  return { content, snapshot: loaded?.snapshot, lines };
}

describe('start-up with an index snapshot', () => {
  it('builds and saves on the first start, restores on the next, rebuilds when a file changed', async () => {
    const dir = await tempDir();
    const cacheDir = await tempDir();
    await copyFile(ARTICLE, join(dir, 'us-iran-oman-talks.txt'));

    const first = await start(dir, cacheDir);
    expect(first.snapshot).toBe('miss');
    expect((await readdir(cacheDir)).length).toBe(1);
    const answer = first.content.getEngine().answer('positions').answer;

    const second = await start(dir, cacheDir);
    expect(second.snapshot).toBe('hit');
    // The restored engine answers exactly as the built one did.
    expect(second.content.getEngine().answer('positions').answer).toEqual(answer);
    expect(second.content.getEngine().answer('what did oman do').answer).toEqual(first.content.getEngine().answer('what did oman do').answer);

    await writeFile(join(dir, 'extra.md'), '# Extra talks\nThe envoys met again in Geneva.\n');
    const third = await start(dir, cacheDir);
    expect(third.snapshot).toBe('miss');
    expect(third.content.getEngine().documents).toHaveLength(2);
  });

  it('a corrupt snapshot is logged with its code and the index rebuilt', async () => {
    const dir = await tempDir();
    const cacheDir = await tempDir();
    await copyFile(ARTICLE, join(dir, 'us-iran-oman-talks.txt'));
    await start(dir, cacheDir);
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file as string), 'not a snapshot');
    const again = await start(dir, cacheDir);
    expect(again.snapshot).toBe('invalid');
    expect(again.lines.some((line) => line.code === 'talks_index_snapshot')).toBe(true);
    expect(again.content.getEngine().answer('positions').answer.kind).toBe('positions');
  });
});
