import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate-archive.js';
import { startEngine } from './start-engine.js';

let root: string;
let content: string;
let cache: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talks-start-'));
  content = join(root, 'content');
  cache = join(root, 'cache');
  await mkdir(content);
  await copyFile(new URL('../../content/us-iran-oman-talks.txt', import.meta.url), join(content, 'us-iran-oman-talks.txt'));
  for (const article of generateArchive({ articles: 4, seed: 21 })) await writeFile(join(content, article.fileName), article.text);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const QUERIES = ['positions', 'sections', 'what did oman do', 'omans mediaton', 'background', 'how many centrifuges', 'help', 'security guarantees'];

describe('startEngine with a snapshot folder', () => {
  it('builds and saves on the first start, restores on the next, and answers the same', async () => {
    const cold = await startEngine({ contentDir: content, cacheDir: cache });
    expect(cold.snapshot).toBe('miss');
    expect(cold.snapshotProblems).toEqual([]);
    expect(cold.timings.snapshotBytes).toBeGreaterThan(0);
    const warm = await startEngine({ contentDir: content, cacheDir: cache });
    expect(warm.snapshot).toBe('hit');
    expect(warm.engine.stats).toEqual(cold.engine.stats);
    expect(warm.documents.map((d) => d.documentId)).toEqual(cold.documents.map((d) => d.documentId));
    for (const query of QUERIES) {
      const a = cold.engine.answer(query);
      const b = warm.engine.answer(query);
      expect(b.answer).toEqual(a.answer);
      // Follow-ups resolve the same way on a restored engine.
      expect(warm.engine.answer('tell me more', b.state).answer).toEqual(cold.engine.answer('tell me more', a.state).answer);
    }
    expect(warm.engine.suggest('ba')).toEqual(cold.engine.suggest('ba'));
  });

  it('rebuilds when a content file changes', async () => {
    await startEngine({ contentDir: content, cacheDir: cache });
    const [first] = generateArchive({ articles: 1, seed: 77 });
    await writeFile(join(content, 'zz-new.md'), first?.text ?? '');
    const changed = await startEngine({ contentDir: content, cacheDir: cache });
    expect(changed.snapshot).toBe('miss');
    expect(changed.documents.some((d) => d.fileName === 'zz-new.md')).toBe(true);
    expect((await startEngine({ contentDir: content, cacheDir: cache })).snapshot).toBe('hit');
  });

  it('reports a corrupt snapshot as talks_index_snapshot and rebuilds instead of crashing', async () => {
    await startEngine({ contentDir: content, cacheDir: cache });
    const [file] = (await readdir(cache)).filter((name) => name.endsWith('.snapshot'));
    await writeFile(join(cache, file as string), 'garbage');
    const started = await startEngine({ contentDir: content, cacheDir: cache });
    expect(started.snapshot).toBe('invalid');
    expect(started.snapshotProblems.map((problem) => problem.code)).toEqual(['talks_index_snapshot']);
    expect(started.engine.answer('positions').answer.kind).toBe('positions');
    expect((await startEngine({ contentDir: content, cacheDir: cache })).snapshot).toBe('hit');
  });

  it('still starts when the cache folder cannot be written', async () => {
    const blocked = join(root, 'blocked');
    await writeFile(blocked, 'a file, not a folder');
    const started = await startEngine({ contentDir: content, cacheDir: join(blocked, 'cache') });
    expect(started.snapshotProblems[0]?.code).toBe('talks_index_snapshot');
    expect(started.engine.stats.documents).toBe(6);
    expect(started.snapshot).toBe('miss');
  });
});
