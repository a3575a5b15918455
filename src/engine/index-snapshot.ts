/**
 * Index snapshots: the built index saved to disk, keyed by a sha256 of the content files (names,
 * sizes, bytes), the index options and a format version, and loaded on the next start when nothing
 * changed — so a replica restarts in seconds instead of rebuilding. A stale snapshot is simply not
 * found (its key differs); a corrupt or unreadable one is reported as a `talks_index_snapshot`
 * problem for the caller to log, and the caller rebuilds. Nothing here throws on a bad snapshot.
 *
 * The payload is whatever the engine needs to skip its build (MiniSearch's `toJSON()` objects and
 * any precomputed tables), written with `v8.serialize`: no 512 MB string limit as with JSON text,
 * typed arrays kept as they are, and several times faster to read back than `JSON.parse`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { listArticleFiles } from '../content/load-content.js';
import { TalksError } from '../errors.js';

/** Bump when the snapshot's layout changes; older files then miss and are replaced. */
export const SNAPSHOT_FORMAT_VERSION = 1;
const FILE_PREFIX = 'index-';
/** Content files read ahead of the hashing while the key is computed. */
const READ_AHEAD = 32;
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
  const hash = createHash('sha256');
  hash.update(`talks-index-snapshot:${SNAPSHOT_FORMAT_VERSION}:v8-${process.versions.v8}\n`);
  hash.update(stableJson(input.indexOptions) ?? 'undefined');
  const names = await listArticleFiles(input.contentDir);
  // Reads run ahead of the hashing (a window of them in flight); bytes are hashed in name order.
  const reads: Array<Promise<Buffer>> = [];
  const start = (index: number) => {
    const name = names[index];
    if (name !== undefined) reads[index] = readFile(join(input.contentDir, name));
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  for (let i = 0; i < names.length; i++) {
    const bytes = await (reads[i] as Promise<Buffer>);
    delete reads[i];
    start(i + READ_AHEAD);
    hash.update(`\nfile:${names[i]}:${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest('hex');
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
    const bytes = serialize(envelope);
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    for (const name of await readdir(cacheDir)) {
      if (name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX) && join(cacheDir, name) !== file) await rm(join(cacheDir, name), { force: true });
    }
    return { file, bytes: bytes.length };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new TalksError('talks_index_snapshot', `cannot save the index snapshot to ${cacheDir}: ${(error as Error).message} (check the folder is writable, or turn snapshots off)`, { cause: error });
  }
}

export type LoadedSnapshot<T> =
  | { status: 'hit'; payload: T; file: string }
  | { status: 'miss'; file: string }
  | { status: 'invalid'; file: string; problem: TalksError };

/**
 * Reads the snapshot for `key`. `miss` when there is none (first start, or the content or options
 * changed); `invalid` with a `talks_index_snapshot` problem when the file is there but corrupt,
 * truncated, from another format, or fails `validate` — the caller logs the problem and rebuilds.
 */
export async function loadIndexSnapshot<T>(cacheDir: string, key: string, validate?: (payload: unknown) => payload is T): Promise<LoadedSnapshot<T>> {
  const file = fileFor(cacheDir, key);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'miss', file };
    return { status: 'invalid', file, problem: new TalksError('talks_index_snapshot', `cannot read the index snapshot ${file}: ${(error as Error).message}; rebuilding the index`, { cause: error }) };
  }
  const invalid = (reason: string, cause?: unknown): LoadedSnapshot<T> => ({
    status: 'invalid',
    file,
    problem: new TalksError('talks_index_snapshot', `the index snapshot ${file} ${reason}; rebuilding the index (the file is replaced on the next save; delete it to silence this)`, { cause }),
  });
  let envelope: SnapshotEnvelope;
  try {
    envelope = deserialize(bytes) as SnapshotEnvelope;
  } catch (error) {
    return invalid(`is corrupt (${(error as Error).message})`, error);
  }
  if (!envelope || typeof envelope !== 'object' || envelope.format !== SNAPSHOT_FORMAT_VERSION) return invalid('is from another snapshot format');
  if (envelope.key !== key) return invalid('belongs to other content or options');
  if (validate && !validate(envelope.payload)) return invalid('does not hold the index this engine expects');
  return { status: 'hit', payload: envelope.payload as T, file };
}
