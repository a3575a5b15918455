/**
 * The snapshot file's layout: a V8-serialised envelope, then the payload's typed arrays as raw bytes.
 *
 *   "TKSNAP02" · u32 byte order · u32 reserved · f64 envelope length · envelope · padding · arrays
 *
 * Typed arrays reachable through plain objects and arrays are taken out of the envelope (a
 * `{ path, type, offset, length }` list goes in instead) and written 8-byte aligned after it. Reading
 * decodes the envelope from its own buffer (dropped once decoded) and reads the arrays into one
 * buffer they then view without a copy — so the index's postings are never held twice, and the
 * documents' serialised bytes are not kept alive by the views that point into them (as they are
 * when V8's deserializer returns arrays that view its input buffer).
 */
import { open } from 'node:fs/promises';
import { endianness } from 'node:os';
import { deserialize, serialize } from 'node:v8';

const MAGIC = 'TKSNAP02';
/** 1 for little-endian, 2 for big-endian: raw arrays are only read back on a machine of the same byte order. */
const BYTE_ORDER = endianness() === 'LE' ? 1 : 2;
const HEAD_BYTES = 24;
const ALIGN = 8;

const ARRAY_TYPES = { Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type AnyTypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

interface ArrayRecord {
  path: Array<string | number>;
  type: ArrayTypeName;
  /** Byte offset in the arrays region (a multiple of 8). */
  offset: number;
  length: number;
}

interface StoredEnvelope {
  value: unknown;
  arrays: ArrayRecord[];
}

/** A snapshot file that is not in this layout (truncated, another format, another machine). */
export class SnapshotFormatError extends Error {}

const typeNameOf = (value: unknown): ArrayTypeName | undefined => {
  if (!ArrayBuffer.isView(value)) return undefined;
  const name = value.constructor.name as ArrayTypeName;
  return ARRAY_TYPES[name] && value.constructor === ARRAY_TYPES[name] ? name : undefined;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Copies the plain-object/array skeleton of `value` with its typed arrays replaced by `null`,
 * recording each array's path (the value itself is not changed).
 */
function extractArrays(value: unknown, path: Array<string | number>, found: Array<{ path: Array<string | number>; array: AnyTypedArray; type: ArrayTypeName }>): unknown {
  const type = typeNameOf(value);
  if (type) {
    found.push({ path: [...path], array: value as AnyTypedArray, type });
    return null;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (!item || typeof item !== 'object') continue;
      path.push(i);
      const replaced = extractArrays(item, path, found);
      path.pop();
      if (replaced !== item) (copy ??= value.slice())[i] = replaced;
    }
    return copy ?? value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (!item || typeof item !== 'object') continue;
      path.push(key);
      const replaced = extractArrays(item, path, found);
      path.pop();
      if (replaced !== item) (copy ??= { ...value })[key] = replaced;
    }
    return copy ?? value;
  }
  return value;
}

const padTo = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

/** The file's bytes, as chunks to write in order (the arrays' chunks view the arrays, no copy). */
export function encodeSnapshot(value: unknown): Buffer[] {
  const found: Array<{ path: Array<string | number>; array: AnyTypedArray; type: ArrayTypeName }> = [];
  const skeleton = extractArrays(value, [], found);
  const arrays: ArrayRecord[] = [];
  let offset = 0;
  for (const { path, array, type } of found) {
    arrays.push({ path, type, offset, length: array.length });
    offset = padTo(offset + array.byteLength);
  }
  const envelope = serialize({ value: skeleton, arrays } satisfies StoredEnvelope);
  const head = Buffer.alloc(HEAD_BYTES);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(BYTE_ORDER, 8);
  head.writeDoubleLE(envelope.length, 16);
  const chunks = [head, envelope, Buffer.alloc(padTo(HEAD_BYTES + envelope.length) - HEAD_BYTES - envelope.length)];
  for (const { array } of found) {
    chunks.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    const pad = padTo(array.byteLength) - array.byteLength;
    if (pad) chunks.push(Buffer.alloc(pad));
  }
  return chunks;
}

async function readExactly(handle: import('node:fs/promises').FileHandle, buffer: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.byteLength) {
    const { bytesRead } = await handle.read(buffer, done, buffer.byteLength - done, position + done);
    if (bytesRead === 0) throw new SnapshotFormatError('is truncated');
    done += bytesRead;
  }
}

/**
 * Reads a snapshot file written from `encodeSnapshot`'s chunks. File-system errors are thrown as
 * they are (ENOENT: no snapshot); a file not in this layout throws SnapshotFormatError; a corrupt
 * envelope throws V8's error.
 */
export async function readSnapshotFile(file: string): Promise<unknown> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size < HEAD_BYTES) throw new SnapshotFormatError('is truncated');
    const head = Buffer.alloc(HEAD_BYTES);
    await readExactly(handle, head, 0);
    if (head.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new SnapshotFormatError('is from another snapshot format');
    if (head.readUInt32LE(8) !== BYTE_ORDER) throw new SnapshotFormatError('was written on a machine of other byte order');
    const envelopeBytes = head.readDoubleLE(16);
    const arraysStart = padTo(HEAD_BYTES + envelopeBytes);
    if (!Number.isInteger(envelopeBytes) || arraysStart > size) throw new SnapshotFormatError('is truncated');
    const envelopeBuffer = Buffer.allocUnsafe(envelopeBytes);
    await readExactly(handle, envelopeBuffer, HEAD_BYTES);
    const stored = deserialize(envelopeBuffer) as StoredEnvelope;
    if (!stored || typeof stored !== 'object' || !Array.isArray(stored.arrays)) throw new SnapshotFormatError('is from another snapshot format');
    // One buffer of its own for every array (offset 0, so 8-byte aligned offsets stay aligned).
    const region = new Uint8Array(new ArrayBuffer(size - arraysStart));
    await readExactly(handle, region, arraysStart);
    let root: unknown = stored.value;
    for (const { path, type, offset, length } of stored.arrays) {
      const Type = ARRAY_TYPES[type];
      if (!Type || offset % ALIGN !== 0 || offset + length * Type.BYTES_PER_ELEMENT > region.byteLength) throw new SnapshotFormatError('is truncated');
      const array = new Type(region.buffer, offset, length);
      if (path.length === 0) {
        root = array;
        continue;
      }
      let parent = root as Record<string | number, unknown>;
      for (const step of path.slice(0, -1)) parent = parent?.[step] as Record<string | number, unknown>;
      if (!parent || typeof parent !== 'object') throw new SnapshotFormatError('does not match its array list');
      parent[path[path.length - 1] as string | number] = array;
    }
    return root;
  } finally {
    await handle.close();
  }
}
