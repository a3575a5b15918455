/**
 * The bot behind the composition root's rate limiter (adapters/runtime/rate-limit.ts): a refused question
 * gets a short line visible to the asker only, even when the answer had already been deferred publicly.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withRateLimit } from '../../adapters/runtime/rate-limit.js';
import { startBot, type BotHarness } from './discord-harness.js';
import type { PendingInteraction, UserObject } from './fake-discord-server.js';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot({
    contentDir: 'content',
    wrapTalks: (talks) => withRateLimit(talks, { user: { burst: 1, perMinute: 1 }, channel: { burst: 100, perMinute: 100 }, maxQueryChars: 300 }),
  });
});

afterAll(async () => {
  await bot?.close();
});

/** Polls every 5 ms (the store is not an event the fake sees). */
async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function settled(interaction: PendingInteraction) {
  return bot.fake.waitFor(() => {
    const messages = bot.fake.responsesTo(interaction).filter((message) => (message.flags & 128) === 0);
    return messages.length > 0 ? messages : undefined;
  }, 10_000, `answer to ${interaction.id}`);
}

test('a second question too soon gets a short friendly line only the asker sees', async () => {
  const asker = bot.fake.humans[0]!;
  const [answer] = await settled(bot.fake.slashCommand('oman', { user: asker }));
  expect(answer!.flags & 64).toBe(0);
  const [limited] = await settled(bot.fake.slashCommand('positions', { user: asker }));
  expect(limited!.flags & 64).toBe(64);
  expect(limited!.embeds).toHaveLength(0);
  expect(limited!.content.length).toBeGreaterThan(10);
  expect(limited!.content.length).toBeLessThan(300);
});

test('when the refusal comes after a public deferral, the placeholder is deleted and the line sent privately', async () => {
  const others: UserObject[] = [1, 2, 3].map((n) => ({ id: bot.fake.snowflake(), username: `u${n}`, discriminator: '0', global_name: null, avatar: null }));
  bot.store.delayMs = 1500;
  try {
    // Two slow answers keep the queue busy, so the next command is deferred before it is answered.
    const asker = bot.fake.humans[1]!;
    await settled(bot.fake.slashCommand('sections', { user: asker }));
    const slow = others.slice(0, 2).map((user) => bot.fake.slashCommand('oman', { user }));
    await until(() => slow.every((interaction) => bot.store.keys.some((key) => key.endsWith(interaction.id))));
    const refused = bot.fake.slashCommand('sections', { user: asker });
    const [line] = await settled(refused);
    for (const interaction of slow) await settled(interaction);
    expect(refused.callbackType).toBe(5);
    expect(bot.fake.deleted.some((message) => message.interaction_metadata?.id === refused.id)).toBe(true);
    expect(line!.flags & 64).toBe(64);
    expect(bot.fake.responsesTo(refused).filter((message) => (message.flags & 64) === 0)).toHaveLength(0);
  } finally {
    bot.store.delayMs = 0;
  }
});
