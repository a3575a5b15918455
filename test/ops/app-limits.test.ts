import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../adapters/start-app.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET, testConfig } from './helpers/app-env.js';
import { syntheticArticle } from './helpers/articles.js';
import { captureLogger } from './helpers/capture-logger.js';
import { postSlashCommand, startFakeSlackApi, type FakeSlackApi } from './helpers/slack-http.js';

describe('limits through the Slack endpoint (one replica, memory store)', () => {
  let api: FakeSlackApi;
  let dir: string;
  let app: RunningApp;
  beforeAll(async () => {
    [api, dir] = await Promise.all([startFakeSlackApi(), mkdtemp(join(tmpdir(), 'talks-limits-'))]);
    await writeFile(join(dir, 'alpha.md'), syntheticArticle('zorblatt', 'Alpha Talks'));
    const config = testConfig({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: api.url,
      TALKS_CONTENT_DIR: dir,
      TALKS_RATE_USER_BURST: '3',
      TALKS_RATE_USER_PER_MINUTE: '1',
      TALKS_RATE_CHANNEL_BURST: '5',
      TALKS_RATE_CHANNEL_PER_MINUTE: '1',
      TALKS_MAX_QUERY_CHARS: '40',
    });
    app = await startApp({ config, logger: captureLogger([], 'warn').logger, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.stop();
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers a user past their burst with a short friendly reply, then a busy channel, and counts both', async () => {
    const base = `http://127.0.0.1:${app.port()}`;
    const ask = async (userId: string, channelId: string) => {
      const res = await postSlashCommand(base, TEST_SIGNING_SECRET, { text: 'zorblatt proposal', userId, channelId });
      expect(res.status).toBe(200); // always acknowledged, limited or not
      return String(res.body?.text);
    };
    for (let i = 0; i < 3; i++) expect(await ask('U1', 'C1')).toContain('zorblatt');
    const limited = await ask('U1', 'C1');
    expect(limited).not.toContain('zorblatt');
    expect(limited).toMatch(/try again in \d+ s/);
    expect(await ask('U2', 'C1')).toContain('zorblatt');
    expect(await ask('U3', 'C1')).toContain('zorblatt');
    expect(await ask('U4', 'C1')).toMatch(/channel is asking faster/i);
    expect(await ask('U4', 'C2')).toContain('zorblatt');

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('talks_rate_limited_total{platform="slack",scope="user"} 1');
    expect(metrics).toContain('talks_rate_limited_total{platform="slack",scope="channel"} 1');
    expect(metrics).toContain('talks_answers_total{platform="slack",kind="rate_limited"} 2');
  });

  it('cuts a very long question and says so in the answer', async () => {
    const base = `http://127.0.0.1:${app.port()}`;
    const res = await postSlashCommand(base, TEST_SIGNING_SECRET, { text: `zorblatt proposal ${'and more words '.repeat(400)}`, userId: 'U9', channelId: 'C9' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toMatch(/cut to its first 40 characters/i);
  });
});
