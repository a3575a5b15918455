import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../adapters/start-app.js';
import type { RedisConversationStore } from '../../adapters/store/redis-conversation-store.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET, testConfig } from './helpers/app-env.js';
import { syntheticArticle } from './helpers/articles.js';
import { captureLogger } from './helpers/capture-logger.js';
import { hasRedisServer, startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { postSlackEvent, postSlashCommand, startFakeSlackApi, type FakeSlackApi } from './helpers/slack-http.js';

async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!hasRedisServer())('two replicas sharing one Redis, driven as Slack drives them', () => {
  let redis: RedisServer;
  let api: FakeSlackApi;
  let dir: string;
  const apps: RunningApp[] = [];
  let a: RunningApp;
  let b: RunningApp;
  const logs = captureLogger([], 'warn');
  const base = (app: RunningApp) => `http://127.0.0.1:${app.port()}`;
  /** `/talks <text>` from one user in one channel; returns the acknowledgement's text (the answer rides in it). */
  const slash = async (app: RunningApp, userId: string, text: string) => {
    const res = await postSlashCommand(base(app), TEST_SIGNING_SECRET, { text, userId, channelId: 'C1' });
    expect(res.status).toBe(200);
    expect(typeof res.body?.text).toBe('string');
    return String(res.body!.text);
  };

  beforeAll(async () => {
    [redis, api, dir] = await Promise.all([startRedisServer(), startFakeSlackApi(), mkdtemp(join(tmpdir(), 'talks-replicas-'))]);
    await writeFile(join(dir, 'alpha.md'), syntheticArticle('zorblatt', 'Alpha Talks'));
    const config = testConfig({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: api.url,
      // Private answers ride in the acknowledgement; in-channel ones are posted by the bot (chat.postMessage).
      SLACK_ANSWER_VISIBILITY: 'ephemeral',
      REDIS_URL: redis.url,
      TALKS_CONTENT_DIR: dir,
    });
    for (const name of ['a', 'b']) apps.push(await startApp({ config, logger: logs.logger.child({ replica: name }), host: '127.0.0.1' }));
    [a, b] = apps as [RunningApp, RunningApp];
    expect(a.live).toEqual(['slack']);
    expect(a.port()).not.toBe(b.port());
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await Promise.all([redis?.stop(), api?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers a /talks follow-up on the other replica from the thread started on the first', async () => {
    // Reference: the same two turns on one replica, and the follow-up alone (no context).
    await slash(a, 'U-ref', 'zorblatt proposal');
    const withContext = await slash(a, 'U-ref', 'tell me more');
    const withoutContext = await slash(b, 'U-fresh', 'tell me more');
    expect(withContext).not.toBe(withoutContext);

    await slash(a, 'U1', 'zorblatt proposal');
    expect(await slash(b, 'U1', 'tell me more')).toBe(withContext);
  });

  it('answers a reply in a Slack thread on the other replica (app_mention on one, thread message on the other)', async () => {
    const postsIn = (threadTs: string) => api.posts.filter((p) => p.thread_ts === threadTs).map((p) => String(p.text));
    const mention = async (app: RunningApp, ts: string, text: string, threadTs?: string) => {
      const status = await postSlackEvent(base(app), TEST_SIGNING_SECRET, { type: threadTs ? 'message' : 'app_mention', text, ts, threadTs, channel: 'C2' });
      expect(status).toBe(200);
    };
    // Reference thread on replica a only.
    await mention(a, '1800000000.000100', '<@UBOT> zorblatt proposal');
    await waitUntil(() => postsIn('1800000000.000100').length === 1, 5_000, 'first answer');
    await mention(a, '1800000000.000200', 'tell me more', '1800000000.000100');
    await waitUntil(() => postsIn('1800000000.000100').length === 2, 5_000, 'reference follow-up');
    const reference = postsIn('1800000000.000100')[1];

    // The thread under test: started on a, followed up on b (which never saw it: it asks Slack, then Redis).
    await mention(a, '1800000001.000100', '<@UBOT> zorblatt proposal');
    await waitUntil(() => postsIn('1800000001.000100').length === 1, 5_000, 'answer on a');
    await mention(b, '1800000001.000200', 'tell me more', '1800000001.000100');
    await waitUntil(() => postsIn('1800000001.000100').length === 2, 5_000, 'follow-up on b');
    expect(postsIn('1800000001.000100')[1]).toBe(reference);
    expect(postsIn('1800000001.000100')[1]).not.toBe(postsIn('1800000001.000100')[0]);
  });

  it('keeps answering on both replicas while Redis is down, and shares threads again once it is back', async () => {
    const fresh = await slash(a, 'U-r0', 'zorblatt proposal');
    const withContext = await slash(a, 'U-r0', 'tell me more');
    const withoutContext = await slash(b, 'U-r0-fresh', 'tell me more');

    await redis.stop();
    await waitUntil(() => !(a.store as RedisConversationStore).isConnected() && !(b.store as RedisConversationStore).isConnected(), 5_000, 'redis down');
    for (const app of [a, b]) for (let i = 0; i < 5; i++) expect(await slash(app, `U-down-${i}`, 'zorblatt proposal')).toBe(fresh);
    // Follow-ups degrade to fresh questions.
    await slash(a, 'U-down', 'zorblatt proposal');
    expect(await slash(b, 'U-down', 'tell me more')).toBe(withoutContext);
    const warnings = logs.lines.filter((l) => l.code === 'talks_store_unavailable');
    expect(warnings.length).toBe(2); // one per replica, not one per request

    await redis.start();
    await waitUntil(() => (a.store as RedisConversationStore).isConnected() && (b.store as RedisConversationStore).isConnected(), 10_000, 'redis back');
    await slash(a, 'U-back', 'zorblatt proposal');
    expect(await slash(b, 'U-back', 'tell me more')).toBe(withContext);

    const metrics = await a.metrics.registry.getSingleMetricAsString('talks_answers_total');
    expect(metrics).toMatch(/talks_answers_total\{platform="slack",kind="[a-z_]+"\} [1-9]/);
  });

  it('serves /healthz, /readyz and /metrics on the same port as /slack/events', async () => {
    expect((await fetch(`${base(a)}/healthz`)).status).toBe(200);
    expect((await fetch(`${base(a)}/readyz`)).status).toBe(200);
    const text = await (await fetch(`${base(b)}/metrics`)).text();
    expect(text).toContain('talks_answer_duration_seconds_bucket');
    // A forged request (bad signature) is refused and never answered.
    const res = await fetch(`${base(a)}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=deadbeef' },
      body: 'command=%2Ftalks&text=zorblatt',
    });
    expect(res.status).toBe(401);
  });
});
