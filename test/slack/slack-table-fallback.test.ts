import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts, firstTable, normalise, tableRows } from './message-inspect.js';
import { eventEnvelope, mentionEvent, slashCommandFields } from './slack-payloads.js';
import { slowedTalks, startSlackHarness, type SlackHarness } from './slack-harness.js';

/** Where Slack refuses the table block (an older Enterprise Grid or GovSlack host), the table arrives as fields. */
describe('Slack without the table block', () => {
  let h: SlackHarness;
  let delayMs = 0;
  beforeAll(async () => {
    h = await startSlackHarness({
      wrapTalks: slowedTalks(() => delayMs),
    });
    h.api.rejectTableBlocks = true;
    h.hooks.rejectTableBlocks = true;
  });
  afterAll(async () => {
    await h?.close();
  });

  const expectEveryCell = (blocks: unknown) => {
    const all = normalise(blockTexts(blocks).join(' '));
    const { table } = firstTable(h.documents)!;
    for (const cell of [...table.columns.slice(1), ...table.rows.flat()]) expect(all).toContain(normalise(cell));
  };

  it('resends a thread answer with the table as fields after invalid_blocks', async () => {
    const ts = h.api.nextTs();
    await h.client.event(eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, 'positions', ts)));
    const calls = await h.api.waitFor(() => {
      const posts = h.api.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
      return posts.length >= 2 ? posts : undefined;
    });
    expect(tableRows(calls[0]!.args.blocks)).toBeDefined(); // refused
    expect(tableRows(calls[1]!.args.blocks)).toBeUndefined();
    expectEveryCell(calls[1]!.args.blocks);
    expect(h.api.messages.filter((message) => message.thread_ts === ts)).toHaveLength(1);
  });

  it('resends a late /talks answer to response_url with the table as fields after a 400', async () => {
    delayMs = 2000;
    const responseUrl = h.hooks.newUrl();
    const res = await h.client.slashCommand(slashCommandFields(h.where, 'positions', responseUrl));
    expect(res.raw).toBe('');
    const [post] = await h.hooks.waitFor(() => (h.hooks.postsTo(responseUrl).length > 0 ? h.hooks.postsTo(responseUrl) : undefined), 10_000);
    expect(tableRows(post!.body.blocks)).toBeUndefined();
    expectEveryCell(post!.body.blocks);
    delayMs = 0;
  });
});
