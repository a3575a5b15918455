/**
 * Start-up with an index snapshot: load a content folder and build the engine, or — when a snapshot
 * saved for exactly these files and this index code exists — restore documents, passages and index
 * from it and skip parsing and indexing. Problems (unreadable or corrupt snapshot, unwritable cache)
 * are returned for the caller to log; they never stop the start.
 */
import { loadContent, type ContentProblem } from '../content/load-content.js';
import { PARSER_CODE } from '../content/parse-article.js';
import type { ParsedDocument } from '../content/document-model.js';
import { TalksError } from '../errors.js';
import { foldText } from '../text/fold-text.js';
import { computeTermsOfWord, isStopWord, splitWords, stemWord, termsOfWord } from '../text/analyze-terms.js';
import { buildEngine, type EngineOptions } from './build-engine.js';
import { buildTiers, CompactIndexBuilder, TIER_MIN, TIER_SIZE } from './compact-index.js';
import { exportEngineSnapshot, isEngineSnapshot, provideEngineSnapshot, type EngineSnapshot } from './engine-snapshot.js';
import type { Engine } from './engine-types.js';
import { computeSnapshotKey, loadIndexSnapshot, saveIndexSnapshot } from './index-snapshot.js';
import { FIELD_BOOSTS, INDEX_OPTIONS, indexPassages, PASSAGE_INDEX_OPTIONS } from './passage-index.js';
import { buildSectionPassages, eachPassage, leadInLabel, PASSAGE_TEXT_CODE } from './passages.js';
import { Vocabulary } from './vocabulary.js';

/** Bump when what the snapshot holds changes meaning in a way the code fingerprint below cannot see. */
export const ENGINE_SNAPSHOT_VERSION = 1;

/**
 * What the snapshot key covers besides the files: the index options and the source text of the code
 * that turns files into passages and postings, so a change to parsing or analysis invalidates old
 * snapshots. (PassageIndex's constructor, which picks the indexed fields, is covered by
 * ENGINE_SNAPSHOT_VERSION: its class also holds query-time code that must not invalidate snapshots.)
 */
const INDEX_FINGERPRINT = {
  version: ENGINE_SNAPSHOT_VERSION,
  options: INDEX_OPTIONS,
  boosts: FIELD_BOOSTS,
  tiers: { min: TIER_MIN, size: TIER_SIZE },
  indexing: PASSAGE_INDEX_OPTIONS,
  code: [...PARSER_CODE, eachPassage, buildSectionPassages, ...PASSAGE_TEXT_CODE, splitWords, termsOfWord, computeTermsOfWord, stemWord, isStopWord, foldText, CompactIndexBuilder, buildTiers, Vocabulary.prototype.addPassageWords, indexPassages, leadInLabel],
};

export interface StartEngineOptions {
  contentDir: string;
  /** Where snapshots live (e.g. `.cache/index`); omit to always build. */
  cacheDir?: string;
  engineOptions?: EngineOptions;
}

export interface StartedEngine {
  engine: Engine;
  documents: ParsedDocument[];
  /** Files that did not load (as from loadContent; kept in the snapshot too). */
  problems: ContentProblem[];
  /** `hit`: restored; `miss`: built (none saved for these files yet); `invalid`: built (the saved one was unusable); `off`: no cache folder. */
  snapshot: 'hit' | 'miss' | 'invalid' | 'off';
  /** Snapshot trouble to log (code `talks_index_snapshot`): unreadable, corrupt or unsaveable. */
  snapshotProblems: TalksError[];
  /** With a cache folder, the snapshot is read while the key is hashed: `keyMs` is until the key is known, `loadMs` the rest of the reading. */
  timings: { keyMs: number; loadMs: number; buildMs: number; saveMs?: number; snapshotBytes?: number };
}

interface SnapshotPayload {
  documents: ParsedDocument[];
  problems: ContentProblem[];
  engine: EngineSnapshot;
}

const isPayload = (value: unknown): value is SnapshotPayload => {
  const payload = value as SnapshotPayload;
  return !!payload && Array.isArray(payload.documents) && Array.isArray(payload.problems) && isEngineSnapshot(payload.engine);
};

/**
 * Loads `contentDir` and returns a ready engine, from the snapshot in `cacheDir` when one matches
 * these files and this code, else by building (and then saving a snapshot for the next start).
 *
 * @example
 * const started = await startEngine({ contentDir: 'content', cacheDir: '.cache/index' });
 * for (const problem of started.snapshotProblems) log.warn({ code: problem.code }, problem.message);
 */
export async function startEngine(options: StartEngineOptions): Promise<StartedEngine> {
  const { contentDir, cacheDir, engineOptions } = options;
  const snapshotProblems: TalksError[] = [];
  const t0 = performance.now();
  if (!cacheDir) {
    const { documents, problems } = await loadContent(contentDir);
    const t1 = performance.now();
    const engine = buildEngine(documents, engineOptions);
    return { engine, documents, problems, snapshot: 'off', snapshotProblems, timings: { keyMs: 0, loadMs: t1 - t0, buildMs: performance.now() - t1 } };
  }
  // The key is hashed on a worker thread while the snapshot file is read and decoded here; the
  // snapshot is used only if it is the one for the key.
  const keying = computeSnapshotKey({ contentDir, indexOptions: INDEX_FINGERPRINT });
  const loading = loadIndexSnapshot(cacheDir, keying, isPayload);
  loading.catch(() => undefined);
  let key: string | undefined;
  try {
    key = await keying;
  } catch (error) {
    // An unreadable folder fails below in loadContent with its own clear error.
    if (!(error instanceof TalksError && error.code === 'talks_content_read')) throw error;
  }
  const t1 = performance.now();
  let status: StartedEngine['snapshot'] = 'miss';
  if (key) {
    const loaded = await loading;
    if (loaded.status === 'hit') {
      const t2 = performance.now();
      const { documents, problems, engine: snapshot } = loaded.payload;
      provideEngineSnapshot(documents, snapshot);
      const engine = buildEngine(documents, engineOptions);
      return { engine, documents, problems, snapshot: 'hit', snapshotProblems, timings: { keyMs: t1 - t0, loadMs: t2 - t1, buildMs: performance.now() - t2 } };
    }
    if (loaded.status === 'invalid') {
      status = 'invalid';
      snapshotProblems.push(loaded.problem);
    }
  }
  const { documents, problems } = await loadContent(contentDir);
  const t2 = performance.now();
  const engine = buildEngine(documents, engineOptions);
  const t3 = performance.now();
  const timings: StartedEngine['timings'] = { keyMs: t1 - t0, loadMs: t2 - t1, buildMs: t3 - t2 };
  const snapshot = exportEngineSnapshot(documents);
  if (key && snapshot) {
    try {
      const saved = await saveIndexSnapshot(cacheDir, key, { documents, problems, engine: snapshot } satisfies SnapshotPayload);
      timings.saveMs = performance.now() - t3;
      timings.snapshotBytes = saved.bytes;
    } catch (error) {
      snapshotProblems.push(error instanceof TalksError ? error : new TalksError('talks_index_snapshot', `cannot save the index snapshot: ${(error as Error).message}`, { cause: error }));
    }
  }
  return { engine, documents, problems, snapshot: status, snapshotProblems, timings };
}
