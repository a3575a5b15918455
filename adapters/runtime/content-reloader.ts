import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from 'pino';
import { buildEngine, loadContent, startEngine, type ContentProblem, type Engine, type ParsedDocument } from '../../src/index.js';
import type { TalksMetrics } from './metrics.js';

export interface ContentReloaderOptions {
  dir: string;
  logger: Logger;
  metrics?: TalksMetrics;
  maxQueryChars?: number;
  /** Quiet time after the last change before rebuilding (an editor saves in several writes). */
  debounceMs?: number;
  /** Replaceable for tests of the reloader itself; defaults to the core's buildEngine. */
  build?: (documents: ParsedDocument[]) => Engine;
  /** Index snapshot folder: the first load restores the index from it when the files are unchanged (and saves one when not). */
  cacheDir?: string;
}

export interface ReloadResult {
  ok: boolean;
  documents: number;
  /** Files that failed to parse this time; `keptPrevious` when their last good version still serves. */
  problems: Array<ContentProblem & { line?: number; keptPrevious: boolean }>;
  version: number;
  ms: number;
}

export interface ContentReloader {
  /** The engine answering now. Swapped whole after a successful rebuild, never mutated. */
  getEngine(): Engine;
  /** Loads and builds; the first call must succeed (throws otherwise), later failures keep the current engine. */
  reload(reason?: string): Promise<ReloadResult>;
  /** Starts watching the folder; resolves once the watcher is ready. */
  watch(): Promise<void>;
  stop(): Promise<void>;
  /** Increments with each swap (1 after the first load). */
  version(): number;
  isLoaded(): boolean;
}

/**
 * Keeps an engine over a content folder fresh: on any change (debounced) it reloads every file, keeps the
 * last good version of a document whose file now fails to parse, builds a new engine aside and swaps the
 * reference in one assignment, so a query sees either the old index or the new one, never half of one.
 *
 * @example
 * const content = createContentReloader({ dir: 'content', logger });
 * await content.reload('startup');
 * await content.watch();
 * const talks = createTalksService({ getEngine: content.getEngine, store });
 */
export function createContentReloader(options: ContentReloaderOptions): ContentReloader {
  const { dir, logger, metrics } = options;
  const debounceMs = options.debounceMs ?? 250;
  const build = options.build ?? ((documents: ParsedDocument[]) => buildEngine(documents, { maxQueryChars: options.maxQueryChars }));
  let engine: Engine | undefined;
  let version = 0;
  /** The last good parse of each file, by file name. */
  let lastGood = new Map<string, ParsedDocument>();
  let running: Promise<ReloadResult> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let stopped = false;

  async function reloadOnce(reason: string): Promise<ReloadResult> {
    const started = performance.now();
    try {
      if (version === 0 && options.cacheDir && !options.build) return await startFromSnapshot(reason, started, options.cacheDir);
      const loaded = await loadContent(dir);
      const documents = [...loaded.documents];
      const problems: ReloadResult['problems'] = [];
      for (const problem of loaded.problems) {
        const previous = lastGood.get(problem.file);
        if (previous) documents.push(previous);
        const line = Number(/:(\d+):/.exec(problem.message)?.[1]) || undefined;
        problems.push({ ...problem, ...(line ? { line } : {}), keptPrevious: Boolean(previous) });
      }
      documents.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
      const next = build(dedupeIds(documents));
      // The swap: one assignment. Requests in flight keep the engine they started with.
      engine = next;
      version += 1;
      lastGood = new Map(documents.map((d) => [d.fileName, d]));
      const ms = Math.round(performance.now() - started);
      metrics?.reloads.inc({ result: 'ok' });
      metrics?.contentDocuments.set(documents.length);
      metrics?.contentProblems.set(problems.length);
      for (const p of problems) {
        metrics?.reloadFailures.inc();
        logger.warn(
          { code: p.code, file: p.file, line: p.line, keptPrevious: p.keptPrevious },
          `content file failed to parse: ${p.message}${p.keptPrevious ? ' (its last good version keeps serving)' : ' (not served until fixed)'}`,
        );
      }
      logger.info({ reason, version, documents: documents.length, problems: problems.length, ms }, 'content loaded');
      return { ok: true, documents: documents.length, problems, version, ms };
    } catch (error) {
      metrics?.reloads.inc({ result: 'failed' });
      metrics?.reloadFailures.inc();
      if (!engine) throw error;
      const err = error as Error & { code?: string };
      logger.error({ reason, code: err.code ?? 'talks_content_reload', err }, `content reload failed, the previous index keeps serving: ${err.message}`);
      return { ok: false, documents: engine.documents.length, problems: [], version, ms: Math.round(performance.now() - started) };
    }
  }

  /** The first load, through the core's snapshot-aware start: restored when nothing changed since the last start. */
  async function startFromSnapshot(reason: string, started: number, cacheDir: string): Promise<ReloadResult> {
    const start = await startEngine({ contentDir: dir, cacheDir, engineOptions: { maxQueryChars: options.maxQueryChars } });
    for (const problem of start.snapshotProblems) logger.warn({ code: problem.code }, problem.message);
    engine = start.engine;
    version += 1;
    lastGood = new Map(start.documents.map((d) => [d.fileName, d]));
    const problems: ReloadResult['problems'] = start.problems.map((problem) => {
      const line = Number(/:(\d+):/.exec(problem.message)?.[1]) || undefined;
      logger.warn({ code: problem.code, file: problem.file, line }, `content file failed to parse: ${problem.message} (not served until fixed)`);
      return { ...problem, ...(line ? { line } : {}), keptPrevious: false };
    });
    const ms = Math.round(performance.now() - started);
    metrics?.reloads.inc({ result: 'ok' });
    metrics?.contentDocuments.set(start.documents.length);
    metrics?.contentProblems.set(problems.length);
    logger.info({ reason, version, documents: start.documents.length, problems: problems.length, snapshot: start.snapshot, ms }, 'content loaded');
    return { ok: true, documents: start.documents.length, problems, version, ms };
  }

  function reload(reason = 'manual'): Promise<ReloadResult> {
    if (running) {
      // One rebuild at a time; changes seen meanwhile get one more rebuild after it.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let result = await reloadOnce(reason);
        while (again && !stopped) {
          again = false;
          result = await reloadOnce('changed during reload');
        }
        return result;
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload('content changed').catch(() => undefined);
    }, debounceMs);
  }

  return {
    getEngine() {
      if (!engine) throw new Error('content not loaded yet: call reload() first');
      return engine;
    },
    reload,
    async watch() {
      if (watcher) return;
      // Any change in the folder counts (new, edited, deleted articles, or a Kubernetes ConfigMap's ..data swap).
      // awaitWriteFinish holds an event until the file's size has been stable for a moment, so a slow copy
      // (scp, a sync client) is read whole rather than half-written.
      watcher = watch(dir, { ignoreInitial: true, depth: 0, awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 } });
      watcher.on('all', schedule);
      watcher.on('error', (error) => logger.warn({ err: error }, 'content watcher error'));
      await new Promise<void>((resolve) => watcher?.once('ready', () => resolve()));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await watcher?.close();
      await running?.catch(() => undefined);
    },
    version: () => version,
    isLoaded: () => engine !== undefined,
  };
}

/** Ids stay unique when a kept last-good document collides with a new one; copies, never mutates (an older engine may hold it). */
function dedupeIds(documents: ParsedDocument[]): ParsedDocument[] {
  const seen = new Set<string>();
  return documents.map((document) => {
    let id = document.documentId;
    for (let n = 2; seen.has(id); n++) id = `${document.documentId}-${n}`;
    seen.add(id);
    return id === document.documentId ? document : { ...document, documentId: id };
  });
}
