/**
 * More of the real bot against the fake Discord: an answer too long for one message (follow-ups), answers
 * visible to the asker only, DMs, the `npm run discord:register` script, and a clean stop.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBot, TEST_TOKEN, type BotHarness } from './discord-harness.js';
import type { PendingInteraction, StoredMessage } from './fake-discord-server.js';
import { startFakeDiscord } from './fake-discord-server.js';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { buildEngine } from '../../src/index.js';
import { visibleText } from './discord-text-of.js';

const run = promisify(execFile);
const ARTICLE_URL = 'https://example.org/desk/long-round';

/** An article with a wide 4-column table of 24 rows whose cells are long: too much for one Discord message. */
function longArticle(): { text: string; cells: string[][] } {
  const rows = Array.from({ length: 24 }, (_, index) => [
    `Item ${index + 1}`,
    `North delegation view on item ${index + 1}: ${'they would accept phased steps with monitoring and review '.repeat(2).trim()}`,
    `South delegation view on item ${index + 1}: ${'they want guarantees in writing before any phased steps begin '.repeat(2).trim()}`,
    `Mediator note ${index + 1}: ${'both sides asked for more time to consult capitals '.repeat(2).trim()}`,
  ]);
  const table = ['| Item | North | South | Mediator |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const text = [
    '---',
    'title: "Long round of border talks"',
    'date: 2026-11-20',
    `url: ${ARTICLE_URL}`,
    '---',
    '',
    '# Long round of border talks',
    '',
    'Delegations from the north and the south met for a fifth round of border talks on Monday.',
    '',
    '## Where each side stands',
    '',
    'The table sets out each delegation’s view on every item, as described to reporters.',
    '',
    table,
    '',
    '## Next steps',
    '',
    'The mediator said the next round would start within a month.',
    '',
  ].join('\n');
  return { text, cells: rows };
}

let bot: BotHarness;
let contentDir: string;
let cells: string[][];

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'discord-long-'));
  const article = longArticle();
  cells = article.cells;
  await writeFile(join(contentDir, 'long-round.md'), article.text);
  bot = await startBot({ contentDir, env: { DISCORD_ANSWER_VISIBILITY: 'ephemeral' } });
});

afterAll(async () => {
  await bot?.close();
  await rm(contentDir, { recursive: true, force: true });
});

async function answerTo(interaction: PendingInteraction, count = 1): Promise<StoredMessage[]> {
  return bot.fake.waitFor(
    () => {
      const messages = bot.fake.responsesTo(interaction);
      return messages.length >= count && (messages[0]!.flags & 128) === 0 ? messages : undefined;
    },
    10_000,
    `answer to ${interaction.id}`,
  );
}

describe('an answer longer than one message', () => {
  test('continues in follow-up messages, split between rows, every cell shown, linked to the article', async () => {
    const interaction = bot.fake.slashCommand('positions');
    const lastRow = cells[cells.length - 1]!;
    // Done when the last row has arrived, or a message says the rest was cut.
    const responses = await bot.fake.waitFor(() => {
      const messages = bot.fake.responsesTo(interaction);
      const text = messages.map(visibleText).join('\n');
      return text.includes(lastRow[3]!) || /cut here/i.test(text) ? messages : undefined;
    }, 10_000, 'the whole table');
    const followUps = bot.fake.requests.filter((request) => request.method === 'POST' && request.route === `/webhooks/${bot.fake.applicationId}/${interaction.token}`);
    expect(followUps.length).toBe(responses.length - 1);
    const shown = responses.map(visibleText).join('\n');
    for (const cell of cells.flat()) expect(shown).toContain(cell);
    for (const response of responses) {
      for (const embed of response.embeds) {
        expect(embed.url).toBe(ARTICLE_URL);
        // Split between rows: every field is one whole row.
        for (const field of embed.fields ?? []) expect(cells.some((row) => field.name === row[0])).toBe(true);
      }
    }
    expect(responses[1]!.content).toMatch(/continued, 2\/\d/);
  });

  test('with DISCORD_ANSWER_VISIBILITY=ephemeral, the answer and its follow-ups are visible to the asker only', async () => {
    const interaction = bot.fake.slashCommand('positions');
    const responses = await answerTo(interaction, 2);
    for (const response of responses) expect(response.flags & 64).toBe(64);
    const callback = bot.fake.requests.find((request) => request.route === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(((callback!.body as any).data.flags ?? 0) & 64).toBe(64);
  });
});

describe('direct messages', () => {
  test('a DM needs no mention; the DM is one conversation', async () => {
    const question = bot.fake.userMessage('positions', { dm: true });
    const [reply] = await bot.fake.waitFor(() => {
      const replies = bot.fake.repliesTo(question);
      return replies.length > 0 ? replies : undefined;
    }, 10_000, 'DM reply');
    expect(reply!.channel_id).toBe(bot.fake.dmChannelId);
    expect(visibleText(reply!)).toContain(cells[0]![1]!);
    expect(bot.store.keys).toContain(`discord:${bot.fake.dmChannelId}`);
  });
});

describe('npm run discord:register', () => {
  const script = resolve('adapters/discord/register-commands.ts');
  const tsx = resolve('node_modules/.bin/tsx');

  test('registers /talks for DISCORD_GUILD_ID, reading the application id from the API', async () => {
    const fake = await startFakeDiscord({ token: TEST_TOKEN });
    try {
      const env = { ...process.env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId, DISCORD_APPLICATION_ID: '' };
      const { stdout, stderr } = await run(tsx, [script], { env });
      const saved = fake.commands.get(`guild:${fake.guildId}`) as Array<{ name: string }>;
      expect(saved.map((command) => command.name)).toEqual(['talks']);
      expect(fake.requests.some((request) => request.route === '/applications/@me')).toBe(true);
      expect(stdout).toContain(`Registered /talks for server ${fake.guildId}`);
      expect(stdout + stderr).not.toContain(TEST_TOKEN);
    } finally {
      await fake.close();
    }
  });

  test('says what is wrong without a token, or when the token is rejected, and exits non-zero', async () => {
    const fake = await startFakeDiscord({ token: TEST_TOKEN });
    try {
      const missing = await run(tsx, [script], { env: { ...process.env, DISCORD_TOKEN: '' } }).catch((error) => error);
      expect(missing.code).toBe(2);
      expect(missing.stdout + missing.stderr).toContain('DISCORD_TOKEN');
      const wrong = 'wrong-token-value-123';
      const rejected = await run(tsx, [script], { env: { ...process.env, DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: fake.applicationId } }).catch((error) => error);
      expect(rejected.code).toBe(1);
      expect(rejected.stdout + rejected.stderr).toMatch(/rejected the token/);
      expect(rejected.stdout + rejected.stderr).not.toContain(wrong);
    } finally {
      await fake.close();
    }
  });
});

describe('gateway blips', () => {
  test('after the connection drops, the bot resumes its session and keeps answering', async () => {
    const resumesBefore = bot.fake.gatewayLog.filter((frame) => frame.op === 6).length;
    bot.fake.dropConnections();
    await bot.fake.waitFor(() => bot.fake.gatewayLog.filter((frame) => frame.op === 6).length > resumesBefore, 15_000, 'a RESUME');
    await bot.fake.waitFor(() => bot.adapter.isReady(), 15_000, 'ready again');
    const interaction = bot.fake.slashCommand('sections');
    const [answer] = await answerTo(interaction);
    expect(answer!.embeds.length).toBeGreaterThan(0);
  });
});

describe('a bad token', () => {
  test('start() fails with a clear error that names DISCORD_TOKEN and never shows it', async () => {
    const fake = await startFakeDiscord({ token: TEST_TOKEN });
    const wrong = 'MTAxNTk5.wrong-token-never-shown.xyz';
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const adapter = createDiscordAdapter({ config: { token: wrong, apiUrl: fake.apiUrl, registerCommands: false, answerVisibility: 'public' }, talks: bot.talks, logger, readyTimeoutMs: 5000 });
    try {
      const error = await adapter.start().then(() => undefined, (caught: Error) => caught);
      expect(error?.message).toContain('DISCORD_TOKEN');
      expect(error?.message).not.toContain(wrong);
      expect(lines.join('')).not.toContain(wrong);
      expect(adapter.isReady()).toBe(false);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('registering /talks at start (DISCORD_REGISTER_COMMANDS)', () => {
  test('a refusal (403: another application id, or a server the bot was not invited to) stops start() with the fix, as discord:register says it', async () => {
    const fake = await startFakeDiscord({ token: TEST_TOKEN });
    const logger = pino({ level: 'silent' });
    const config = { token: TEST_TOKEN, apiUrl: fake.apiUrl, applicationId: '1015997456678588449', registerCommands: true, answerVisibility: 'public' as const };
    const adapter = createDiscordAdapter({ config, talks: bot.talks, logger, readyTimeoutMs: 5000 });
    try {
      const error = await adapter.start().then(() => undefined, (caught: Error) => caught);
      expect(error?.message).toMatch(/DISCORD_APPLICATION_ID/);
      expect(error?.message).toMatch(/applications\.commands/);
      expect(error?.message).not.toContain(TEST_TOKEN);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('after a restart', () => {
  test('a reply deep in a chain still finds its conversation, fetching what the new process never saw', async () => {
    const first = await startBot({ contentDir: 'content' });
    const { fake } = first;
    let second: ReturnType<typeof createDiscordAdapter> | undefined;
    try {
      const interaction = fake.slashCommand('oman');
      const [response] = await fake.waitFor(() => {
        const messages = fake.responsesTo(interaction);
        return messages.length > 0 ? messages : undefined;
      }, 10_000, 'answer');
      const question = fake.userMessage('tell me more', { replyTo: response });
      const [reply] = await fake.waitFor(() => (fake.repliesTo(question).length > 0 ? fake.repliesTo(question) : undefined), 10_000, 'first follow-up');
      await first.adapter.stop();

      // A new process (same conversation store, as with Redis) that has cached none of those messages.
      const logger = pino({ level: 'silent' });
      second = createDiscordAdapter({ config: { token: TEST_TOKEN, apiUrl: fake.apiUrl, registerCommands: false, answerVisibility: 'public' }, talks: first.talks, logger });
      await second.start();
      const again = fake.userMessage('tell me more', { replyTo: reply });
      const [next] = await fake.waitFor(() => (fake.repliesTo(again).length > 0 ? fake.repliesTo(again) : undefined), 10_000, 'second follow-up');
      expect(fake.requests.some((request) => request.method === 'GET' && request.route === `/channels/${fake.channelId}/messages/${question.id}`)).toBe(true);
      const key = `discord:${fake.channelId}:${interaction.id}`;
      // The command and both follow-ups read the same conversation.
      expect(first.store.keys.filter((used) => used === key).length).toBe(3);

      const engine = buildEngine(first.documents);
      const turn1 = engine.answer('oman');
      const turn2 = engine.answer('tell me more', turn1.state);
      const turn3 = engine.answer('tell me more', turn2.state).answer;
      for (const citation of turn3.citations) expect(visibleText(next!)).toContain(citation.excerpt);
    } finally {
      await second?.stop();
      await fake.close();
    }
  });
});

describe('stopping', () => {
  test('stop() closes the gateway connection and the bot is no longer ready', async () => {
    const other = await startBot({ contentDir });
    expect(other.adapter.isReady()).toBe(true);
    await other.adapter.stop();
    expect(other.adapter.isReady()).toBe(false);
    await other.fake.close();
  });
});
