/** Plain-text tables for the bench's figures. */
import type { RunResult } from './measure-run.js';
import type { QueryType } from './query-mix.js';

type Outcome = RunResult | { error: string; label: string; system: string; phase: string };
const isResult = (outcome: Outcome): outcome is RunResult => !('error' in outcome);

/** Formats rows as an aligned table: first column left, the others right. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

const ms = (value: number | undefined, digits = 2) => (value === undefined || Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(digits));
const seconds = (value: number | undefined) => (value === undefined ? '–' : (value / 1000).toFixed(2));
const mb = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(0));
const ratio = (baseline: number | undefined, engine: number | undefined) => (baseline === undefined || engine === undefined || engine <= 0 ? '–' : `${(baseline / engine).toFixed(1)}×`);

function errorRows(outcomes: Outcome[]): string[] {
  return outcomes.filter((outcome) => !isResult(outcome)).map((outcome) => `  ! ${outcome.system} ${outcome.phase}: ${(outcome as { error: string }).error}`);
}

export function printContentTable(outcomes: Outcome[], print: (line: string) => void): void {
  const rows = outcomes.filter(isResult).map((run) => [
    run.system,
    String(run.documents),
    String(run.units),
    ms(run.readyMs, 1),
    ms(run.uptimeAtReadyMs, 0),
    run.timing ? run.timing.perSecond.toFixed(0) : '–',
    ms(run.timing?.all.p50, 3),
    ms(run.timing?.all.p99, 3),
    ms(run.timing?.all.max, 3),
    `${ms(run.timing?.cpu.p50, 3)} / ${ms(run.timing?.cpu.p99, 3)}`,
    mb(run.peakRssMb),
  ]);
  for (const line of formatTable(['system', 'docs', 'passages', 'ready ms', 'uptime@ready ms', 'answers/s', 'p50 ms', 'p99 ms', 'max ms', 'cpu p50/p99 ms', 'peak RSS MB'], rows)) print(`  ${line}`);
  for (const line of errorRows(outcomes)) print(line);
}

export function printArchiveTable(outcomes: Outcome[], print: (line: string) => void): void {
  const results = outcomes.filter(isResult);
  const rows = results.map((run) => [
    `${run.system} ${run.phase}`,
    String(run.documents),
    String(run.units),
    seconds(run.loadMs),
    run.keyMs ? seconds(run.keyMs) : '–',
    seconds(run.buildMs),
    run.snapshotSaveMs !== undefined ? `${seconds(run.snapshotSaveMs)} (${mb((run.snapshotBytes ?? 0) / 1e6)} MB)` : run.phase === 'warm' ? `${run.snapshot}` : '–',
    seconds(run.readyMs),
    seconds(run.readyCpuMs),
    ms(run.timing?.all.p50),
    ms(run.timing?.all.p99),
    `${ms(run.timing?.cpu.p50)} / ${ms(run.timing?.cpu.p99)}`,
    mb(run.peakRssMb),
  ]);
  const header = ['run', 'docs', 'passages', 'load s', 'key s', 'build/restore s', 'snapshot save', 'ready s', 'ready cpu s', 'p50 ms', 'p99 ms', 'cpu p50/p99 ms', 'peak RSS MB'];
  const engineCold = results.find((run) => run.system === 'engine' && run.phase === 'cold');
  const engineWarm = results.find((run) => run.system === 'engine' && run.phase === 'warm');
  const baseline = results.find((run) => run.system === 'baseline');
  if (baseline && (engineCold || engineWarm)) {
    const engine = engineWarm?.timing ? engineWarm : engineCold;
    rows.push([
      'ratio baseline ÷ engine',
      '',
      '',
      '',
      '',
      ratio(baseline.buildMs, engineCold?.buildMs),
      '',
      `${ratio(baseline.readyMs, engineCold?.readyMs)} cold, ${ratio(baseline.readyMs, engineWarm?.readyMs)} warm`,
      '',
      ratio(baseline.timing?.all.p50, engine?.timing?.all.p50),
      ratio(baseline.timing?.all.p99, engine?.timing?.all.p99),
      `${ratio(baseline.timing?.cpu.p50, engine?.timing?.cpu.p50)} / ${ratio(baseline.timing?.cpu.p99, engine?.timing?.cpu.p99)}`,
      ratio(baseline.peakRssMb, Math.max(engineCold?.peakRssMb ?? 0, engineWarm?.peakRssMb ?? 0) || undefined),
    ]);
  }
  for (const line of formatTable(header, rows)) print(`  ${line}`);
  const firsts = results
    .filter((run) => run.timing && run.timing.warmup.count > 0)
    .map((run) => `${run.system} ${run.phase} ${ms(run.timing?.warmup.p50)} / ${ms(run.timing?.warmup.p99)} ms (${run.timing?.warmup.count})`);
  if (firsts.length) print(`  warm-up answers, p50 / p99 (first-use costs included, not in the figures above): ${firsts.join(' · ')}`);
  for (const line of errorRows(outcomes)) print(line);
}

/** p50/p99 per query type and what each system answered, per run. */
export function printTypeTable(outcomes: Outcome[], print: (line: string) => void): void {
  const results = outcomes.filter((run): run is RunResult => isResult(run) && run.timing !== undefined);
  if (results.length === 0) return;
  const types = [...new Set(results.flatMap((run) => Object.keys(run.timing?.byType ?? {})))] as QueryType[];
  const header = ['query type', ...results.map((run) => `${run.system}${run.phase === 'warm' ? ' warm' : ''} p50/p99 ms`), 'engine answered'];
  const engine = results.find((run) => run.system === 'engine');
  const rows = types.map((type) => [
    type,
    ...results.map((run) => {
      const summary = run.timing?.byType[type];
      return summary ? `${ms(summary.p50)} / ${ms(summary.p99)}` : '–';
    }),
    Object.entries(engine?.outcomes ?? {})
      .filter(([key]) => key.startsWith(`${type}:`))
      .map(([key, count]) => `${key.slice(type.length + 1)} ${count}`)
      .join(', '),
  ]);
  for (const line of formatTable(header, rows)) print(`  ${line}`);
  const slow = engine?.timing?.slowest.slice(0, 3).map((item) => `"${item.query}" ${ms(item.ms)} ms`).join(' · ');
  if (slow) print(`  slowest (engine): ${slow}`);
}
