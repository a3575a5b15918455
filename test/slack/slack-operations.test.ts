import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, type TalksService } from '../../src/index.js';
import { blockActionsPayload } from './slack-payloads.js';
import { blockTexts, buttons, quotedExcerpts, richestSection } from './message-inspect.js';
import { eventEnvelope, mentionEvent, slashCommandFields } from './slack-payloads.js';
import { startSlackHarness, TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type SlackHarness } from './slack-harness.js';

describe('Slack: secrets stay out of the log', () => {
  const lines: string[] = [];
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ logLines: lines });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs no token or signing secret, at debug level, through start, answers, forged requests and errors', async () => {
    await h.client.slashCommand(slashCommandFields(h.where, 'positions', h.hooks.newUrl()));
    await h.client.slashCommand(slashCommandFields(h.where, 'positions', h.hooks.newUrl()), { secret: 'wrong-secret-0000000000000000000' });
    const ts = h.api.nextTs();
    await h.client.event(eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, 'sections', ts)));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length > 0);
    // A send that fails (unknown channel) is logged with its code.
    await h.client.event(eventEnvelope(h.where, mentionEvent({ ...h.where, channelId: '' }, h.api.botUserId, 'sections', h.api.nextTs())));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.length).toBeGreaterThan(3);
    const log = lines.join('\n');
    for (const secret of [TEST_BOT_TOKEN, TEST_SIGNING_SECRET, TEST_APP_TOKEN, 'talkstesttoken']) expect(log).not.toContain(secret);
    expect(log).toContain('slack: token verified');
    expect(log).toMatch(/"code":"(channel_not_found|talks_slack_send)"/);
  });
});

describe('Slack: rate limits and shutdown', () => {
  let h: SlackHarness;
  let limited = false;
  let failing = false;
  let delayMs = 0;
  beforeAll(async () => {
    // The ops layer wraps TalksService and answers `rate_limited` when someone asks too fast; emulate it.
    h = await startSlackHarness({
      env: { SLACK_ANSWER_VISIBILITY: 'in_channel' },
      wrapTalks: (talks: TalksService): TalksService => ({
        ...talks,
        ask: async (input) => {
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (failing) throw new Error('conversation store unreachable');
          if (limited) return AnswerSchema.parse({ query: input.query, kind: 'rate_limited', text: 'Too many questions at once: try again in 10 seconds.', citations: [] });
          return talks.ask(input);
        },
      }),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells only the asker to slow down, even when answers go to the channel', async () => {
    limited = true;
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'positions', h.hooks.newUrl()));
    const reply = res.body as { response_type: string; blocks: unknown[] };
    expect(reply.response_type).toBe('ephemeral');
    expect(blockTexts(reply.blocks).join(' ')).toContain('try again in 10 seconds');

    const ts = h.api.nextTs();
    await h.client.event(eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, 'positions', ts)));
    const [ephemeral] = await h.api.waitFor(() => (h.api.callsTo('chat.postEphemeral').length > 0 ? h.api.callsTo('chat.postEphemeral') : undefined));
    expect(ephemeral?.args).toMatchObject({ user: h.where.userId, thread_ts: ts });
    expect(h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(0);
    limited = false;
  });

  it('in_channel mode: a button under an answer replies in its thread, or through response_url where the bot is not a member', async () => {
    const target = richestSection(h.documents);
    for (const [channelId, member] of [
      ['C0MEMBER', true],
      ['C0NOTMEMBER', false],
    ] as const) {
      if (!member) h.api.notMemberOf.add(channelId);
      const where = { ...h.where, channelId };
      const commandUrl = h.hooks.newUrl();
      await h.client.slashCommand(slashCommandFields(where, target.title, commandUrl));
      // Posted by the bot where it is a member, else sent to response_url for everyone.
      const posted = () => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channelId && !call.args.thread_ts);
      const blocks = member
        ? (await h.api.waitFor(() => posted()[0]))!.args.blocks
        : (await h.hooks.waitFor(() => h.hooks.postsTo(commandUrl).find((post) => post.body.response_type === 'in_channel')))!.body.blocks;
      const more = buttons(blocks).find((button) => button.action_id.startsWith('talks_action_more'))!;
      const messageTs = member ? h.api.messages.find((message) => message.channel === channelId && !message.thread_ts)!.ts : h.api.nextTs(); // the ts Slack gave the in-channel answer
      const responseUrl = h.hooks.newUrl('actions');
      await h.client.interaction(blockActionsPayload(where, more, { responseUrl, ephemeral: false, message: { ts: messageTs } }));
      if (member) {
        const [post] = await h.api.waitFor(() => {
          const calls = h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channelId && call.args.thread_ts === messageTs);
          return calls.length > 0 ? calls : undefined;
        });
        expect(quotedExcerpts(post!.args.blocks).length).toBeGreaterThan(0);
      } else {
        const [post] = await h.hooks.waitFor(() => (h.hooks.postsTo(responseUrl).length > 0 ? h.hooks.postsTo(responseUrl) : undefined));
        expect(post!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
        expect(quotedExcerpts(post!.body.blocks).length).toBeGreaterThan(0);
      }
    }
  });

  it('answers politely, to the asker only, when answering fails', async () => {
    failing = true;
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'positions', h.hooks.newUrl()));
    failing = false;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String((res.body as { text: string }).text)).toMatch(/Sorry/);
  });

  it('on stop, still sends the answers it already acknowledged', async () => {
    delayMs = 400;
    const ts = h.api.nextTs();
    const res = await h.client.event(eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, 'sections', ts)));
    expect(res.status).toBe(200);
    await h.adapter.stop();
    expect(h.adapter.isReady()).toBe(false);
    expect(h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
    // Stopped: no longer accepting requests.
    await expect(h.client.slashCommand(slashCommandFields(h.where, 'positions', h.hooks.newUrl()))).rejects.toThrow();
  });
});
