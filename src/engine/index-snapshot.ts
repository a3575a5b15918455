/**
 * Index snapshots: the built index saved to disk, keyed by a sha256 of the content files (names,
 * sizes, bytes), the index options and a format version, and loaded on the next start when nothing
 * changed — so a replica restarts in seconds instead of rebuilding. A stale snapshot is simply not
 * found (its key differs); a corrupt or unreadable one is reported as a `talks_index_snapshot`
 * problem for the caller to log, and the caller rebuilds. Nothing here throws on a bad snapshot.
 *
 * The payload is whatever the engine needs to skip its build (MiniSearch's `toJSON()` objects and
 * any precomputed tables), written with `v8.serialize` (no 512 MB string limit as with JSON text, and
 * several times faster to read back than `JSON.parse`), its typed arrays as raw bytes after it
 * (see snapshot-file.ts).
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { listArticleFiles } from '../content/load-content.js';
import { TalksError } from '../errors.js';
import { encodeSnapshot, readSnapshotFile, SnapshotFormatError } from './snapshot-file.js';

/** Bump when the snapshot's layout changes; older files then miss and are replaced. */
export const SNAPSHOT_FORMAT_VERSION = 2;
const FILE_PREFIX = 'index-';
const FILE_SUFFIX = '.snapshot';

export interface SnapshotKeyInput {
  /** The content folder; every article file in it (as `loadContent` lists them) is hashed. */
  contentDir: string;
  /**
   * The engine's index options and version: anything that changes what gets built. Functions
   * (tokenizers, term processors) are hashed by their source text.
   */
  indexOptions: unknown;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function') return `fn:${item.toString()}`;
    if (item instanceof RegExp) return `re:${item.toString()}`;
    if (item instanceof Set) return [...item].sort();
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

/**
 * The snapshot key for a content folder and index options: sha256 over the format version, the
 * Node/V8 version (the serializer's format), the options, and each article file's name, size and bytes.
 *
 * @example
 * const key = await computeSnapshotKey({ contentDir: 'content', indexOptions: ENGINE_INDEX_OPTIONS });
 */
export async function computeSnapshotKey(input: SnapshotKeyInput): Promise<string> {
  const header = `talks-index-snapshot:${SNAPSHOT_FORMAT_VERSION}:v8-${process.versions.v8}\n${stableJson(input.indexOptions) ?? 'undefined'}`;
  const names = await listArticleFiles(input.contentDir);
  return hashFilesInWorker({ header, dir: input.contentDir, names });
}

/**
 * The hashing itself, on a worker thread so the main thread is free meanwhile (start-up reads and
 * restores the snapshot while the key is computed, and checks it against the key once known): the
 * header, then each file's name, size and bytes in name order (read synchronously: the worker has
 * nothing else to do, and one blocking read per file is several times faster than promises for 10,000).
 */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
try {
  const { header, dir, names } = workerData;
  const hash = createHash('sha256');
  hash.update(header);
  for (const name of names) {
    const bytes = readFileSync(join(dir, name));
    hash.update('\\nfile:' + name + ':' + bytes.length + '\\n');
    hash.update(bytes);
  }
  parentPort.postMessage({ key: hash.digest('hex') });
} catch (error) {
  parentPort.postMessage({ error: { message: error.message, code: error.code } });
}
`;

function hashFilesInWorker(data: { header: string; dir: string; names: string[] }): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: data });
    let settled = false;
    worker.once('message', (message: { key?: string; error?: { message: string; code?: string } }) => {
      settled = true;
      if (message.key) resolve(message.key);
      else reject(Object.assign(new Error(message.error?.message ?? 'snapshot key: hashing failed'), { code: message.error?.code }));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`snapshot key: the hashing worker stopped (exit code ${code})`));
    });
  });
}

const fileFor = (cacheDir: string, key: string) => join(cacheDir, `${FILE_PREFIX}${key.slice(0, 32)}${FILE_SUFFIX}`);

interface SnapshotEnvelope {
  format: number;
  key: string;
  savedAt: string;
  payload: unknown;
}

export interface SavedSnapshot {
  file: string;
  bytes: number;
}

/**
 * Writes a snapshot for `key` (atomically: a temporary file renamed into place) and removes
 * snapshots for other keys from `cacheDir`. Throws TalksError `talks_index_snapshot` when the
 * folder cannot be written; callers log it and carry on with the index they built.
 */
export async function saveIndexSnapshot(cacheDir: string, key: string, payload: unknown): Promise<SavedSnapshot> {
  const file = fileFor(cacheDir, key);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    const envelope: SnapshotEnvelope = { format: SNAPSHOT_FORMAT_VERSION, key, savedAt: new Date().toISOString(), payload };
    const chunks = encodeSnapshot(envelope);
    const handle = await open(temporary, 'w');
    try {
      for (const chunk of chunks) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    for (const name of await readdir(cacheDir)) {
      if (name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX) && join(cacheDir, name) !== file) await rm(join(cacheDir, name), { force: true });
    }
    return { file, bytes: chunks.reduce((sum, chunk) => sum + chunk.length, 0) };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new TalksError('talks_index_snapshot', `cannot save the index snapshot to ${cacheDir}: ${(error as Error).message} (check the folder is writable, or turn snapshots off)`, { cause: error });
  }
}

export type LoadedSnapshot<T> =
  | { status: 'hit'; payload: T; file: string }
  | { status: 'miss'; file: string }
  | { status: 'invalid'; file: string; problem: TalksError };

/** A snapshot file read and decoded; `corrupt` when it was read but did not decode. */
type Decoded = { envelope: SnapshotEnvelope } | { error: unknown; corrupt: boolean };

const readSnapshot = (file: string): Promise<Decoded> =>
  readSnapshotFile(file).then(
    (envelope) => ({ envelope: envelope as SnapshotEnvelope }),
    (error: unknown) => ({ error, corrupt: error instanceof SnapshotFormatError || !(error as NodeJS.ErrnoException).code }),
  );

/** The one snapshot file in `cacheDir` (saves keep only the latest), if there is exactly one. */
async function soleSnapshotFile(cacheDir: string): Promise<string | undefined> {
  try {
    const names = (await readdir(cacheDir)).filter((name) => name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX));
    return names.length === 1 ? join(cacheDir, names[0] as string) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the snapshot for `key`. `miss` when there is none (first start, or the content or options
 * changed); `invalid` with a `talks_index_snapshot` problem when the file is there but corrupt,
 * truncated, from another format, or fails `validate` — the caller logs the problem and rebuilds.
 *
 * `key` may be a promise (the key still being hashed): the folder's one snapshot file is then read and
 * decoded meanwhile, and used only if it turns out to be the file for the key (else it is a miss, as
 * with a key given up front). A rejected key rejects.
 */
export async function loadIndexSnapshot<T>(cacheDir: string, key: string | Promise<string>, validate?: (payload: unknown) => payload is T): Promise<LoadedSnapshot<T>> {
  if (typeof key !== 'string') {
    key.catch(() => undefined); // rejected before it is awaited below: still rejects there, not as unhandled
    const candidate = await soleSnapshotFile(cacheDir);
    if (candidate === undefined) return loadIndexSnapshot(cacheDir, await key, validate);
    const early = await readSnapshot(candidate);
    const known = await key;
    if (candidate !== fileFor(cacheDir, known)) return loadIndexSnapshot(cacheDir, known, validate);
    return checkSnapshot(candidate, known, early, validate);
  }
  const file = fileFor(cacheDir, key);
  return checkSnapshot(file, key, await readSnapshot(file), validate);
}

function checkSnapshot<T>(file: string, key: string, decoded: Decoded, validate?: (payload: unknown) => payload is T): LoadedSnapshot<T> {
  const invalid = (reason: string, cause?: unknown): LoadedSnapshot<T> => ({
    status: 'invalid',
    file,
    problem: new TalksError('talks_index_snapshot', `the index snapshot ${file} ${reason}; rebuilding the index (the file is replaced on the next save; delete it to silence this)`, { cause }),
  });
  if ('error' in decoded) {
    const { error } = decoded;
    if (error instanceof SnapshotFormatError) return invalid(error.message, error);
    if (decoded.corrupt) return invalid(`is corrupt (${(error as Error).message})`, error);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'miss', file };
    return { status: 'invalid', file, problem: new TalksError('talks_index_snapshot', `cannot read the index snapshot ${file}: ${(error as Error).message}; rebuilding the index`, { cause: error }) };
  }
  const { envelope } = decoded;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== SNAPSHOT_FORMAT_VERSION) return invalid('is from another snapshot format');
  if (envelope.key !== key) return invalid('belongs to other content or options');
  if (validate && !validate(envelope.payload)) return invalid('does not hold the index this engine expects');
  return { status: 'hit', payload: envelope.payload as T, file };
}
