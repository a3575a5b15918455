import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord-server.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from './helpers/app-env.js';
import { syntheticArticle } from './helpers/articles.js';
import { postSlashCommand, startFakeSlackApi, type FakeSlackApi } from './helpers/slack-http.js';
import { spawnMain, type MainProcess } from './helpers/spawn-main.js';

const DISCORD_TOKEN = ['MTAxNTk5NzQ1NjY3ODU4ODQ0OQ', 'GopsTk', 'ops-test-token-that-must-never-be-logged-42'].join('.');

describe('Slack and Discord in one process (the real entry point)', () => {
  let dir: string;
  let slackApi: FakeSlackApi;
  let discord: FakeDiscord;
  let main: MainProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talks-both-'));
    await writeFile(join(dir, 'alpha.md'), syntheticArticle('zorblatt', 'Alpha Talks'));
    [slackApi, discord] = await Promise.all([startFakeSlackApi(), startFakeDiscord({ token: DISCORD_TOKEN, heartbeatIntervalMs: 500 })]);
  });
  afterAll(async () => {
    if (main && main.child.exitCode === null) main.child.kill('SIGKILL');
    await Promise.all([slackApi?.stop(), discord?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts both, answers on both, serves the endpoints, and shuts both down cleanly', { timeout: 90_000 }, async () => {
    main = spawnMain({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slackApi.url,
      SLACK_APP_TOKEN: '', // empty means unset: Slack over HTTP
      DISCORD_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      PORT: '0',
      TALKS_CONTENT_DIR: dir,
      LOG_LEVEL: 'debug',
    });
    const live = await main.waitForLog((l) => String(l.msg).startsWith('live:'), 60_000);
    expect(live.live).toEqual(['slack', 'discord']);
    const base = `http://127.0.0.1:${String(live.port)}`;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);

    const ack = await postSlashCommand(base, TEST_SIGNING_SECRET, { text: 'zorblatt proposal' });
    expect(ack.status).toBe(200);
    expect(String(ack.body?.text)).toContain('zorblatt');

    const interaction = discord.slashCommand('zorblatt proposal');
    const responses = await discord.waitFor(() => {
      const messages = discord.responsesTo(interaction);
      return messages.length > 0 && (messages[0]!.flags & 128) === 0 ? messages : undefined;
    }, 15_000, 'the Discord answer');
    expect(JSON.stringify(responses[0]!.embeds) + responses[0]!.content).toContain('zorblatt');

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/talks_answers_total\{platform="slack",kind="[a-z_]+"\} 1/);
    expect(metrics).toMatch(/talks_answers_total\{platform="discord",kind="[a-z_]+"\} 1/);

    const signalled = Date.now();
    main.child.kill('SIGTERM');
    const exit = await main.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(10_000);
    expect(main.logs().some((l) => l.code === 'talks_shutdown_step')).toBe(false);
    expect(main.logs().some((l) => l.msg === 'shut down')).toBe(true);
    // Debug logging included: still no secret in any line.
    const output = main.stdout() + main.stderr();
    for (const secret of [DISCORD_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET]) expect(output).not.toContain(secret);
  });

  it('with Discord only, serves /healthz, /readyz and /metrics from its own small server on PORT', { timeout: 90_000 }, async () => {
    main = spawnMain({ DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl, PORT: '0', TALKS_CONTENT_DIR: dir });
    const live = await main.waitForLog((l) => String(l.msg).startsWith('live:'), 60_000);
    expect(live.live).toEqual(['discord']);
    const base = `http://127.0.0.1:${String(live.port)}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('talks_content_documents 1');
    expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
  });
});
