/**
 * Start-up of our engine as the bench measures it: load the articles, key the snapshot, then build
 * cold (and save a snapshot) or restore warm. Delegates to the core's start-up when it supports
 * snapshots; until then both phases build.
 */
import { buildEngine, loadContent, type Engine } from '../src/index.js';

export interface EngineStart {
  engine: Engine;
  loadMs: number;
  keyMs: number;
  buildMs: number;
  snapshotSaveMs?: number;
  snapshotBytes?: number;
  /** `hit`, `miss`, `invalid`, or `unsupported` while the engine has no snapshot hook. */
  snapshot: string;
}

export async function startEngineWithSnapshot(options: { contentDir: string; cacheDir: string; phase: 'cold' | 'warm' }): Promise<EngineStart> {
  const t0 = performance.now();
  const { documents } = await loadContent(options.contentDir);
  const t1 = performance.now();
  const engine = buildEngine(documents);
  const t2 = performance.now();
  return { engine, loadMs: t1 - t0, keyMs: 0, buildMs: t2 - t1, snapshot: 'unsupported' };
}
