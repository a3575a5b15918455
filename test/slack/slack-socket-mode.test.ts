import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, parseSlackConfig } from '../../adapters/slack/index.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { tableRows } from './message-inspect.js';
import { eventEnvelope, mentionEvent, slashCommandFields } from './slack-payloads.js';
import { startSlackHarness, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type SlackHarness } from './slack-harness.js';

describe('Slack over Socket Mode (SLACK_APP_TOKEN)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ socketMode: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('connects with the app token from apps.connections.open and is ready', () => {
    const open = h.api.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]?.token?.startsWith('xapp-')).toBe(true);
    expect(h.socket?.connections).toBe(1);
    expect(h.adapter.isReady()).toBe(true);
  });

  it('answers a slash command in the envelope acknowledgement', async () => {
    const envelopeId = h.socket!.deliver('slash_commands', slashCommandFields(h.where, 'positions', h.hooks.newUrl()));
    const ack = await h.socket!.waitForAck(envelopeId);
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(tableRows(ack.payload?.blocks)).toBeDefined();
  });

  it('answers a redelivered slash command once, acknowledging the copy empty', async () => {
    const fields = slashCommandFields(h.where, 'sections', h.hooks.newUrl());
    const first = h.socket!.deliver('slash_commands', fields);
    const copy = h.socket!.deliver('slash_commands', fields);
    const [a, b] = await Promise.all([h.socket!.waitForAck(first), h.socket!.waitForAck(copy)]);
    const answered = [a, b].filter((ack) => Array.isArray(ack.payload?.blocks));
    expect(answered).toHaveLength(1);
  });

  it('answers a mention in a thread once, though the envelope is delivered twice', async () => {
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: h.where.channelId, ts, user: h.where.userId, text: 'sections' });
    const envelope = eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, 'sections', ts));
    const first = h.socket!.deliver('events_api', envelope);
    const again = h.socket!.deliver('events_api', envelope, { retryAttempt: 1 });
    await Promise.all([h.socket!.waitForAck(first), h.socket!.waitForAck(again)]);
    const replies = () => h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
    await h.api.waitFor(() => replies().length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replies()).toHaveLength(1);
  });
});

describe('Socket Mode with an app token Slack refuses', () => {
  it('start() fails with talks_slack_auth, naming SLACK_APP_TOKEN and the fix, never the token', async () => {
    // The bot token is good (auth.test passes); apps.connections.open refuses the app token (invalid_auth).
    const api = await new FakeSlackApi({ botToken: TEST_BOT_TOKEN, appToken: 'xapp-1-A0TALKS-1111-theonethatworks' }).start();
    const wrong = 'xapp-1-A0TALKS-2222-revokedtokenvalue';
    const config = parseSlackConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_APP_TOKEN: wrong, SLACK_API_URL: api.url })!;
    const adapter = createSlackAdapter({ config, talks: undefined as never, logger: pino({ level: 'silent' }), port: 0 });
    try {
      const error = (await adapter.start().then(
        () => undefined,
        (caught: unknown) => caught,
      )) as (Error & { code?: string }) | undefined;
      expect(error?.code).toBe('talks_slack_auth');
      expect(error?.message).toMatch(/SLACK_APP_TOKEN/);
      expect(error?.message).toMatch(/invalid_auth/);
      expect(error?.message).toMatch(/connections:write/);
      expect(error?.message).not.toContain('revokedtokenvalue');
      expect(adapter.isReady()).toBe(false);
    } finally {
      await adapter.stop();
      await api.close();
    }
  });
});
