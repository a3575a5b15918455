/**
 * What an engine needs to skip its build: the passages and the passage index (postings and
 * vocabulary), exported from a built engine and handed to the next `buildEngine` over the same
 * documents. The hand-over is keyed by the documents array itself, so buildEngine's signature stays
 * as it is: `provideEngineSnapshot(documents, snapshot)` then `buildEngine(documents)` restores
 * instead of building; `exportEngineSnapshot(documents)` after a build returns what to save.
 * (A snapshot option on buildEngine would say the same thing more plainly; see the bench notes.)
 */
import type { ParsedDocument } from '../content/document-model.js';
import type { EngineContext } from './engine-context.js';
import { isPassageIndexSnapshot, type PassageIndexSnapshot } from './passage-index.js';
import { isSentenceSplits, type SentenceSplits } from './sentence-splits.js';

export interface EngineSnapshot {
  version: 2;
  /** How paragraphs were cut into sentences (passages are rebuilt from the documents with these). */
  sentences: SentenceSplits;
  passageCount: number;
  index: PassageIndexSnapshot;
}

const provided = new WeakMap<ParsedDocument[], EngineSnapshot>();
const built = new WeakMap<ParsedDocument[], EngineContext>();

export function isEngineSnapshot(value: unknown): value is EngineSnapshot {
  const snapshot = value as EngineSnapshot;
  return !!snapshot && snapshot.version === 2 && isSentenceSplits(snapshot.sentences) && isPassageIndexSnapshot(snapshot.index);
}

/** The next buildEngine over exactly this documents array restores from `snapshot` instead of building. */
export function provideEngineSnapshot(documents: ParsedDocument[], snapshot: EngineSnapshot): void {
  provided.set(documents, snapshot);
}

/** Called by EngineContext: the snapshot provided for these documents, if any (taken once). */
export function takeProvidedSnapshot(documents: ParsedDocument[]): EngineSnapshot | undefined {
  const snapshot = provided.get(documents);
  provided.delete(documents);
  return snapshot && snapshot.index.compact.documentCount === snapshot.passageCount ? snapshot : undefined;
}

/** Called by EngineContext once built. */
export function registerBuiltContext(documents: ParsedDocument[], context: EngineContext): void {
  built.set(documents, context);
}

/** The snapshot of the engine last built over this documents array (undefined if none was). */
export function exportEngineSnapshot(documents: ParsedDocument[]): EngineSnapshot | undefined {
  const context = built.get(documents);
  if (!context?.sentenceSplits) return undefined;
  return { version: 2, sentences: context.sentenceSplits, passageCount: context.passages.length, index: context.index.toSnapshot() };
}
