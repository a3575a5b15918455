import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeSnapshot, readSnapshotFile, SnapshotFormatError } from './snapshot-file.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'talks-snapshot-file-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('snapshot file', () => {
  it('round-trips nested objects and typed arrays of every width, the arrays aligned and sharing one buffer of their own', async () => {
    const value = {
      name: 'index',
      when: new Date(0),
      nested: [{ odd: new Uint8Array([1, 2, 3]) }, { ids: new Uint32Array([7, 8, 9]), weights: new Float64Array([0.25, 1.5]) }],
      sizes: new Uint16Array([5]),
      map: new Map([['a', 1]]),
    };
    const file = join(root, 'snap');
    await writeFile(file, encodeSnapshot(value));
    const read = (await readSnapshotFile(file)) as typeof value;
    expect(read).toEqual(value);
    expect(read.nested[1]?.ids).toBeInstanceOf(Uint32Array);
    expect((read.nested[1]?.weights?.byteOffset ?? 1) % 8).toBe(0);
    expect(read.sizes.buffer).toBe(read.nested[1]?.ids?.buffer);
    // The caller's value is left as it was.
    expect(value.nested[0]?.odd).toBeInstanceOf(Uint8Array);
  });

  it('rejects a file of another layout or a truncated one with SnapshotFormatError', async () => {
    const file = join(root, 'snap');
    await writeFile(file, 'not a snapshot at all, but long enough');
    await expect(readSnapshotFile(file)).rejects.toBeInstanceOf(SnapshotFormatError);
    const bytes = Buffer.concat(encodeSnapshot({ big: new Float64Array(1000) }));
    await writeFile(file, bytes.subarray(0, bytes.length - 100));
    await expect(readSnapshotFile(file)).rejects.toBeInstanceOf(SnapshotFormatError);
  });
});
