import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from './message-inspect.js';
import { eventEnvelope, mentionEvent, slashCommandFields } from './slack-payloads.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

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
