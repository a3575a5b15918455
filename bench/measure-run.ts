/**
 * One bench run, inside one process (run-bench.ts gives each its own child so peak RSS is per run):
 * load a content folder, build (or restore) our engine or the plain MiniSearch baseline, and time
 * a query mix. Returns plain numbers; printing is run-bench's job.
 */
import { mkdir } from 'node:fs/promises';
import { buildEngine, loadContent } from '../src/index.js';
import { buildBaseline } from './baseline-minisearch.js';
import { startEngineWithSnapshot } from './engine-start.js';
import { timeQueries, type QueryTiming } from './latency.js';
import type { BenchQuery } from './query-mix.js';

export type System = 'engine' | 'baseline';
/** `cold`: build from the articles (and save a snapshot); `warm`: restore from the snapshot the cold run saved. */
export type Phase = 'cold' | 'warm';

export interface RunSpec {
  label: string;
  system: System;
  phase: Phase;
  contentDir: string;
  /** Where the engine's snapshot goes (engine only); omitted = no snapshot. */
  cacheDir?: string;
  queries: BenchQuery[];
  passes: number;
  /** Queries run unmeasured first (default 10); the shipped-content run warms up on the whole mix. */
  warmup?: number;
}

export interface RunResult {
  label: string;
  system: System;
  phase: Phase;
  documents: number;
  /** Passages or records indexed. */
  units: number;
  /** Reading and parsing the article files. */
  loadMs: number;
  /** Building the index from parsed articles (cold), or restoring it from the snapshot (warm). */
  buildMs: number;
  /** Hashing the content for the snapshot key. */
  keyMs?: number;
  snapshotSaveMs?: number;
  snapshotBytes?: number;
  /** `hit` when the warm run really restored from a snapshot. */
  snapshot?: string;
  /** Load + key + build/restore: start-up to ready. */
  readyMs: number;
  /** CPU seconds (all threads) spent from the start of the run to ready. */
  readyCpuMs: number;
  /** Process uptime when ready (includes Node, tsx and module loading). */
  uptimeAtReadyMs: number;
  timing?: QueryTiming;
  outcomes?: Record<string, number>;
  peakRssMb: number;
  heapUsedMb: number;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const heapUsedMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

/** Runs one spec in this process. */
export async function measureRun(spec: RunSpec): Promise<RunResult> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const cpuSince = () => {
    const used = process.cpuUsage(cpuStart);
    return (used.user + used.system) / 1000;
  };
  const base = { label: spec.label, system: spec.system, phase: spec.phase };
  if (spec.system === 'baseline') {
    const { documents } = await loadContent(spec.contentDir);
    const loaded = performance.now();
    const baseline = buildBaseline(documents);
    const built = performance.now();
    const readyCpuMs = cpuSince();
    const timing = spec.queries.length ? timeQueries(spec.queries, (query) => (baseline.answer(query).length > 0 ? 'hits' : 'none'), spec.passes, spec.warmup) : undefined;
    return {
      ...base,
      documents: documents.length,
      units: baseline.records,
      loadMs: loaded - started,
      buildMs: built - loaded,
      readyMs: built - started,
    readyCpuMs,
      uptimeAtReadyMs: process.uptime() * 1000 - (performance.now() - built),
      ...(timing ? { timing, outcomes: timing.outcomes } : {}),
      peakRssMb: peakRssMb(),
      heapUsedMb: heapUsedMb(),
    };
  }
  if (spec.cacheDir) {
    await mkdir(spec.cacheDir, { recursive: true });
    const start = await startEngineWithSnapshot({ contentDir: spec.contentDir, cacheDir: spec.cacheDir, phase: spec.phase });
    const ready = performance.now();
    const readyCpuMs = cpuSince();
    const timing = spec.queries.length ? timeQueries(spec.queries, (query) => start.engine.answer(query).answer.kind, spec.passes, spec.warmup) : undefined;
    return {
      ...base,
      documents: start.engine.stats.documents,
      units: start.engine.stats.passages,
      loadMs: start.loadMs,
      buildMs: start.buildMs,
      keyMs: start.keyMs,
      ...(start.snapshotSaveMs !== undefined ? { snapshotSaveMs: start.snapshotSaveMs, snapshotBytes: start.snapshotBytes } : {}),
      snapshot: start.snapshot,
      readyMs: ready - started,
      readyCpuMs,
      uptimeAtReadyMs: process.uptime() * 1000 - (performance.now() - ready),
      ...(timing ? { timing, outcomes: timing.outcomes } : {}),
      peakRssMb: peakRssMb(),
      heapUsedMb: heapUsedMb(),
    };
  }
  const { documents } = await loadContent(spec.contentDir);
  const loaded = performance.now();
  const engine = buildEngine(documents);
  const built = performance.now();
  const readyCpuMs = cpuSince();
  const timing = spec.queries.length ? timeQueries(spec.queries, (query) => engine.answer(query).answer.kind, spec.passes, spec.warmup) : undefined;
  return {
    ...base,
    documents: engine.stats.documents,
    units: engine.stats.passages,
    loadMs: loaded - started,
    buildMs: built - loaded,
    readyMs: built - started,
    readyCpuMs,
    uptimeAtReadyMs: process.uptime() * 1000 - (performance.now() - built),
    ...(timing ? { timing, outcomes: timing.outcomes } : {}),
    peakRssMb: peakRssMb(),
    heapUsedMb: heapUsedMb(),
  };
}
