import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from './helpers/app-env.js';
import { syntheticArticle } from './helpers/articles.js';
import { postSlashCommand, startFakeSlackApi, type FakeSlackApi } from './helpers/slack-http.js';
import { spawnMain, type MainProcess } from './helpers/spawn-main.js';

describe('the real entry point (node --import tsx adapters/main.ts)', () => {
  let dir: string;
  let api: FakeSlackApi;
  let sink: Server;
  const delayed: string[] = [];
  const running: MainProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talks-main-'));
    await writeFile(join(dir, 'alpha.md'), syntheticArticle('zorblatt', 'Alpha Talks'));
    api = await startFakeSlackApi();
    // Slack's response_url, for answers sent after an empty acknowledgement.
    sink = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        delayed.push(`${req.url} ${body}`);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await api?.stop();
    await new Promise((r) => sink?.close(r));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens the console chat when nothing is configured, logs which platforms are live, and exits 0 at end of input', { timeout: 90_000 }, async () => {
    const main = spawnMain({ TALKS_CONTENT_DIR: dir });
    running.push(main);
    main.child.stdin.end('zorblatt proposal\n');
    const exit = await main.exited;
    expect(exit.code).toBe(0);
    expect(main.stdout()).toMatch(/zorblatt/i);
    const live = main.logs().filter((l) => String(l.msg).startsWith('live:'));
    expect(live).toHaveLength(1);
    expect(live[0]!.live).toEqual(['console']);
  });

  it('fails fast with one line naming every bad variable, never a value', { timeout: 90_000 }, async () => {
    const main = spawnMain({ PORT: 'not-a-port', LOG_LEVEL: 'chatty', SLACK_BOT_TOKEN: TEST_BOT_TOKEN, TALKS_CONTENT_DIR: dir });
    running.push(main);
    const exit = await main.exited;
    expect(exit.code).not.toBe(0);
    const lines = main.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const name of ['PORT', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET']) expect(lines[0]).toContain(name);
    expect(main.stderr() + main.stdout()).not.toContain(TEST_BOT_TOKEN);
  });

  it('exits 1 with a log line naming the folder and the fix when the content folder cannot be read', { timeout: 90_000 }, async () => {
    const missing = join(dir, 'no-such-folder');
    const main = spawnMain({ TALKS_CONTENT_DIR: missing });
    running.push(main);
    main.child.stdin.end();
    const exit = await main.exited;
    expect(exit.code).toBe(1);
    const fatal = main.logs().filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.code).toBe('talks_content_read');
    expect(String(fatal[0]!.msg)).toContain(missing);
    expect(String(fatal[0]!.msg)).toContain('TALKS_CONTENT_DIR');
  });

  it('exits 1 with one clear log line when Slack refuses the token, logging no secret', { timeout: 90_000 }, async () => {
    const revoked = ['xoxb', '9', '9', 'revokedtoken'].join('-');
    const main = spawnMain({ SLACK_BOT_TOKEN: revoked, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: api.url, PORT: '0', TALKS_CONTENT_DIR: dir });
    running.push(main);
    const exit = await main.exited;
    expect(exit.code).toBe(1);
    const fatal = main.logs().filter((l) => l.level === 60);
    expect(fatal.length).toBeGreaterThanOrEqual(1);
    expect(String(fatal[0]!.msg)).toMatch(/invalid_auth/);
    // Nothing but log lines: no raw stack trace on stderr.
    expect(main.stderr().trim()).toBe('');
    expect(main.stdout() + main.stderr()).not.toContain(revoked);
  });

  it('on SIGTERM during a burst of /talks: every acknowledged request has its answer, and it exits 0 within 10 s', { timeout: 90_000 }, async () => {
    const main = spawnMain({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: api.url,
      PORT: '0',
      TALKS_CONTENT_DIR: dir,
      TALKS_RATE_USER_BURST: '100000',
      TALKS_RATE_CHANNEL_BURST: '100000',
      LOG_LEVEL: 'info',
    });
    running.push(main);
    const live = await main.waitForLog((l) => String(l.msg).startsWith('live:'), 20_000);
    expect(live.live).toEqual(['slack']);
    const base = `http://127.0.0.1:${String(live.port)}`;
    const responseUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/respond`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // Nothing answered yet may leak a secret into the logs.
    expect(main.stdout()).not.toContain(TEST_BOT_TOKEN);

    const outcomes = { answeredInAck: 0, emptyAck: 0, refused: 0, otherStatus: [] as number[], errors: {} as Record<string, number> };
    let signalledAt = 0;
    let stop = false;
    let sent = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const n = sent++;
        try {
          const res = await postSlashCommand(base, TEST_SIGNING_SECRET, { text: 'zorblatt proposal', userId: `U${w}`, channelId: 'C1', responseUrl: `${responseUrl}/${n}` });
          if (res.status !== 200) outcomes.otherStatus.push(res.status);
          else if (typeof res.body?.text === 'string' && res.body.text.includes('zorblatt')) outcomes.answeredInAck += 1;
          else outcomes.emptyAck += 1;
        } catch (error) {
          // Connection refused or closed before any response: never acknowledged (Slack retries those).
          outcomes.refused += 1;
          const code = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
          outcomes.errors[code] = (outcomes.errors[code] ?? 0) + 1;
          if (signalledAt) await new Promise((r) => setTimeout(r, 20));
        }
        if (signalledAt && Date.now() - signalledAt > 3_000) stop = true;
      }
    };
    const workers = Array.from({ length: 30 }, (_, w) => worker(w));
    while (outcomes.answeredInAck < 300) await new Promise((r) => setTimeout(r, 10));
    signalledAt = Date.now();
    main.child.kill('SIGTERM');
    const exit = await main.exited;
    stop = true;
    await Promise.all(workers);

    if (process.env.TALKS_TEST_VERBOSE) console.log({ ...outcomes, delayed: delayed.length, exitMs: exit.at - signalledAt });
    expect(exit.code).toBe(0);
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(outcomes.otherStatus).toEqual([]);
    // An empty acknowledgement promises a later answer at response_url: each one must have arrived.
    expect(delayed.length).toBe(outcomes.emptyAck);
    expect(outcomes.answeredInAck).toBeGreaterThanOrEqual(300);
    expect(main.logs().some((l) => l.msg === 'shut down')).toBe(true);
    expect(main.stdout()).not.toContain(TEST_BOT_TOKEN);
    expect(main.stdout()).not.toContain(TEST_SIGNING_SECRET);
  });
});
