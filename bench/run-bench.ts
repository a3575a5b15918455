/**
 * `npm run bench [-- options]`: speed and memory of the core, printed as tables.
 *
 * (a) The shipped content (content/): answers per second, p50/p99 latency of `engine.answer` over a
 *     fixed mix derived from the loaded articles, start-up to ready, peak RSS.
 * (b) A synthetic archive of N articles (default N = 1, 1000, 10000): cold build, snapshot save,
 *     warm load, peak RSS, p50/p99 over a fixed mix (questions, misspelt words, keywords, table
 *     questions, out-of-scope) — for our engine and, side by side, a plain MiniSearch baseline,
 *     with the ratio. Every run is its own child process, so peak RSS is per run.
 *
 * Options: --articles N[,N…] (repeatable) · --quick (N = 1 and 1000) · --seed S · --queries COUNT ·
 * --passes P · --no-baseline · --no-content · --content DIR · --cache DIR · --json FILE
 */
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/index.js';
import { DEFAULT_SEED, writeArchive } from './generate-archive.js';
import { measureRun, type RunResult, type RunSpec } from './measure-run.js';
import { archiveQueryMix, contentQueryMix } from './query-mix.js';
import { printArchiveTable, printContentTable, printTypeTable } from './report.js';

export interface BenchOptions {
  articles: number[];
  seed: number;
  queries: number;
  passes?: number;
  baseline: boolean;
  content: boolean;
  contentDir: string;
  cacheDir: string;
  json?: string;
}

const USAGE = 'usage: npm run bench -- [--articles N[,N…]] [--quick] [--seed S] [--queries COUNT] [--passes P] [--no-baseline] [--no-content] [--content DIR] [--cache DIR] [--json FILE]';

export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { articles: [], seed: DEFAULT_SEED, queries: 150, baseline: true, content: true, contentDir: 'content', cacheDir: '.cache/bench' };
  let quick = false;
  const value = (i: number, flag: string) => {
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return next;
  };
  const positive = (text: string, flag: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number, not "${text}"\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--articles':
        options.articles.push(...take().split(',').map((n) => positive(n.trim(), flag)));
        break;
      case '--quick':
        quick = true;
        break;
      case '--seed':
        options.seed = positive(take(), flag);
        break;
      case '--queries':
        options.queries = positive(take(), flag);
        break;
      case '--passes':
        options.passes = positive(take(), flag);
        break;
      case '--no-baseline':
        options.baseline = false;
        break;
      case '--no-content':
        options.content = false;
        break;
      case '--content':
        options.contentDir = take();
        break;
      case '--cache':
        options.cacheDir = take();
        break;
      case '--json':
        options.json = take();
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (options.articles.length === 0) options.articles = quick ? [1, 1000] : [1, 1000, 10000];
  else if (quick) options.articles = options.articles.filter((n) => n <= 1000);
  return options;
}

const SELF = fileURLToPath(import.meta.url);
const HEAP_CAP_MB = 6144;

/** Runs one spec in a child process (same Node flags, so tsx still loads TypeScript). */
function runChild(spec: RunSpec): Promise<RunResult | { error: string; label: string; system: string; phase: string }> {
  return new Promise((resolvePromise) => {
    // A heap cap, so a run that outgrows memory fails on its own instead of starving the machine.
    const child = fork(SELF, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, `--max-old-space-size=${HEAP_CAP_MB}`] });
    let result: RunResult | undefined;
    let error: string | undefined;
    child.on('message', (message: { result?: RunResult; error?: string }) => {
      result = message.result;
      error = message.error;
    });
    child.once('spawn', () => child.send(spec));
    child.on('exit', (code, signal) => {
      if (result) resolvePromise(result);
      else resolvePromise({ label: spec.label, system: spec.system, phase: spec.phase, error: error ?? `child exited with ${signal ?? code}` });
    });
  });
}

async function childMain(): Promise<void> {
  process.once('message', async (spec: RunSpec) => {
    try {
      const result = await measureRun(spec);
      process.send?.({ result }, () => process.exit(0));
    } catch (error) {
      process.send?.({ error: (error as Error).message.split('\n')[0] }, () => process.exit(1));
    }
  });
}

export type Outcome = RunResult | { error: string; label: string; system: string; phase: string };

/** Runs the whole bench and prints it; returns every run's figures. */
export async function runBench(options: BenchOptions, print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  print(`talks-tracker bench · Node ${process.version} · ${new Date().toISOString()} · seed ${options.seed}`);
  if (options.content) {
    const { documents } = await loadContent(options.contentDir);
    const queries = contentQueryMix(documents, options.queries, options.seed);
    const passes = options.passes ?? 20;
    // Steady state: one unmeasured pass over the whole mix first (WordNet synsets and answer-type tags are cached on first use).
    const common = { label: 'content', phase: 'cold' as const, contentDir: options.contentDir, queries, passes, warmup: queries.length };
    const runs: Outcome[] = [await runChild({ ...common, system: 'engine' })];
    if (options.baseline) runs.push(await runChild({ ...common, system: 'baseline' }));
    outcomes.push(...runs);
    print('');
    print(`(a) shipped content: ${resolve(options.contentDir)} · ${queries.length} queries × ${passes} passes, after one warm-up pass`);
    printContentTable(runs, print);
    printTypeTable(runs, print);
  }
  for (const articles of options.articles) {
    const archiveDir = join(options.cacheDir, `archive-s${options.seed}-n${articles}`);
    const t0 = performance.now();
    const archive = await writeArchive(archiveDir, { articles, seed: options.seed });
    const generatedMs = performance.now() - t0;
    const queries = archiveQueryMix(articles, options.queries, options.seed);
    // Three passes for our engine (450 timed answers, so p99 is not just the second-slowest answer); the baseline takes
    // seconds an answer at this scale, so one pass of it at N >= 1,000.
    const passes = options.passes ?? 3;
    // Steady state, as for the shipped content: one unmeasured (but reported) pass over the mix first. The
    // baseline, seconds an answer at N >= 1,000, warms up on 10 queries only.
    const common = { label: `N=${articles}`, contentDir: archiveDir, queries, passes, warmup: queries.length };
    const cacheDir = join(options.cacheDir, `snapshot-n${articles}`);
    const runs: Outcome[] = [];
    runs.push(await runChild({ ...common, system: 'engine', phase: 'cold', cacheDir }));
    runs.push(await runChild({ ...common, system: 'engine', phase: 'warm', cacheDir }));
    if (options.baseline) runs.push(await runChild({ ...common, system: 'baseline', phase: 'cold', ...(articles >= 1000 ? { passes: 1, warmup: 10 } : {}) }));
    outcomes.push(...runs);
    print('');
    print(`(b) archive N=${articles}: ${archive.files} files, ${(archive.bytes / 1e6).toFixed(1)} MB, ${Math.round(archive.words / Math.max(1, archive.files))} words/article (${archive.generated ? `generated in ${(generatedMs / 1000).toFixed(1)} s` : 'cached'}) · ${queries.length} queries × ${passes} passes, after one warm-up pass`);
    printArchiveTable(runs, print);
    printTypeTable(runs, print);
  }
  if (options.json) await writeFile(options.json, JSON.stringify(outcomes, null, 2));
  return outcomes;
}

if (process.argv.includes('--child')) {
  void childMain();
} else if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  runBench(options).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
