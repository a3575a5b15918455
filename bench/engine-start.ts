/**
 * Start-up of our engine as the bench measures it: the core's startEngine with a snapshot folder
 * (cold: builds and saves a snapshot; warm: restores from it).
 */
import { startEngine } from '../src/engine/start-engine.js';
import type { Engine } from '../src/index.js';

export interface EngineStart {
  engine: Engine;
  loadMs: number;
  keyMs: number;
  buildMs: number;
  snapshotSaveMs?: number;
  snapshotBytes?: number;
  /** `hit` (restored), `miss` or `invalid` (built), `off`. */
  snapshot: string;
}

export async function startEngineWithSnapshot(options: { contentDir: string; cacheDir: string; phase: 'cold' | 'warm' }): Promise<EngineStart> {
  if (options.phase === 'cold') {
    const { rm } = await import('node:fs/promises');
    await rm(options.cacheDir, { recursive: true, force: true });
  }
  const started = await startEngine({ contentDir: options.contentDir, cacheDir: options.cacheDir });
  const { timings } = started;
  return {
    engine: started.engine,
    loadMs: timings.loadMs,
    keyMs: timings.keyMs,
    buildMs: timings.buildMs,
    ...(timings.saveMs !== undefined ? { snapshotSaveMs: timings.saveMs, snapshotBytes: timings.snapshotBytes } : {}),
    snapshot: started.snapshot,
  };
}
