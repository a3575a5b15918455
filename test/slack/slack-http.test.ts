import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText, blockTexts, buttons, firstTable, normalise, quotedExcerpts, richestSection, sourceLines, tableRows } from './message-inspect.js';
import { eventEnvelope, messageEvent, slashCommandFields } from './slack-payloads.js';
import { slowedTalks, startSlackHarness, type SlackHarness } from './slack-harness.js';

type CommandReply = { response_type: string; blocks: unknown[]; text: string };

/** No text in the message can ping or link: no `<!…>`, `<@…>`, `<#…>` from anyone's input. */
function expectNoMentions(message: unknown): void {
  for (const text of blockTexts(message)) expect(text).not.toMatch(/<[!@#]/);
  const fallback = (message as { text?: unknown }).text;
  if (typeof fallback === 'string') expect(fallback).not.toMatch(/<[!@#]/);
}

describe('Slack over signed HTTP: /talks', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers `/talks positions` in the acknowledgement itself, with a table block holding every cell of the article\'s table', async () => {
    const found = firstTable(h.documents);
    expect(found, 'the shipped content has a table').toBeDefined();
    const responseUrl = h.hooks.newUrl();
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'positions', responseUrl));
    expect(res.status).toBe(200);
    const reply = res.body as CommandReply;
    expect(reply.response_type).toBe('ephemeral');
    const rows = tableRows(reply.blocks);
    expect(rows).toBeDefined();
    const norm = (cells: string[]) => cells.map(normalise);
    expect(norm(rows?.[0] ?? [])).toEqual(norm(found!.table.columns));
    expect(rows?.slice(1).map(norm)).toEqual(found!.table.rows.map(norm));
    expect(JSON.stringify(reply.blocks)).not.toMatch(/\|\s*-{3}/);
    expect(sourceLines(reply.blocks).some((line) => line.includes(found!.document.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')))).toBe(true);
    expect(buttons(reply.blocks).map((button) => button.text.text)).toContain('Share in channel');
    // The ack carried the answer: nothing went to response_url.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.hooks.postsTo(responseUrl)).toHaveLength(0);
  });

  it('answers a question with verbatim excerpts from the articles, each with its citation', async () => {
    const section = h.documents[0]?.sections.find((s) => s.blocks.some((b) => b.type === 'paragraph'));
    const paragraph = section?.blocks.find((b) => b.type === 'paragraph');
    // A question made of words from one paragraph of the loaded article.
    const words = (paragraph && 'text' in paragraph ? paragraph.text : '').split(/\s+/).filter((w) => /^[A-Za-z]{6,}$/.test(w)).slice(0, 3);
    expect(words.length).toBeGreaterThan(0);
    // A user of its own: /talks follow-ups share state per user and channel.
    const res = await h.client.slashCommand(slashCommandFields({ ...h.where, userId: 'U0QUESTION' }, `what about ${words.join(' ')}?`, h.hooks.newUrl()));
    const reply = res.body as CommandReply;
    const excerpts = quotedExcerpts(reply.blocks);
    expect(excerpts.length).toBeGreaterThan(0);
    const article = articleText(h.documents);
    for (const excerpt of excerpts) expect(article).toContain(normalise(excerpt));
    expect(sourceLines(reply.blocks).length).toBeGreaterThanOrEqual(1);
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('refuses a bad signature, a stale timestamp, a tampered body and an unsigned request with 401, answering nothing', async () => {
    const callsBefore = h.api.calls.length;
    const postsBefore = h.hooks.posts.length;
    const fields = slashCommandFields(h.where, 'positions', h.hooks.newUrl());
    const bad = await h.client.slashCommand(fields, { secret: 'not-the-signing-secret-0000000000' });
    const stale = await h.client.slashCommand(fields, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const unsigned = await h.client.slashCommand(fields, { unsigned: true });
    expect([bad.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    for (const res of [bad, stale, unsigned]) expect(res.raw).toBe('');
    // Signed for one body, sent with another.
    const { signSlackRequest } = await import('./slack-signing.js');
    const { TEST_SIGNING_SECRET } = await import('./slack-harness.js');
    const signed = new URLSearchParams(fields).toString();
    const tampered = new URLSearchParams({ ...fields, text: 'sections' }).toString();
    const headers = signSlackRequest(TEST_SIGNING_SECRET, signed);
    const res = await fetch(`${h.baseUrl}/slack/events`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: tampered });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.api.calls.length).toBe(callsBefore);
    expect(h.hooks.posts.length).toBe(postsBefore);
  });

  it('escapes an injected <!channel>, <@U…> or <#C…> typed into /talks: it renders as text and pings no one', async () => {
    // Slack escapes what a user types (&lt;) and sends real mentions as <!channel>, <@U…>; both come back inert.
    const text = '&lt;!channel&gt; <!here> <@U0BOSS> <#C0OTHER|general> what did the mediators do';
    const res = await h.client.slashCommand(slashCommandFields(h.where, text, h.hooks.newUrl()));
    const reply = res.body as CommandReply;
    expectNoMentions(reply);
    expect(blockTexts(reply.blocks).join('\n')).toContain('&lt;!channel&gt;');
  });

  it('answers `/talks oman, for @ana in #desk` about Oman: a mention (sent as <@U…|ana>, should_escape) is no word of the question', async () => {
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'oman, for <@U0ANA|ana> in <#C0DESK|desk>', h.hooks.newUrl()));
    const reply = res.body as CommandReply;
    expect(quotedExcerpts(reply.blocks).length).toBeGreaterThan(0);
    expect(blockTexts(reply.blocks).join('\n')).not.toMatch(/don't cover/);
  });

  it('answers `/talks` with nothing after it with help', async () => {
    const res = await h.client.slashCommand(slashCommandFields(h.where, '', h.hooks.newUrl()));
    const reply = res.body as CommandReply;
    expect(blockTexts(reply.blocks).join('\n')).toContain('/talks ');
  });

  it('answers the URL verification challenge', async () => {
    const res = await h.client.event({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(res.raw).toContain('c-123');
  });
});

describe('Slack over signed HTTP: an article with mentions in it', () => {
  let h: SlackHarness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talks-slack-'));
    await writeFile(
      join(dir, 'hostile.md'),
      [
        '---',
        'title: Ceasefire <!channel> update & more',
        'url: https://news.example.org/ceasefire?a=1&b=2',
        '---',
        '# Negotiators <@U0BOSS>',
        '',
        'The negotiators told <!channel> and <!here> and @everyone that the ceasefire holds, ask <@U0BOSS> in <#C0DESK>.',
        '',
        '| Party | Demand |',
        '|---|---|',
        '| North <!here> | Withdrawal & <@U0BOSS> |',
        '| South | Talks |',
        '',
      ].join('\n'),
    );
    h = await startSlackHarness({ contentDir: dir });
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('quotes the article escaped: <!channel>, <!here>, <@U…> render as text in excerpts, titles and the fallback', async () => {
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'what did the negotiators say about the ceasefire', h.hooks.newUrl()));
    const reply = res.body as CommandReply;
    expectNoMentions(reply);
    const all = blockTexts(reply.blocks).join('\n');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U0BOSS&gt;');
  });

  it('sends table cells as raw text, which Slack never parses for mentions', async () => {
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'positions', h.hooks.newUrl()));
    const reply = res.body as CommandReply;
    const rows = tableRows(reply.blocks);
    expect(rows?.flat()).toContain('North <!here>');
    const table = (reply.blocks as { type: string; rows?: { type: string }[][] }[]).find((block) => block.type === 'table');
    expect(table?.rows?.flat().every((cell) => cell.type === 'raw_text')).toBe(true);
    for (const text of blockTexts(reply.blocks.filter((block) => (block as { type: string }).type !== 'table'))) expect(text).not.toMatch(/<[!@#]/);
  });
});

describe('Slack over signed HTTP: acknowledging in time', () => {
  let h: SlackHarness;
  let delayMs = 0;
  beforeAll(async () => {
    h = await startSlackHarness({
      wrapTalks: slowedTalks(() => delayMs),
      env: { SLACK_ANSWER_VISIBILITY: 'in_channel' },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The bot's top-level posts in a channel (in_channel answers are posted by the bot, not sent to response_url). */
  const postsIn = (channel: string) => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && !call.args.thread_ts);

  it('acks at once with an empty body when the answer is slow, then posts the answer', async () => {
    delayMs = 2500;
    const where = { ...h.where, channelId: 'C0SLOW' };
    const responseUrl = h.hooks.newUrl();
    const started = Date.now();
    const res = await h.client.slashCommand(slashCommandFields(where, 'positions', responseUrl));
    const ackMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.raw).toBe('');
    const [post] = await h.api.waitFor(() => (postsIn(where.channelId).length > 0 ? postsIn(where.channelId) : undefined), 10_000);
    // The ack went out before the answer existed.
    expect(post!.at - started).toBeGreaterThan(ackMs);
    expect(tableRows(post!.args.blocks)).toBeDefined();
    expect(h.hooks.postsTo(responseUrl)).toHaveLength(0);
  });

  it('in_channel mode answers for everyone, posted by the bot with who asked, and offers no Share button', async () => {
    delayMs = 0;
    const where = { ...h.where, channelId: 'C0EVERYONE' };
    const responseUrl = h.hooks.newUrl();
    const res = await h.client.slashCommand(slashCommandFields(where, 'positions', responseUrl));
    expect(res.status).toBe(200);
    expect(res.raw).toBe('');
    const [post] = await h.api.waitFor(() => (postsIn(where.channelId).length > 0 ? postsIn(where.channelId) : undefined));
    expect(tableRows(post!.args.blocks)).toBeDefined();
    expect(blockTexts(post!.args.blocks).join('\n')).toContain(`Asked by <@${where.userId}>`);
    expect(buttons(post!.args.blocks).map((button) => button.text.text)).not.toContain('Share in channel');
    expect(String(post!.args.unfurl_links)).toBe('false');
    expect(h.hooks.postsTo(responseUrl)).toHaveLength(0);
  });

  it('in_channel mode: "tell me more" replied under the answer continues the command\'s conversation', async () => {
    delayMs = 0;
    const where = { ...h.where, channelId: 'C0CMDTHREAD' };
    const target = richestSection(h.documents);
    await h.client.slashCommand(slashCommandFields(where, target.title, h.hooks.newUrl()));
    const [answer] = await h.api.waitFor(() => (postsIn(where.channelId).length > 0 ? postsIn(where.channelId) : undefined));
    const answerTs = h.api.messages.find((message) => message.channel === where.channelId && !message.thread_ts)!.ts;
    const ts = h.api.nextTs();
    h.api.addUserMessage({ channel: where.channelId, ts, thread_ts: answerTs, user: 'U0COLLEAGUE', text: 'tell me more' });
    await h.client.event(eventEnvelope(where, messageEvent({ ...where, userId: 'U0COLLEAGUE' }, 'tell me more', ts, { thread_ts: answerTs })));
    const inThread = () => h.api.callsTo('chat.postMessage').filter((call) => call.args.channel === where.channelId && call.args.thread_ts === answerTs);
    const [more] = await h.api.waitFor(() => (inThread().length > 0 ? inThread() : undefined));
    const moreExcerpts = quotedExcerpts(more!.args.blocks);
    expect(moreExcerpts.length).toBeGreaterThan(0);
    for (const excerpt of moreExcerpts) expect(quotedExcerpts(answer!.args.blocks)).not.toContain(excerpt);
    expect(sourceLines(more!.args.blocks).every((line) => line.includes(target.title.replace(/&/g, '&amp;')))).toBe(true);
  });

  it('in_channel mode: where the bot cannot post (not in the channel), the answer goes to response_url for everyone', async () => {
    delayMs = 0;
    const where = { ...h.where, channelId: 'C0OUTSIDE' };
    h.api.notMemberOf.add(where.channelId);
    const responseUrl = h.hooks.newUrl();
    const res = await h.client.slashCommand(slashCommandFields(where, 'positions', responseUrl));
    expect(res.raw).toBe('');
    const [post] = await h.hooks.waitFor(() => (h.hooks.postsTo(responseUrl).length > 0 ? h.hooks.postsTo(responseUrl) : undefined));
    expect(post!.body.response_type).toBe('in_channel');
    expect(tableRows(post!.body.blocks)).toBeDefined();
  });
});
