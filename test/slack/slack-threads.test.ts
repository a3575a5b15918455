import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from './fake-slack-api.js';
import { blockTexts, buttons, firstTable, normalise, quotedExcerpts, richestSection, sourceLines, tableRows } from './message-inspect.js';
import { blockActionsPayload, eventEnvelope, mentionEvent, messageEvent, slashCommandFields, type Where } from './slack-payloads.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

describe('Slack mentions, threads and follow-ups', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const repliesIn = (channel: string, threadTs: string): ApiCall[] =>
    h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && call.args.thread_ts === threadTs);

  /** A person posts `text` mentioning the bot (top level, or in a thread); Slack sends app_mention. */
  async function mention(where: Where, text: string, threadTs?: string) {
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts, ...(threadTs ? { thread_ts: threadTs } : {}), user: where.userId, text: `<@${h.api.botUserId}> ${text}` });
    const envelope = eventEnvelope(where, mentionEvent(where, h.api.botUserId, text, ts, threadTs));
    const res = await h.client.event(envelope);
    return { ts, envelope, res };
  }

  /** A person replies in a thread without mentioning anyone; Slack sends a message event. */
  async function reply(where: Where, text: string, threadTs: string, extra: Record<string, unknown> = {}) {
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts, thread_ts: threadTs, user: where.userId, text });
    const envelope = eventEnvelope(where, messageEvent(where, text, ts, { thread_ts: threadTs, ...extra }));
    const res = await h.client.event(envelope);
    return { ts, envelope, res };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('answers a mention in a thread under the question, and a follow-up in that thread from the thread\'s context', async () => {
    const where = { ...h.where, channelId: 'C0THREADS' };
    const target = richestSection(h.documents);
    const first = await mention(where, target.title);
    expect(first.res.status).toBe(200);
    expect(first.res.raw).toBe(''); // events are acknowledged empty, at once
    const [answer] = await h.api.waitFor(() => (repliesIn(where.channelId, first.ts).length > 0 ? repliesIn(where.channelId, first.ts) : undefined));
    const firstExcerpts = quotedExcerpts(answer!.args.blocks);
    expect(firstExcerpts.length).toBeGreaterThan(0);
    expect(sourceLines(answer!.args.blocks).every((line) => line.includes(target.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))).toBe(true);

    // "tell me more" means nothing on its own; in the thread it continues the section.
    const followUp = await reply(where, 'tell me more', first.ts);
    expect(followUp.res.status).toBe(200);
    const replies = await h.api.waitFor(() => (repliesIn(where.channelId, first.ts).length >= 2 ? repliesIn(where.channelId, first.ts) : undefined));
    const more = replies[1]!;
    const moreExcerpts = quotedExcerpts(more.args.blocks);
    expect(moreExcerpts.length).toBeGreaterThan(0);
    for (const excerpt of moreExcerpts) expect(firstExcerpts).not.toContain(excerpt);
    expect(sourceLines(more.args.blocks).every((line) => line.includes(target.title.replace(/&/g, '&amp;')))).toBe(true);

    // The same words in a fresh thread have no context to lean on.
    const fresh = await mention({ ...where, channelId: 'C0FRESH' }, 'tell me more');
    const [freshAnswer] = await h.api.waitFor(() => (repliesIn('C0FRESH', fresh.ts).length > 0 ? repliesIn('C0FRESH', fresh.ts) : undefined));
    expect(quotedExcerpts(freshAnswer!.args.blocks)).not.toEqual(moreExcerpts);
  });

  it('answers a retried event once (X-Slack-Retry-Num, same event_id)', async () => {
    const where = { ...h.where, channelId: 'C0RETRY' };
    const first = await mention(where, 'sections');
    const retry1 = await h.client.event(first.envelope, { retryNum: 1, retryReason: 'http_timeout' });
    const retry2 = await h.client.event(first.envelope, { retryNum: 2, retryReason: 'http_timeout' });
    expect([retry1.status, retry2.status]).toEqual([200, 200]);
    await h.api.waitFor(() => repliesIn(where.channelId, first.ts).length > 0);
    await settle();
    expect(repliesIn(where.channelId, first.ts)).toHaveLength(1);
  });

  it('answers a mention inside its own thread once, though Slack sends it as both app_mention and message', async () => {
    const where = { ...h.where, channelId: 'C0BOTH' };
    const first = await mention(where, 'positions');
    await h.api.waitFor(() => repliesIn(where.channelId, first.ts).length === 1);
    const ts = h.api.nextTs();
    const text = `<@${h.api.botUserId}> sections`;
    h.api.addUserMessage({ channel: where.channelId, ts, thread_ts: first.ts, user: where.userId, text });
    await Promise.all([
      h.client.event(eventEnvelope(where, mentionEvent(where, h.api.botUserId, 'sections', ts, first.ts))),
      h.client.event(eventEnvelope(where, messageEvent(where, text, ts, { thread_ts: first.ts }))),
    ]);
    await h.api.waitFor(() => repliesIn(where.channelId, first.ts).length >= 2);
    await settle();
    expect(repliesIn(where.channelId, first.ts)).toHaveLength(2);
  });

  it('ignores threads it is not part of, other bots, its own messages and edits', async () => {
    const where = { ...h.where, channelId: 'C0QUIET' };
    const parentTs = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts: parentTs, user: 'U0SOMEONE', text: 'lunch?' });
    await reply(where, 'positions', parentTs);
    const first = await mention(where, 'sections');
    await h.api.waitFor(() => repliesIn(where.channelId, first.ts).length === 1);
    await reply({ ...where, userId: 'U0OTHERBOT' }, 'positions', first.ts, { bot_id: 'B0OTHER', subtype: 'bot_message' });
    await reply({ ...where, userId: h.api.botUserId }, 'positions', first.ts, { bot_id: h.api.botId });
    await reply(where, 'positions', first.ts, { subtype: 'message_changed' });
    await settle();
    expect(repliesIn(where.channelId, parentTs)).toHaveLength(0);
    expect(repliesIn(where.channelId, first.ts)).toHaveLength(1);
    // It asked Slack whether it was in the unknown thread, rather than guessing.
    expect(h.api.callsTo('conversations.replies').some((call) => call.args.ts === parentTs)).toBe(true);
  });

  it('finds a thread it answered before a restart by asking Slack (conversations.replies)', async () => {
    const where = { ...h.where, channelId: 'C0RESTART' };
    const parentTs = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts: parentTs, user: where.userId, text: 'question' });
    // The bot's answer from an earlier life of the app (or another replica).
    h.api.messages.push({ channel: where.channelId, ts: h.api.nextTs(), thread_ts: parentTs, user: h.api.botUserId, bot_id: h.api.botId, text: 'earlier answer' });
    await reply(where, 'sections', parentTs);
    await h.api.waitFor(() => repliesIn(where.channelId, parentTs).length === 1);
  });

  it('sends no mention from echoed text: link_names stays off and previews are off', async () => {
    const where = { ...h.where, channelId: 'C0ECHO' };
    const first = await mention(where, '<!channel> @here <@U0BOSS> what did the mediators do');
    const [answer] = await h.api.waitFor(() => (repliesIn(where.channelId, first.ts).length > 0 ? repliesIn(where.channelId, first.ts) : undefined));
    for (const text of [...blockTexts(answer!.args.blocks), String(answer!.args.text)]) expect(text).not.toMatch(/<[!@#]/);
    expect(String(answer!.args.link_names)).not.toBe('true');
    expect(String(answer!.args.unfurl_links)).toBe('false');
  });

  it('answers a direct message without a mention', async () => {
    const where = { ...h.where, channelId: 'D0DIRECT' };
    const ts = h.api.nextTs();
    await h.client.event(eventEnvelope(where, messageEvent(where, 'positions', ts, { channel_type: 'im' })));
    const [answer] = await h.api.waitFor(() => {
      const calls = h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === where.channelId);
      return calls.length > 0 ? calls : undefined;
    });
    expect(tableRows(answer!.args.blocks)).toBeDefined();
  });
});

describe('Slack buttons (block_actions)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function ask(who: string | Where, text: string) {
    const responseUrl = h.hooks.newUrl();
    const where = typeof who === 'string' ? { ...h.where, userId: who } : who;
    const res = await h.client.slashCommand(slashCommandFields(where, text, responseUrl));
    return res.body as { response_type: string; blocks: unknown[]; text: string };
  }

  const repliesIn = (channel: string, threadTs: string): ApiCall[] =>
    h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && call.args.thread_ts === threadTs);
  const topLevelIn = (channel: string): ApiCall[] => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && !call.args.thread_ts);

  /** A person replies in a thread without mentioning anyone; Slack sends a message event. */
  async function replyIn(where: Where, text: string, threadTs: string) {
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts, thread_ts: threadTs, user: where.userId, text });
    const res = await h.client.event(eventEnvelope(where, messageEvent(where, text, ts, { thread_ts: threadTs })));
    return { ts, res };
  }

  it('"More from this section" replaces the private answer in place with more of the same section', async () => {
    const target = richestSection(h.documents);
    const first = await ask('U0MORE', target.title);
    const more = buttons(first.blocks).find((button) => button.action_id.startsWith('talks_action_more'));
    expect(more, 'a section answer offers More').toBeDefined();
    const responseUrl = h.hooks.newUrl('actions');
    const res = await h.client.interaction(blockActionsPayload({ ...h.where, userId: 'U0MORE' }, more!, { responseUrl, ephemeral: true }));
    expect(res.status).toBe(200);
    const [post] = await h.hooks.waitFor(() => (h.hooks.postsTo(responseUrl).length > 0 ? h.hooks.postsTo(responseUrl) : undefined));
    expect(post!.body.replace_original).toBe(true);
    const excerpts = quotedExcerpts(post!.body.blocks);
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(quotedExcerpts(first.blocks)).not.toContain(excerpt);
  });

  it('"Show positions" under a table-row answer shows the whole table', async () => {
    const found = firstTable(h.documents)!;
    // A question about one cell: "<column 2> on <row 1's first cell>".
    const first = await ask('U0POS', `${found.table.columns[1]} on ${found.table.rows[0]?.[0]}`);
    const show = buttons(first.blocks).find((button) => button.action_id.startsWith('talks_action_positions'));
    expect(show, 'a table-row answer offers Show positions').toBeDefined();
    const responseUrl = h.hooks.newUrl('actions');
    await h.client.interaction(blockActionsPayload({ ...h.where, userId: 'U0POS' }, show!, { responseUrl, ephemeral: true }));
    const [post] = await h.hooks.waitFor(() => (h.hooks.postsTo(responseUrl).length > 0 ? h.hooks.postsTo(responseUrl) : undefined));
    const rows = tableRows(post!.body.blocks);
    expect(rows?.slice(1).map((row) => row.map(normalise))).toEqual(found.table.rows.map((row) => row.map(normalise)));
  });

  it('"Share in channel" posts the answer for everyone once, however often it is clicked, and removes the private copy', async () => {
    const where = { ...h.where, channelId: 'C0SHARE', userId: 'U0SHARE' };
    const first = await ask(where, 'positions');
    const share = buttons(first.blocks).find((button) => button.action_id === 'talks_share')!;
    const responseUrl = h.hooks.newUrl('actions');
    const payload = blockActionsPayload(where, share, { responseUrl, ephemeral: true });
    await Promise.all([h.client.interaction(payload), h.client.interaction(payload)]);
    await h.hooks.waitFor(() => h.hooks.postsTo(responseUrl).length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Posted by the bot (so its ts, and the thread under it, are known), not through response_url.
    const shared = topLevelIn(where.channelId);
    expect(shared).toHaveLength(1);
    expect(tableRows(shared[0]!.args.blocks)).toEqual(tableRows(first.blocks));
    expect(blockTexts(shared[0]!.args.blocks).join('\n')).toContain('Shared by <@U0SHARE>');
    expect(buttons(shared[0]!.args.blocks).map((button) => button.action_id)).not.toContain('talks_share');
    const posts = h.hooks.postsTo(responseUrl);
    expect(posts.filter((post) => post.body.response_type === 'in_channel')).toHaveLength(0);
    expect(posts.filter((post) => post.body.delete_original === true)).toHaveLength(1);
  });

  it('"tell me more" replied under a shared answer goes on from it', async () => {
    const where = { ...h.where, channelId: 'C0SHARETHREAD', userId: 'U0SHARE2' };
    const target = richestSection(h.documents);
    const first = await ask(where, target.title);
    const share = buttons(first.blocks).find((button) => button.action_id === 'talks_share')!;
    await h.client.interaction(blockActionsPayload(where, share, { responseUrl: h.hooks.newUrl('actions'), ephemeral: true }));
    const [shared] = await h.api.waitFor(() => (topLevelIn(where.channelId).length > 0 ? topLevelIn(where.channelId) : undefined));
    const sharedTs = h.api.messages.find((message) => message.channel === where.channelId && !message.thread_ts)!.ts;
    const reply = await replyIn(where, 'tell me more', sharedTs);
    const [more] = await h.api.waitFor(() => (repliesIn(where.channelId, sharedTs).length > 0 ? repliesIn(where.channelId, sharedTs) : undefined));
    expect(reply.res.status).toBe(200);
    const moreExcerpts = quotedExcerpts(more!.args.blocks);
    expect(moreExcerpts.length).toBeGreaterThan(0);
    for (const excerpt of moreExcerpts) expect(quotedExcerpts(shared!.args.blocks)).not.toContain(excerpt);
    expect(sourceLines(more!.args.blocks).every((line) => line.includes(target.title.replace(/&/g, '&amp;')))).toBe(true);
  });

  it('a button pressed in a thread is a turn of its conversation: "tell me more" typed after it repeats nothing the button showed', async () => {
    const where = { ...h.where, channelId: 'C0BUTTONTURN' };
    const target = richestSection(h.documents);
    const parentTs = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts: parentTs, user: where.userId, text: target.title });
    await h.client.event(eventEnvelope(where, mentionEvent(where, h.api.botUserId, target.title, parentTs)));
    const [answer] = await h.api.waitFor(() => (repliesIn(where.channelId, parentTs).length > 0 ? repliesIn(where.channelId, parentTs) : undefined));
    const more = buttons(answer!.args.blocks).find((button) => button.action_id.startsWith('talks_action_more'))!;
    const answerTs = h.api.messages.find((message) => message.channel === where.channelId && message.thread_ts === parentTs)!.ts;
    await h.client.interaction(blockActionsPayload(where, more, { responseUrl: h.hooks.newUrl('actions'), ephemeral: false, message: { ts: answerTs, thread_ts: parentTs } }));
    const [, pressed] = await h.api.waitFor(() => (repliesIn(where.channelId, parentTs).length >= 2 ? repliesIn(where.channelId, parentTs) : undefined));
    await replyIn(where, 'tell me more', parentTs);
    const [, , typed] = await h.api.waitFor(() => (repliesIn(where.channelId, parentTs).length >= 3 ? repliesIn(where.channelId, parentTs) : undefined));
    const typedExcerpts = quotedExcerpts(typed!.args.blocks);
    expect(typedExcerpts.length).toBeGreaterThan(0);
    const read = [...quotedExcerpts(answer!.args.blocks), ...quotedExcerpts(pressed!.args.blocks)];
    for (const excerpt of typedExcerpts) expect(read).not.toContain(excerpt);
  });

  it('a button on a private /talks answer is a turn of the asker\'s /talks conversation', async () => {
    const where = { ...h.where, channelId: 'C0PRIVATETURN', userId: 'U0PRIVATE' };
    const target = richestSection(h.documents);
    const first = await ask(where, target.title);
    const more = buttons(first.blocks).find((button) => button.action_id.startsWith('talks_action_more'))!;
    const responseUrl = h.hooks.newUrl('actions');
    await h.client.interaction(blockActionsPayload(where, more, { responseUrl, ephemeral: true }));
    const [pressed] = await h.hooks.waitFor(() => (h.hooks.postsTo(responseUrl).length > 0 ? h.hooks.postsTo(responseUrl) : undefined));
    const typed = await ask(where, 'tell me more');
    expect(quotedExcerpts(typed.blocks).length).toBeGreaterThan(0);
    const read = [...quotedExcerpts(first.blocks), ...quotedExcerpts(pressed!.body.blocks)];
    for (const excerpt of quotedExcerpts(typed.blocks)) expect(read).not.toContain(excerpt);
  });

  it('a button under a thread answer replies in that thread, leaving the message others read unchanged', async () => {
    const target = richestSection(h.documents);
    const parentTs = h.api.nextTs();
    h.api.addUserMessage({ channel: h.where.channelId, ts: parentTs, user: h.where.userId, text: target.title });
    await h.client.event(eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, target.title, parentTs)));
    const [answer] = await h.api.waitFor(() => {
      const calls = h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === parentTs);
      return calls.length > 0 ? calls : undefined;
    });
    const more = buttons(answer!.args.blocks).find((button) => button.action_id.startsWith('talks_action_more'))!;
    const answerTs = h.api.messages.find((message) => message.thread_ts === parentTs)!.ts;
    const responseUrl = h.hooks.newUrl('actions');
    await h.client.interaction(blockActionsPayload(h.where, more, { responseUrl, ephemeral: false, message: { ts: answerTs, thread_ts: parentTs } }));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === parentTs).length === 2);
    expect(h.hooks.postsTo(responseUrl)).toHaveLength(0);
  });

  it('refuses a forged button press', async () => {
    const payload = blockActionsPayload(h.where, { action_id: 'talks_share', value: 'q:positions' }, { responseUrl: h.hooks.newUrl('actions'), ephemeral: true });
    const res = await h.client.interaction(payload, { secret: 'wrong-secret-000000000000000000' });
    expect(res.status).toBe(401);
  });
});
