/**
 * Load benchmark of the Slack HTTP endpoint: the real entry point (`node --import tsx adapters/main.ts`, as the
 * Docker image runs it) in its own process, with Slack in HTTP mode against a loopback stand-in for the Web
 * API, receives signed `/talks` slash commands from many users and channels, 50 in flight, over keep-alive
 * connections. Measures the acknowledgement latency (request sent → response complete, the answer riding in
 * the ack), throughput and errors; then the same again with a content reload (a new article written into the
 * watched folder) in the middle. Then the same load on the floor: a Bolt app doing none of the bot's work, the
 * baseline the bot's figures are compared with. Prints figures; asserts nothing.
 *
 *   npm run bench:load                    # 5,000 requests per run, 50 in flight
 *   npm run bench:load -- 20000 100       # requests, concurrency
 *   BENCH_REPLICAS=2 npm run bench:load   # two app processes sharing one redis-server, round-robin
 *   BENCH_WARMUP=500 npm run bench:load   # answers before the measured runs (default 3,000)
 *   BENCH_FLOOR=0 npm run bench:load      # skip the Bolt floor (bench/bolt-floor-app.ts) run at the end
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngine, loadContent } from '../src/index.js';
import { startRedisServer } from '../test/ops/helpers/redis-server.js';
import { signSlackRequest, slashCommandBody, startFakeSlackApi } from '../test/ops/helpers/slack-http.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REQUESTS = Number(process.argv[2] ?? 5_000);
const CONCURRENCY = Number(process.argv[3] ?? 50);
const REPLICAS = Math.max(1, Number(process.env.BENCH_REPLICAS ?? 1));
const SIGNING_SECRET = 'benchsecret' + '0123456789abcdef';
const BOT_TOKEN = ['xoxb', '1', '2', 'benchtoken'].join('-');

interface RunFigures {
  name: string;
  requests: number;
  ok: number;
  errors: number;
  errorKinds: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  seconds: number;
  perSecond: number;
  reload?: { ms?: number; answerableAfterMs?: number };
  /** The app process's CPU time per request (from its /metrics): what the figures cost regardless of contention. */
  cpuMsPerRequest: number;
  /** This process's CPU time per request: the load generator shares the machine's CPUs with the app. */
  generatorCpuMsPerRequest: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN) : NaN;
}

/** Queries drawn from the loaded content itself (the core's help examples), plus follow-ups and misses. */
async function queryMix(dir: string): Promise<string[]> {
  const { documents } = await loadContent(dir);
  const engine = buildEngine(documents);
  const examples = engine.answer('help').answer.examples.filter((q) => !/\(/.test(q));
  const suggestions = engine.suggest('', 20);
  return [...examples, ...suggestions, 'positions', 'sections', 'tell me more', 'what about the weather in lisbon', 'help'];
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'talks-load-'));
  await cp(join(ROOT, 'content'), dir, { recursive: true });
  const queries = await queryMix(dir);
  const api = await startFakeSlackApi();

  // BENCH_REPLICAS=n runs n app processes sharing one Redis (a throwaway redis-server), requests spread round-robin
  // as a load balancer would: the compose setup, on one machine.
  const redis = REPLICAS > 1 ? await startRedisServer() : undefined;
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of each app process there (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const logs: Array<Record<string, unknown>> = [];
  const nodeFlags = [...profile, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  const spawnApp = (replica: number, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', SLACK_SIGNING_SECRET: SIGNING_SECRET, TALKS_CONTENT_DIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        // Only the lines the bench waits for are parsed: parsing every answer's log line cost this process (the
        // load generator, on the same two CPUs) as much CPU as signing the requests.
        if (!line.includes('"msg":"live:') && !line.includes('"msg":"content loaded"')) {
          if (process.env.BENCH_SHOW_STDOUT && !line.startsWith('{')) process.stderr.write(`[app ${replica}] ${line}\n`);
          continue;
        }
        try {
          logs.push({ ...(JSON.parse(line) as Record<string, unknown>), replica });
        } catch {
          /* not a log line */
        }
      }
    });
    return child;
  };
  const children = Array.from({ length: REPLICAS }, (_, replica) =>
    spawnApp(replica, 'adapters/main.ts', {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: api.url,
      // Answers for the asker ride in the ack, which is what is measured (in_channel ones are posted with chat.postMessage).
      SLACK_ANSWER_VISIBILITY: 'ephemeral',
      PORT: '0',
      ...(redis ? { REDIS_URL: redis.url } : {}),
      // The bench measures the endpoint, not the limiter: buckets large enough never to refuse.
      TALKS_RATE_USER_BURST: '1000000',
      TALKS_RATE_CHANNEL_BURST: '1000000',
      // Production's level by default: the per-answer log lines are part of the cost measured.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    }),
  );
  // The processes that must stay up (waitForLog fails fast when one exits); the floor replaces the bot at the end.
  let running = [...children];
  const stopAll = () => Promise.all(running.map((child) => new Promise((r) => (child.exitCode !== null ? r(null) : (child.once('exit', r), child.kill('SIGTERM'))))));
  const waitForLog = async (match: (l: Record<string, unknown>) => boolean, ms: number, from = 0) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const hit = logs.slice(from).find(match);
      if (hit) return hit;
      const dead = running.find((c) => c.exitCode !== null);
      if (dead) throw new Error(`an app process exited (${dead.exitCode})`);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('timed out waiting for the app');
  };

  try {
    let ports: number[] = [];
    for (let replica = 0; replica < REPLICAS; replica++) {
      const live = await waitForLog((l) => l.replica === replica && String(l.msg).startsWith('live:'), 60_000);
      ports.push(Number(live.port));
    }
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let seq = 0;
    const send = (query: string): Promise<{ ms: number; status: number; body: string }> => {
      seq += 1;
      const port = ports[seq % ports.length]!;
      const body = slashCommandBody({ text: query, userId: `U${seq % 500}`, channelId: `C${seq % 40}`, teamId: 'T1' });
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/slack/events',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...signSlackRequest(SIGNING_SECRET, body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    };

    const cpuSeconds = async () => {
      let total = 0;
      for (const port of ports) {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        total += Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? NaN);
      }
      return total;
    };
    const run = async (name: string, count: number, midway?: () => Promise<RunFigures['reload']>, inFlight = CONCURRENCY): Promise<RunFigures> => {
      const cpuBefore = await cpuSeconds();
      const ownBefore = process.cpuUsage();
      const latencies: number[] = [];
      const errorKinds: Record<string, number> = {};
      let next = 0;
      let ok = 0;
      let reload: Promise<RunFigures['reload']> | undefined;
      const started = performance.now();
      const worker = async () => {
        while (next < count) {
          const i = next++;
          if (midway && i === Math.floor(count / 2)) reload = midway();
          try {
            const res = await send(queries[i % queries.length]!);
            latencies.push(res.ms);
            let answered = false;
            try {
              answered = res.status === 200 && typeof (JSON.parse(res.body) as { text?: unknown }).text === 'string';
            } catch {
              answered = false;
            }
            if (answered) ok += 1;
            else errorKinds[`http ${res.status}`] = (errorKinds[`http ${res.status}`] ?? 0) + 1;
          } catch (error) {
            const code = String((error as NodeJS.ErrnoException).code ?? (error as Error).message);
            errorKinds[code] = (errorKinds[code] ?? 0) + 1;
          }
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      const seconds = (performance.now() - started) / 1000;
      const own = process.cpuUsage(ownBefore);
      const cpuMsPerRequest = ((await cpuSeconds()) - cpuBefore) * 1000 / count;
      const sorted = latencies.sort((a, b) => a - b);
      const errors = count - ok;
      return {
        name,
        requests: count,
        ok,
        errors,
        errorKinds,
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? NaN,
        seconds,
        perSecond: count / seconds,
        cpuMsPerRequest,
        generatorCpuMsPerRequest: (own.user + own.system) / 1000 / count,
        ...(reload ? { reload: await reload } : {}),
      };
    };

    // The first few thousand answers run slower (JIT tiers, first-use caches): measured and shown, apart.
    const warmup = await run('warm-up', Math.min(Number(process.env.BENCH_WARMUP ?? 3_000), REQUESTS));
    const steady = await run('steady', REQUESTS);
    const withReload = await run('with reload', REQUESTS, async () => {
      // A new article lands in the watched folder mid-run; the index is rebuilt aside and swapped in.
      const word = 'quorvantine';
      const written = performance.now();
      const from = logs.length;
      await writeFile(
        join(dir, 'zz-bench-new-article.md'),
        ['---', 'title: Bench Arrival', 'date: 2026-02-01', '---', '', 'Latest', '', `The ${word} envoys arrived for a new round of talks on Tuesday.`, ''].join('\n'),
      );
      const loaded = await waitForLog((l) => l.msg === 'content loaded', 10_000, from);
      // Answerable everywhere: as many answers in a row as there are replicas (requests go round-robin).
      let answerableAfterMs: number | undefined;
      let inARow = 0;
      for (let i = 0; i < 200 && answerableAfterMs === undefined; i++) {
        const res = await send(`${word} envoys`);
        inARow = res.body.includes(word) ? inARow + 1 : 0;
        if (inARow >= REPLICAS) answerableAfterMs = performance.now() - written;
        else if (inARow === 0) await new Promise((r) => setTimeout(r, 20));
      }
      return { ms: Number(loaded.ms), ...(answerableAfterMs !== undefined ? { answerableAfterMs } : {}) };
    });
    // One at a time: the service time alone, without the queue 50 in flight builds up.
    const serial = await run('1 in flight', Math.min(1_000, REQUESTS), undefined, 1);

    // The floor: the same load on a Bolt app that does none of the bot's work (bench/bolt-floor-app.ts), after
    // the bot has stopped. Its own warm-up is run and not shown.
    const floorRuns: RunFigures[] = [];
    if (process.env.BENCH_FLOOR !== '0') {
      await stopAll();
      const from = logs.length;
      running = [spawnApp(REPLICAS, 'bench/bolt-floor-app.ts', { BENCH_FLOOR_QUERIES: JSON.stringify(queries) })];
      const live = await waitForLog((l) => l.msg === 'live: floor', 60_000, from);
      ports = [Number(live.port)];
      await run('floor warm-up', Math.min(Number(process.env.BENCH_WARMUP ?? 3_000), REQUESTS));
      floorRuns.push(await run('Bolt floor', REQUESTS), await run('floor, 1 in flight', Math.min(1_000, REQUESTS), undefined, 1));
    }
    agent.destroy();

    const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(n < 10 ? 2 : 1));
    console.log(
      `\nSlack HTTP load: signed /talks slash commands to /slack/events on loopback, ${CONCURRENCY} in flight, ${queries.length} distinct queries, 500 users, 40 channels, ` +
        (REPLICAS > 1 ? `${REPLICAS} app processes sharing one Redis (round-robin)` : 'one app process, memory store'),
    );
    console.log('(ack latency = request sent → full response received; the rendered answer rides in the ack)\n');
    console.log('run                requests   ok      errors  p50 ms  p90 ms  p99 ms  max ms  req/s  app CPU ms/req  generator CPU ms/req');
    for (const r of [warmup, steady, withReload, serial, ...floorRuns]) {
      console.log(
        `${r.name.padEnd(18)} ${String(r.requests).padEnd(10)} ${String(r.ok).padEnd(7)} ${String(r.errors).padEnd(7)} ${fmt(r.p50).padEnd(7)} ${fmt(r.p90).padEnd(7)} ${fmt(r.p99).padEnd(7)} ${fmt(r.max).padEnd(7)} ${r.perSecond.toFixed(0).padEnd(6)} ${fmt(r.cpuMsPerRequest).padEnd(15)} ${fmt(r.generatorCpuMsPerRequest)}`,
      );
      if (r.errors) console.log(`  errors: ${JSON.stringify(r.errorKinds)}`);
    }
    if (withReload.reload) {
      console.log(
        `\nreload mid-run: index rebuilt and swapped in ${fmt(withReload.reload.ms)} ms (server log); new article answerable ${fmt(withReload.reload.answerableAfterMs)} ms after the file was written`,
      );
    }
    const load = (await import('node:os')).loadavg()[0]!;
    console.log(`machine: ${(await import('node:os')).cpus().length} CPUs, load average ${load.toFixed(1)} at the end (other processes share the CPUs: latency grows with the queue)`);
    const floor = floorRuns[0];
    if (floor) {
      console.log(
        `Bolt floor (bench/bolt-floor-app.ts: same receiver and signature checks, one /talks listener acking a reply rendered before the run; no engine, render, state, limits, metrics or log line): ` +
          `the bot's steady p99 is ${(steady.p99 / floor.p99).toFixed(1)}× the floor's, its CPU a request ${(steady.cpuMsPerRequest / floor.cpuMsPerRequest).toFixed(1)}× (+${fmt(steady.cpuMsPerRequest - floor.cpuMsPerRequest)} ms)`,
      );
    }
    console.log(`target: no errors, p99 under 50 ms → ${steady.errors + withReload.errors === 0 && Math.max(steady.p99, withReload.p99) < 50 ? 'met' : 'NOT met'} on this machine`);
  } finally {
    await stopAll();
    await redis?.stop();
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
