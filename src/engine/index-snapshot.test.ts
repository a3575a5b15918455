import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TalksError } from '../errors.js';
import { computeSnapshotKey, loadIndexSnapshot, saveIndexSnapshot } from './index-snapshot.js';

let root: string;
let content: string;
let cache: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'talks-snapshot-'));
  content = join(root, 'content');
  cache = join(root, 'cache');
  await mkdir(content);
  await writeFile(join(content, 'a.txt'), 'Heading\nSome text here.\n');
  await writeFile(join(content, 'b.md'), '# B\n\nMore text.\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('computeSnapshotKey', () => {
  const options = { fields: ['text'], boost: { title: 2 }, processTerm: (term: string) => term.toLowerCase() };

  it('is stable for the same files and options, whatever the key order of the options', async () => {
    const first = await computeSnapshotKey({ contentDir: content, indexOptions: options });
    const reordered = await computeSnapshotKey({ contentDir: content, indexOptions: { processTerm: options.processTerm, boost: { title: 2 }, fields: ['text'] } });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(reordered).toBe(first);
  });

  it('changes when a file changes by one byte, is added, or the options change (functions by source)', async () => {
    const before = await computeSnapshotKey({ contentDir: content, indexOptions: options });
    await writeFile(join(content, 'a.txt'), 'Heading\nSome text herE.\n');
    const edited = await computeSnapshotKey({ contentDir: content, indexOptions: options });
    expect(edited).not.toBe(before);
    await writeFile(join(content, 'c.txt'), 'Another\nText.\n');
    const added = await computeSnapshotKey({ contentDir: content, indexOptions: options });
    expect(added).not.toBe(edited);
    const otherFunction = await computeSnapshotKey({ contentDir: content, indexOptions: { ...options, processTerm: (term: string) => term } });
    expect(otherFunction).not.toBe(added);
    // Files the loader ignores do not count.
    await writeFile(join(content, 'notes.json'), '{}');
    expect(await computeSnapshotKey({ contentDir: content, indexOptions: options })).toBe(added);
  });
});

describe('saveIndexSnapshot / loadIndexSnapshot', () => {
  it('round-trips a payload with nested objects and typed arrays', async () => {
    const payload = { index: { documentCount: 2, terms: [['oman', { 0: { 1: 2 } }]] }, norms: new Float32Array([0.5, 1.5]) };
    const saved = await saveIndexSnapshot(cache, 'k'.repeat(64), payload);
    expect(saved.bytes).toBeGreaterThan(0);
    const loaded = await loadIndexSnapshot<typeof payload>(cache, 'k'.repeat(64));
    expect(loaded.status).toBe('hit');
    if (loaded.status !== 'hit') return;
    expect(loaded.payload.index).toEqual(payload.index);
    expect(loaded.payload.norms).toBeInstanceOf(Float32Array);
    expect([...loaded.payload.norms]).toEqual([0.5, 1.5]);
  });

  it('misses when there is no snapshot for the key, and keeps only the latest key on save', async () => {
    expect((await loadIndexSnapshot(cache, 'a'.repeat(64))).status).toBe('miss');
    await saveIndexSnapshot(cache, 'a'.repeat(64), { n: 1 });
    await saveIndexSnapshot(cache, 'b'.repeat(64), { n: 2 });
    expect((await loadIndexSnapshot(cache, 'a'.repeat(64))).status).toBe('miss');
    expect((await readdir(cache)).filter((name) => name.endsWith('.snapshot'))).toHaveLength(1);
  });

  it('reports a corrupt or truncated file as talks_index_snapshot instead of throwing', async () => {
    const saved = await saveIndexSnapshot(cache, 'c'.repeat(64), { words: Array.from({ length: 1000 }, (_, i) => `w${i}`) });
    const bytes = await readFile(saved.file);
    await writeFile(saved.file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const truncated = await loadIndexSnapshot(cache, 'c'.repeat(64));
    expect(truncated.status).toBe('invalid');
    if (truncated.status === 'invalid') {
      expect(truncated.problem).toBeInstanceOf(TalksError);
      expect(truncated.problem.code).toBe('talks_index_snapshot');
      expect(truncated.problem.message).toMatch(/rebuilding/);
    }
    await writeFile(saved.file, 'not a snapshot at all');
    expect((await loadIndexSnapshot(cache, 'c'.repeat(64))).status).toBe('invalid');
  });

  it('rejects a payload that fails validation', async () => {
    await saveIndexSnapshot(cache, 'd'.repeat(64), { version: 'old' });
    const isCurrent = (payload: unknown): payload is { version: string } => (payload as { version?: string }).version === 'new';
    const loaded = await loadIndexSnapshot(cache, 'd'.repeat(64), isCurrent);
    expect(loaded.status).toBe('invalid');
  });

  it('with a key still being hashed, uses the folder\'s snapshot only when it is the key\'s, and reports corruption the same way', async () => {
    await saveIndexSnapshot(cache, 'f'.repeat(64), { n: 6 });
    const hit = await loadIndexSnapshot<{ n: number }>(cache, Promise.resolve('f'.repeat(64)));
    expect(hit.status === 'hit' && hit.payload.n).toBe(6);
    expect((await loadIndexSnapshot(cache, new Promise<string>((resolve) => setTimeout(() => resolve('0'.repeat(64)), 20)))).status).toBe('miss');
    expect((await loadIndexSnapshot(join(root, 'no-cache-yet'), Promise.resolve('f'.repeat(64)))).status).toBe('miss');
    const saved = await saveIndexSnapshot(cache, 'f'.repeat(64), { n: 6 });
    await writeFile(saved.file, 'not a snapshot at all');
    expect((await loadIndexSnapshot(cache, Promise.resolve('0'.repeat(64)))).status).toBe('miss');
    expect((await loadIndexSnapshot(cache, Promise.resolve('f'.repeat(64)))).status).toBe('invalid');
    await expect(loadIndexSnapshot(cache, Promise.reject(new Error('unreadable content')))).rejects.toThrow('unreadable content');
  });

  it('says how to fix an unwritable cache folder', async () => {
    const blocked = join(root, 'blocked');
    await writeFile(blocked, 'a file where the folder should be');
    await expect(saveIndexSnapshot(join(blocked, 'cache'), 'e'.repeat(64), {})).rejects.toMatchObject({ code: 'talks_index_snapshot' });
  });
});
