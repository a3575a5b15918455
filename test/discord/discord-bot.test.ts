/**
 * The real discord.js bot against a local Discord-compatible REST + gateway server (fake-discord-server.ts),
 * with the real core over content/. Every assertion reads what the bot actually sent over HTTP.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEngine } from '../../src/index.js';
import { startBot, TEST_TOKEN, type BotHarness } from './discord-harness.js';
import type { PendingInteraction, StoredMessage } from './fake-discord-server.js';
import { pingsAnyone } from './fake-discord-rules.js';
import { firstTable, fold, openingPassage, plain, sectionNamed, visibleText } from './discord-text-of.js';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot({ contentDir: 'content', env: { DISCORD_REGISTER_COMMANDS: 'true' }, deferAfterMs: 400 });
});

afterAll(async () => {
  await bot?.close();
});

/** Waits for the interaction's original response to hold its final answer (not the "thinking…" placeholder). */
async function answerTo(interaction: PendingInteraction): Promise<StoredMessage[]> {
  return bot.fake.waitFor(
    () => {
      const messages = bot.fake.responsesTo(interaction);
      return messages.length > 0 && (messages[0]!.flags & 128) === 0 ? messages : undefined;
    },
    10_000,
    `answer to interaction ${interaction.id}`,
  );
}

async function repliesTo(message: StoredMessage, count = 1): Promise<StoredMessage[]> {
  return bot.fake.waitFor(() => {
    const replies = bot.fake.repliesTo(message);
    return replies.length >= count ? replies : undefined;
  }, 10_000, `reply to message ${message.id}`);
}

function callbackFor(interaction: PendingInteraction) {
  return bot.fake.requests.find((request) => request.method === 'POST' && request.route === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

function buttonIds(message: StoredMessage): Array<{ label: string; customId: string }> {
  return message.components.flatMap((row) => (row.components ?? []).map((button) => ({ label: button.label ?? '', customId: button.custom_id ?? '' })));
}

describe('connecting', () => {
  test('reads the gateway URL from the API, identifies with non-privileged intents, and keeps the heartbeat', async () => {
    expect(bot.adapter.isReady()).toBe(true);
    expect(bot.fake.requests.some((request) => request.route === '/gateway/bot' && request.authorization === `Bot ${TEST_TOKEN}`)).toBe(true);
    const intents = Number(bot.fake.identify?.intents);
    expect(intents & (1 << 0)).toBeTruthy(); // GUILDS
    expect(intents & (1 << 9)).toBeTruthy(); // GUILD_MESSAGES
    expect(intents & (1 << 12)).toBeTruthy(); // DIRECT_MESSAGES
    expect(intents & (1 << 15)).toBe(0); // MESSAGE_CONTENT is privileged: not needed
    await bot.fake.waitFor(() => bot.fake.heartbeats >= 1, 5000, 'a heartbeat');
    expect(bot.adapter.client.guilds.cache.has(bot.fake.guildId)).toBe(true);
  });

  test('registers /talks with one required autocompleted query option when asked to on start', () => {
    const commands = bot.fake.commands.get('global') as Array<Record<string, any>>;
    expect(commands).toHaveLength(1);
    expect(commands[0]!.name).toBe('talks');
    expect(commands[0]!.options).toEqual([expect.objectContaining({ type: 3, name: 'query', required: true, autocomplete: true })]);
  });
});

describe('/talks', () => {
  test('/talks oman answers in time with the Oman section’s opening passage, cited', async () => {
    const { document, section } = sectionNamed(bot.documents, 'oman');
    const interaction = bot.fake.slashCommand('oman');
    const [response] = await answerTo(interaction);
    expect(interaction.acknowledgedAt! - interaction.dispatchedAt).toBeLessThan(3000);
    expect(interaction.callbackType).toBe(4);
    const first = response!.embeds[0]!;
    expect(first.title).toContain(section.title);
    expect(first.title).toContain(document.title);
    expect(first.title).toContain('›');
    // The first quoted excerpt is the section's opening passage, verbatim.
    const firstQuote = plain(first.description!.split('\n\n')[0]!);
    expect(firstQuote).toBe(openingPassage(section));
    expect((callbackFor(interaction)!.body as any).data.allowed_mentions).toEqual({ parse: [] });
  });

  test('/talks positions returns every cell of the table', async () => {
    const table = firstTable(bot.documents);
    const interaction = bot.fake.slashCommand('positions');
    const responses = await answerTo(interaction);
    const shown = responses.map(visibleText).join('\n');
    for (const cell of [...table.columns, ...table.rows.flat()]) expect(shown).toContain(cell);
  });

  test('a URL in the echoed query gets no link preview under the answer; the answer keeps its embeds', async () => {
    const url = 'https://news.example.org/gulf/oman_talks?ref=desk';
    const interaction = bot.fake.slashCommand(`oman, as in ${url}.`);
    const [response] = await answerTo(interaction);
    expect(response!.content).toContain(`<${url}>.`);
    expect(response!.previews).toEqual([]);
    expect(response!.embeds.length).toBeGreaterThan(0);
  });

  test('autocomplete offers the matching section titles, and the keywords on an empty query', async () => {
    const { section } = sectionNamed(bot.documents, 'oman');
    const typed = fold(section.title.split(/\s+/).find((word) => fold(word).startsWith('oman'))!).slice(0, 3);
    const interaction = bot.fake.autocomplete(typed);
    const choices = await bot.fake.waitFor(() => interaction.choices, 5000, 'choices');
    expect(interaction.callbackType).toBe(8);
    expect(choices.map((choice) => choice.name)).toContain(section.title);
    expect(choices.length).toBeLessThanOrEqual(25);
    const empty = bot.fake.autocomplete('');
    const defaults = await bot.fake.waitFor(() => empty.choices, 5000, 'choices');
    expect(defaults.map((choice) => choice.value)).toEqual(expect.arrayContaining(['positions', 'sections', 'help']));
  });

  test('a slow answer is deferred within 3 s, then completed by editing the original response', async () => {
    bot.store.delayMs = 900;
    try {
      const interaction = bot.fake.slashCommand('positions');
      const [response] = await answerTo(interaction);
      expect(interaction.callbackType).toBe(5);
      expect(interaction.acknowledgedAt! - interaction.dispatchedAt).toBeLessThan(3000);
      const edit = bot.fake.requests.find((request) => request.method === 'PATCH' && request.route === `/webhooks/${bot.fake.applicationId}/${interaction.token}/messages/@original`);
      expect(edit?.status).toBe(200);
      expect((edit!.body as any).allowed_mentions).toEqual({ parse: [] });
      expect(response!.edits).toBe(1);
      expect(response!.embeds.length).toBeGreaterThan(0);
      expect(visibleText(response!)).toContain(firstTable(bot.documents).rows[0]![0]!);
    } finally {
      bot.store.delayMs = 0;
    }
  });

  test('a burst of 40 commands at once: all acknowledged within 3 s (the queued ones deferred), all answered', async () => {
    const burst = Array.from({ length: 40 }, (_, index) => bot.fake.slashCommand(index % 2 ? 'positions' : 'oman'));
    for (const interaction of burst) await answerTo(interaction);
    for (const interaction of burst) expect(interaction.acknowledgedAt! - interaction.dispatchedAt).toBeLessThan(3000);
    expect(burst.filter((interaction) => interaction.callbackType === 5).length).toBeGreaterThan(0);
  });

  test('an interaction delivered twice is answered once', async () => {
    const interaction = bot.fake.slashCommand('sections');
    await answerTo(interaction);
    bot.fake.redeliverInteraction(interaction);
    // A later event is handled after the replayed one; once it is answered the replay had its chance.
    await answerTo(bot.fake.slashCommand('help'));
    const callbacks = bot.fake.requests.filter((request) => request.route.startsWith(`/interactions/${interaction.id}/`));
    expect(callbacks).toHaveLength(1);
  });
});

describe('buttons', () => {
  test('"More from this section" shows further passages of the same section', async () => {
    const { section } = sectionNamed(bot.documents, 'oman');
    const [response] = await answerTo(bot.fake.slashCommand('oman'));
    const more = buttonIds(response!).find((button) => button.label === 'More from this section');
    expect(more).toBeDefined();
    const click = bot.fake.clickButton(response!, more!.customId);
    const [answer] = await answerTo(click);
    expect(answer!.embeds[0]!.title).toContain(section.title);
    const before = new Set(response!.embeds[0]!.description!.split('\n\n').map(plain));
    const after = answer!.embeds[0]!.description!.split('\n\n').map(plain);
    expect(after.length).toBeGreaterThan(0);
    for (const passage of after) expect(before.has(passage)).toBe(false);
  });

  test('a button press is a turn of the answer’s conversation: "tell me more" replied after it repeats nothing it showed', async () => {
    const interaction = bot.fake.slashCommand('oman');
    const [response] = await answerTo(interaction);
    const more = buttonIds(response!).find((button) => button.label === 'More from this section')!;
    const [pressed] = await answerTo(bot.fake.clickButton(response!, more.customId));
    const excerpts = (message: StoredMessage) => message.embeds.flatMap((embed) => (embed.description ?? '').split('\n\n').map(plain));
    const read = [...excerpts(response!), ...excerpts(pressed!)];
    // Replied to the answer the button was under, then to the button's own answer: each goes on after what was read.
    for (const repliedTo of [response!, pressed!]) {
      const [reply] = await repliesTo(bot.fake.userMessage('tell me more', { replyTo: repliedTo }));
      const shown = excerpts(reply!).filter((excerpt) => excerpt !== '');
      expect(shown.length).toBeGreaterThan(0);
      for (const excerpt of shown) expect(read).not.toContain(excerpt);
      read.push(...shown);
    }
  });

  test('"Show positions" shows the whole table', async () => {
    const table = firstTable(bot.documents);
    // A question about one cell of the table: the column and row labels, read from the content.
    const interaction = bot.fake.slashCommand(`${table.columns[1]} on ${table.rows[0]![0]}`);
    const [response] = await answerTo(interaction);
    const show = buttonIds(response!).find((button) => button.label === 'Show positions');
    expect(show).toBeDefined();
    const [answer] = await answerTo(bot.fake.clickButton(response!, show!.customId));
    const shown = visibleText(answer!);
    for (const cell of table.rows.flat()) expect(shown).toContain(cell);
  });
});

describe('follow-ups', () => {
  test('a reply to the bot’s answer is answered as a reply, from the conversation’s context', async () => {
    const interaction = bot.fake.slashCommand('oman');
    const [response] = await answerTo(interaction);
    const question = bot.fake.userMessage('tell me more', { replyTo: response });
    const [reply] = await repliesTo(question);
    expect(reply!.message_reference?.message_id).toBe(question.id);

    // What the core says for this follow-up in this conversation — and without it.
    const engine = buildEngine(bot.documents);
    const first = engine.answer('oman');
    const inContext = engine.answer('tell me more', first.state).answer;
    const fresh = engine.answer('tell me more').answer;
    expect(inContext.citations.length).toBeGreaterThan(0);
    const shown = visibleText(reply!);
    for (const citation of inContext.citations) expect(shown).toContain(citation.excerpt);
    // Without the conversation the same words mean something else (here: nothing to continue).
    expect(fresh.citations.map((citation) => citation.excerpt)).not.toEqual(inContext.citations.map((citation) => citation.excerpt));
    expect(bot.store.keys).toContain(`discord:${bot.fake.channelId}:${interaction.id}`);

    // Replying to the follow-up continues the same conversation: the next passages, none repeated.
    const again = bot.fake.userMessage('tell me more', { replyTo: reply });
    const [second] = await repliesTo(again);
    const next = engine.answer('tell me more', engine.answer('tell me more', first.state).state).answer;
    expect(next.citations.map((citation) => citation.excerpt)).not.toEqual(inContext.citations.map((citation) => citation.excerpt));
    const secondShown = visibleText(second!);
    for (const citation of next.citations) expect(secondShown).toContain(citation.excerpt);
  });

  test('a mention of the bot (or of its role) is answered as a reply; a thread is one conversation', async () => {
    const table = firstTable(bot.documents);
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> positions`);
    const [reply] = await repliesTo(question);
    for (const cell of table.rows.flat()) expect(visibleText(reply!)).toContain(cell);
    expect(bot.store.keys).toContain(`discord:${bot.fake.channelId}:${question.id}`);

    const byRole = bot.fake.userMessage(`<@&${bot.fake.botRoleId}> sections`);
    const [roleReply] = await repliesTo(byRole);
    expect(roleReply!.embeds.length).toBeGreaterThan(0);

    const inThread = bot.fake.userMessage(`<@${bot.fake.botUser.id}> oman`, { channelId: bot.fake.threadId });
    await repliesTo(inThread);
    expect(bot.store.keys).toContain(`discord:${bot.fake.threadId}`);
  });

  test('where the bot may not embed links, it answers in plain text, still quoted and cited', async () => {
    const { document, section } = sectionNamed(bot.documents, 'oman');
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> oman`, { channelId: bot.fake.noEmbedsChannelId });
    const [reply] = await repliesTo(question);
    expect(reply!.embeds).toHaveLength(0);
    const text = plain(reply!.content);
    expect(text).toContain(openingPassage(section));
    expect(text).toContain(`${document.title} › ${section.title}`);
    expect(reply!.pings && pingsAnyone(reply!.pings)).toBe(false);
  });

  test('a reply whose text Discord withheld (ping off, no Message Content intent) gets a hint, not a guess', async () => {
    const [response] = await answerTo(bot.fake.slashCommand('oman'));
    const question = bot.fake.userMessage('and iran?', { replyTo: response, pingReply: false });
    const [reply] = await repliesTo(question);
    expect(reply!.content).toMatch(/mention/i);
    expect(reply!.embeds).toHaveLength(0);
  });

  test('never answers itself or other bots, and answers a message delivered twice once', async () => {
    const fromBot = bot.fake.userMessage(`<@${bot.fake.botUser.id}> positions`, { author: bot.fake.otherBot });
    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> sections`);
    bot.fake.redeliver(question);
    await repliesTo(question);
    // Anything still in flight for the earlier events is done once a later event is answered.
    const later = bot.fake.userMessage(`<@${bot.fake.botUser.id}> help`);
    await repliesTo(later);
    expect(bot.fake.repliesTo(fromBot)).toHaveLength(0);
    expect(bot.fake.repliesTo(question)).toHaveLength(1);
    // The bot's own messages reach it over the gateway too; none of them was ever answered.
    const botIds = new Set(bot.fake.botMessages().map((message) => message.id));
    expect(bot.fake.botMessages().filter((message) => botIds.has(message.message_reference?.message_id ?? ''))).toHaveLength(0);
  });
});

describe('mentions never ping', () => {
  test('a query containing @everyone, @here, a user and a role pings no one, in the answer or a reply', async () => {
    const human = bot.fake.humans[1]!;
    const hostile = `@everyone @here <@${human.id}> <@&${bot.fake.everyoneRoleId}> oman`;
    const [response] = await answerTo(bot.fake.slashCommand(hostile));
    expect(response!.content).toContain('@everyone');
    expect(response!.pings && pingsAnyone(response!.pings)).toBe(false);

    const question = bot.fake.userMessage(`<@${bot.fake.botUser.id}> ${hostile}`);
    const [reply] = await repliesTo(question);
    expect(reply!.pings && pingsAnyone(reply!.pings)).toBe(false);

    const everything = bot.fake.botMessages();
    expect(everything.length).toBeGreaterThan(5);
    for (const message of everything) {
      expect(message.allowedMentions?.parse ?? null).toEqual([]);
      expect(pingsAnyone(message.pings!)).toBe(false);
    }
  });
});

describe('the whole eval set through the live bot', () => {
  test('Discord accepts every answer to every eval question (limits checked server-side)', async () => {
    const { EVAL_SETS } = await import('../../eval/eval-sets.js');
    const { readQuestionSet } = await import('../../eval/run-eval-set.js');
    const questions: string[] = [];
    for (const set of EVAL_SETS.filter((definition) => 'dir' in definition.content && definition.content.dir === 'content')) {
      for (const split of ['tune', 'heldout'] as const) questions.push(...(await readQuestionSet(set.name, split)).map((question) => question.q));
    }
    expect(questions.length).toBeGreaterThan(50);
    // Eight at a time, like a busy channel: each batch is acknowledged and answered before the next.
    const interactions: PendingInteraction[] = [];
    for (let start = 0; start < questions.length; start += 8) {
      const batch = questions.slice(start, start + 8).map((question) => bot.fake.slashCommand(question));
      for (const interaction of batch) await answerTo(interaction);
      interactions.push(...batch);
    }
    // What the bot sent (a GET that finds no message, e.g. a thread's starter looked up, is no rejected answer).
    const rejected = bot.fake.requests.filter((request) => request.method !== 'GET' && request.status >= 400);
    expect(rejected.map((request) => `${request.method} ${request.route} ${request.status} ${JSON.stringify(request.body).slice(0, 200)}`)).toEqual([]);
    for (const interaction of interactions) expect(interaction.acknowledgedAt! - interaction.dispatchedAt).toBeLessThan(3000);
  });
});

describe('logs', () => {
  test('the token never reaches a log line', () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.join('')).not.toContain(TEST_TOKEN);
  });
});
