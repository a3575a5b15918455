/**
 * MESSAGE_CREATE events as current Discord clients produce them, through the real discord.js bot and the
 * fake Discord: what is a question for the bot, and what is not.
 * https://discord.com/developers/docs/resources/message#message-reference-types
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBot, type BotHarness } from './discord-harness.js';
import type { StoredMessage } from './fake-discord-server.js';
import { visibleText } from './discord-text-of.js';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot({ contentDir: 'content' });
});

afterAll(async () => {
  await bot?.close();
});

async function repliesTo(message: StoredMessage): Promise<StoredMessage[]> {
  return bot.fake.waitFor(() => {
    const replies = bot.fake.repliesTo(message);
    return replies.length > 0 ? replies : undefined;
  }, 10_000, `reply to ${message.id}`);
}

/** Events are handled in order: once a later question is answered, an earlier event had its chance. */
async function afterLaterQuestion(options: { dm?: boolean } = {}): Promise<void> {
  const later = bot.fake.userMessage(options.dm ? 'sections' : `<@${bot.fake.botUser.id}> sections`, options);
  await repliesTo(later);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('forwards', () => {
  test('a forward of the bot’s answer within the channel is no reply to the bot: no answer, no hint', async () => {
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> positions`);
    const [answer] = await repliesTo(question);
    const forward = bot.fake.forwardMessage(answer!, { author: bot.fake.humans[1]! });
    await afterLaterQuestion();
    expect(bot.fake.repliesTo(forward)).toEqual([]);
  });

  test('a message forwarded into a DM with the bot gets no reply saying Discord withheld its text (it never does in DMs)', async () => {
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> sections`);
    const [answer] = await repliesTo(question);
    const forward = bot.fake.forwardMessage(answer!, { dm: true });
    await afterLaterQuestion({ dm: true });
    expect(bot.fake.repliesTo(forward)).toEqual([]);
  });
});

describe('messages with no text', () => {
  test('in a DM (a poll: content empty), no reply claims Discord withheld the text', async () => {
    const poll = bot.fake.userMessage('', { dm: true });
    await afterLaterQuestion({ dm: true });
    expect(bot.fake.repliesTo(poll)).toEqual([]);
  });
});

describe('Discord markup in a question', () => {
  test('a colleague, a channel or a custom emoji in the question is no word of it (they arrive as ids)', async () => {
    const editor = bot.fake.humans[1]!;
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> oman <:flag_om:123456789012345678> for <@${editor.id}> in <#${bot.fake.channelId}>`);
    const [reply] = await repliesTo(question);
    const shown = visibleText(reply!);
    expect(shown).not.toMatch(/\d{17,}/);
    expect(shown).not.toMatch(/don't cover/);
    expect(shown).toMatch(/oman/i);
  });

  test('/talks with a channel mention typed into the query is answered, not refused for the channel id', async () => {
    const interaction = bot.fake.slashCommand(`oman <#${bot.fake.channelId}>`);
    const [response] = await bot.fake.waitFor(() => {
      const messages = bot.fake.responsesTo(interaction);
      return messages.length > 0 && (messages[0]!.flags & 128) === 0 ? messages : undefined;
    }, 10_000, 'answer');
    const shown = visibleText(response!);
    expect(shown).not.toMatch(/don't cover/);
    expect(shown).toMatch(/oman/i);
  });
});

describe('interactions from a DM with the bot (no guild_id, user instead of member)', () => {
  test('/talks and a button under its answer are answered there', async () => {
    const interaction = bot.fake.slashCommand('oman', { channelId: bot.fake.dmChannelId });
    const answered = (pending: typeof interaction) =>
      bot.fake.waitFor(() => {
        const messages = bot.fake.responsesTo(pending);
        return messages.length > 0 && (messages[0]!.flags & 128) === 0 ? messages : undefined;
      }, 10_000, 'answer');
    const [response] = await answered(interaction);
    expect(response!.channel_id).toBe(bot.fake.dmChannelId);
    expect(visibleText(response!)).toMatch(/oman/i);
    const more = response!.components.flatMap((row) => row.components ?? []).find((button) => button.label === 'More from this section');
    expect(more).toBeDefined();
    const [next] = await answered(bot.fake.clickButton(response!, more!.custom_id!, bot.fake.humans[0]!));
    expect(next!.embeds.length).toBeGreaterThan(0);
  });
});

describe('a thread started from one of the bot’s answers', () => {
  test('a mention in it continues the conversation of the answer it was started from', async () => {
    const interaction = bot.fake.slashCommand('oman');
    const [answer] = await bot.fake.waitFor(() => {
      const messages = bot.fake.responsesTo(interaction);
      return messages.length > 0 && (messages[0]!.flags & 128) === 0 ? messages : undefined;
    }, 10_000, 'answer');
    // "Create Thread" on the answer: the thread's id is the message's id (THREAD_CREATE, then messages in it).
    bot.fake.dispatch('THREAD_CREATE', {
      id: answer!.id,
      type: 11,
      guild_id: bot.fake.guildId,
      parent_id: bot.fake.channelId,
      owner_id: bot.fake.humans[0]!.id,
      name: 'oman follow-up',
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      message_count: 0,
      member_count: 1,
      newly_created: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> tell me more`, { channelId: answer!.id });
    const [reply] = await repliesTo(question);
    expect(bot.store.keys.at(-1)).toBe(`discord:${bot.fake.channelId}:${interaction.id}`);
    const before = new Set(answer!.embeds.flatMap((embed) => (embed.description ?? '').split('\n\n')));
    const after = reply!.embeds.flatMap((embed) => (embed.description ?? '').split('\n\n')).filter((passage) => passage.trim() !== '');
    expect(after.length).toBeGreaterThan(0);
    for (const passage of after) expect(before.has(passage)).toBe(false);
  });
});
