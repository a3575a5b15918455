/** Latency sampling and percentiles for the bench (wall-clock, per call, in milliseconds). */
import type { BenchQuery, QueryType } from './query-mix.js';

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

export interface QueryTiming {
  all: LatencySummary;
  /** CPU time (user + system, all threads) per query: what the wall time would be on an idle machine, roughly. */
  cpu: LatencySummary;
  byType: Partial<Record<QueryType, LatencySummary>>;
  /** Queries answered per second over the measured passes (one thread, back to back). */
  perSecond: number;
  /** The slowest queries, to know where to look. */
  slowest: Array<{ query: string; type: QueryType; ms: number }>;
  /** The warm-up queries, timed too but apart: first answers pay first-use costs (sections made, lexicons read). */
  warmup: LatencySummary;
}

/**
 * Runs `warmup` queries unmeasured (JIT, caches), then every query `passes` times, timing each call.
 * `run` returns an outcome label per query (an answer kind, a hit count) that is tallied in `outcomes`.
 */
export function timeQueries(queries: readonly BenchQuery[], run: (query: string) => string, passes = 1, warmup = 10): QueryTiming & { outcomes: Record<string, number> } {
  const warmupSamples: number[] = [];
  for (const { query } of queries.slice(0, warmup)) {
    const t0 = performance.now();
    run(query);
    warmupSamples.push(performance.now() - t0);
  }
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const byType = new Map<QueryType, number[]>();
  const outcomes: Record<string, number> = {};
  const slowest: Array<{ query: string; type: QueryType; ms: number }> = [];
  const started = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const { query, type } of queries) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const outcome = run(query);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      samples.push(ms);
      cpuSamples.push((cpu.user + cpu.system) / 1000);
      byType.set(type, [...(byType.get(type) ?? []), ms]);
      if (pass === 0) {
        outcomes[`${type}:${outcome}`] = (outcomes[`${type}:${outcome}`] ?? 0) + 1;
        slowest.push({ query, type, ms });
      }
    }
  }
  const elapsed = performance.now() - started;
  slowest.sort((a, b) => b.ms - a.ms);
  return {
    all: summarize(samples),
    cpu: summarize(cpuSamples),
    byType: Object.fromEntries([...byType].map(([type, values]) => [type, summarize(values)])),
    perSecond: samples.length / (elapsed / 1000),
    slowest: slowest.slice(0, 5),
    warmup: summarize(warmupSamples),
    outcomes,
  };
}
