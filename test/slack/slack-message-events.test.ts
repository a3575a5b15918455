/**
 * Message events as real Slack clients produce them in a thread the bot answered, or in a DM: what is a
 * question for the bot, what is not, and which conversation it continues. Payload shapes from https://docs.slack.dev/reference/events/message
 * and its subtype pages (file_share, thread_broadcast), and https://docs.slack.dev/reference/events/app_mention .
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from './fake-slack-api.js';
import { quotedExcerpts, richestSection, sourceLines } from './message-inspect.js';
import { eventEnvelope, mentionEvent, messageEvent, type Where } from './slack-payloads.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

describe('Slack message events as clients send them', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const postsIn = (channel: string): ApiCall[] => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  /** A thread the bot answered: a person mentions it at the top level, the bot replies under the question. */
  async function answeredThread(channelId: string): Promise<{ where: Where; threadTs: string }> {
    const where = { ...h.where, channelId };
    const threadTs = h.api.nextTs();
    h.api.addUserMessage({ channel: channelId, ts: threadTs, user: where.userId, text: `<@${h.api.botUserId}> sections` });
    await h.client.event(eventEnvelope(where, mentionEvent(where, h.api.botUserId, 'sections', threadTs)));
    await h.api.waitFor(() => postsIn(channelId).length === 1);
    return { where, threadTs };
  }

  /** A later event in the thread, then a plain follow-up: once the follow-up is answered, the event before it had its turn. */
  async function sendThenFollowUp(where: Where, threadTs: string, event: Record<string, unknown>): Promise<ApiCall[]> {
    const before = postsIn(where.channelId).length;
    await h.client.event(eventEnvelope(where, event));
    const ts = h.api.nextTs();
    await h.client.event(eventEnvelope(where, messageEvent(where, 'positions', ts, { thread_ts: threadTs })));
    await h.api.waitFor(() => postsIn(where.channelId).length > before);
    await settle();
    return postsIn(where.channelId).slice(before);
  }

  it('a file shared in the thread with no text (a screenshot) gets no reply, not the help text', async () => {
    const { where, threadTs } = await answeredThread('C0FILES');
    const ts = h.api.nextTs();
    const upload = messageEvent(where, '', ts, {
      thread_ts: threadTs,
      subtype: 'file_share',
      files: [{ id: 'F0SHOT', name: 'screenshot.png', mimetype: 'image/png' }],
      upload: false,
      display_as_bot: false,
    });
    const replies = await sendThenFollowUp(where, threadTs, upload);
    expect(replies).toHaveLength(1); // the follow-up's answer only
  });

  it('a file shared with a question in its text is answered', async () => {
    const { where, threadTs } = await answeredThread('C0FILETEXT');
    const ts = h.api.nextTs();
    await h.client.event(
      eventEnvelope(where, messageEvent(where, 'positions', ts, { thread_ts: threadTs, subtype: 'file_share', files: [{ id: 'F0DOC', name: 'notes.pdf' }] })),
    );
    await h.api.waitFor(() => postsIn(where.channelId).length === 2);
  });

  it('a message shared into the thread (text empty, the shared message in attachments) gets no reply', async () => {
    const { where, threadTs } = await answeredThread('C0SHARED');
    const ts = h.api.nextTs();
    const shared = messageEvent(where, '', ts, {
      thread_ts: threadTs,
      attachments: [{ is_share: true, is_msg_unfurl: true, text: 'an earlier message', from_url: 'https://talks-desk.slack.com/archives/C0X/p1', fallback: '[...] an earlier message' }],
    });
    const replies = await sendThenFollowUp(where, threadTs, shared);
    expect(replies).toHaveLength(1);
  });

  it('a direct message holding only a file gets no reply', async () => {
    const where = { ...h.where, channelId: 'D0FILEONLY' };
    await h.client.event(eventEnvelope(where, messageEvent(where, '', h.api.nextTs(), { channel_type: 'im', subtype: 'file_share', files: [{ id: 'F0X', name: 'a.png' }] })));
    await h.client.event(eventEnvelope(where, messageEvent(where, 'sections', h.api.nextTs(), { channel_type: 'im' })));
    await h.api.waitFor(() => postsIn(where.channelId).length > 0);
    await settle();
    expect(postsIn(where.channelId)).toHaveLength(1);
  });

  it('a mention of the bot with no question is still answered with help', async () => {
    const where = { ...h.where, channelId: 'C0BARE' };
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts, user: where.userId, text: `<@${h.api.botUserId}>` });
    await h.client.event(eventEnvelope(where, { ...mentionEvent(where, h.api.botUserId, '', ts), text: `<@${h.api.botUserId}>` }));
    const [reply] = await h.api.waitFor(() => (postsIn(where.channelId).length > 0 ? postsIn(where.channelId) : undefined));
    expect(JSON.stringify(reply!.args.blocks)).toContain('/talks ');
  });

  it('a reply in the thread addressed to a colleague (it mentions them or the channel, not the bot) is left to them', async () => {
    const { where, threadTs } = await answeredThread('C0COLLEAGUE');
    const toEditor = messageEvent(where, '<@U0EDITOR> can you check the iran line before we file?', h.api.nextTs(), { thread_ts: threadTs });
    expect(await sendThenFollowUp(where, threadTs, toEditor)).toHaveLength(1);
    const toChannel = messageEvent(where, '<!here> the positions table is updated', h.api.nextTs(), { thread_ts: threadTs });
    expect(await sendThenFollowUp(where, threadTs, toChannel)).toHaveLength(1);
    const toGroup = messageEvent(where, '<!subteam^S0DESK> please read before 5', h.api.nextTs(), { thread_ts: threadTs });
    expect(await sendThenFollowUp(where, threadTs, toGroup)).toHaveLength(1);
  });

  it('a question in a DM that names a colleague is still answered (a DM is always addressed to the bot)', async () => {
    const where = { ...h.where, channelId: 'D0NAMES' };
    await h.client.event(eventEnvelope(where, messageEvent(where, 'positions, for <@U0EDITOR>', h.api.nextTs(), { channel_type: 'im' })));
    await h.api.waitFor(() => postsIn(where.channelId).length === 1);
  });

  it('an edited mention is not a new question: Slack sends app_mention again on each edit, answered or not by this process', async () => {
    // The mention was answered before this process started (or by another replica): only the edit arrives here.
    const where = { ...h.where, channelId: 'C0EDITED' };
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts, user: where.userId, text: `<@${h.api.botUserId}> sections, typo fixed` });
    const edited = { ...mentionEvent(where, h.api.botUserId, 'sections, typo fixed', ts), edited: { user: where.userId, ts: `${Number(ts.split('.')[0]) + 5}.000000` } };
    await h.client.event(eventEnvelope(where, edited));
    const fresh = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts: fresh, user: where.userId, text: `<@${h.api.botUserId}> positions` });
    await h.client.event(eventEnvelope(where, mentionEvent(where, h.api.botUserId, 'positions', fresh)));
    await h.api.waitFor(() => postsIn(where.channelId).length > 0);
    await settle();
    expect(postsIn(where.channelId).map((call) => call.args.thread_ts)).toEqual([fresh]);
  });

  it('a mention of a channel or a colleague inside the question is no word of it (Slack sends their ids, not their names)', async () => {
    const where = { ...h.where, channelId: 'C0IDS' };
    const ts = h.api.nextTs();
    const text = `<@${h.api.botUserId}> oman, for <#C0DESK|> and <@U0EDITOR>`;
    h.api.addUserMessage({ channel: where.channelId, ts, user: where.userId, text });
    await h.client.event(eventEnvelope(where, { ...mentionEvent(where, h.api.botUserId, '', ts), text }));
    const [reply] = await h.api.waitFor(() => (postsIn(where.channelId).length > 0 ? postsIn(where.channelId) : undefined));
    const shown = JSON.stringify(reply!.args.blocks).toLowerCase();
    expect(shown).not.toContain('c0desk');
    expect(shown).not.toContain('u0editor');
    expect(shown).toContain('oman');
    expect(shown).not.toContain("don't cover");
  });

  it('in a DM, a reply in the thread under the bot’s answer continues the DM’s conversation', async () => {
    const where = { ...h.where, channelId: 'D0THREAD' };
    const target = richestSection(h.documents);
    await h.client.event(eventEnvelope(where, messageEvent(where, target.title, h.api.nextTs(), { channel_type: 'im' })));
    const [first] = await h.api.waitFor(() => (postsIn(where.channelId).length === 1 ? postsIn(where.channelId) : undefined));
    const answerTs = h.api.messages.find((message) => message.channel === where.channelId)!.ts;
    await h.client.event(eventEnvelope(where, messageEvent(where, 'tell me more', h.api.nextTs(), { channel_type: 'im', thread_ts: answerTs })));
    const [, more] = await h.api.waitFor(() => (postsIn(where.channelId).length === 2 ? postsIn(where.channelId) : undefined));
    expect(more!.args.thread_ts).toBe(answerTs);
    const moreExcerpts = quotedExcerpts(more!.args.blocks);
    expect(moreExcerpts.length).toBeGreaterThan(0);
    for (const excerpt of moreExcerpts) expect(quotedExcerpts(first!.args.blocks)).not.toContain(excerpt);
    const title = target.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(sourceLines(more!.args.blocks).length).toBeGreaterThan(0);
    expect(sourceLines(more!.args.blocks).every((line) => line.includes(title))).toBe(true);
  });

  it('a mention of the bot in a DM, which Slack sends as app_mention and as a message.im event, is answered once, in the DM itself', async () => {
    const where = { ...h.where, channelId: 'D0MENTION' };
    const ts = h.api.nextTs();
    const text = `<@${h.api.botUserId}> sections`;
    // app_mention events carry no channel_type; a DM's channel id starts with D.
    await h.client.event(eventEnvelope(where, { ...mentionEvent(where, h.api.botUserId, 'sections', ts), text }));
    await settle();
    await h.client.event(eventEnvelope(where, messageEvent(where, text, ts, { channel_type: 'im' })));
    await h.api.waitFor(() => postsIn(where.channelId).length > 0);
    await settle();
    expect(postsIn(where.channelId).map((call) => call.args.thread_ts)).toEqual([undefined]);
  });
});
