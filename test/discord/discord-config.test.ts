import { describe, expect, test } from 'vitest';
import { parseDiscordConfig } from '../../adapters/discord/discord-config.js';

const TOKEN = 'MTAxNTk5.secret-token-value.abc';

describe('parseDiscordConfig', () => {
  test('Discord is off without DISCORD_TOKEN (empty counts as unset)', () => {
    expect(parseDiscordConfig({})).toBeUndefined();
    expect(parseDiscordConfig({ DISCORD_TOKEN: '  ', DISCORD_GUILD_ID: 'nonsense' })).toBeUndefined();
  });

  test('defaults: public answers, no registration on start', () => {
    expect(parseDiscordConfig({ DISCORD_TOKEN: TOKEN })).toEqual({ token: TOKEN, registerCommands: false, answerVisibility: 'public' });
  });

  test('reads every variable', () => {
    expect(
      parseDiscordConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '1015997456678588449',
        DISCORD_GUILD_ID: '1015997456678588450',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/v10/',
        DISCORD_REGISTER_COMMANDS: 'yes',
        DISCORD_ANSWER_VISIBILITY: 'Ephemeral',
      }),
    ).toEqual({
      token: TOKEN,
      applicationId: '1015997456678588449',
      guildId: '1015997456678588450',
      apiUrl: 'http://127.0.0.1:9999/api',
      registerCommands: true,
      answerVisibility: 'ephemeral',
    });
  });

  test('one line naming every malformed variable, never a value', () => {
    const env = {
      DISCORD_TOKEN: 'has spaces in-it-secret',
      DISCORD_APPLICATION_ID: 'my-app-secret',
      DISCORD_GUILD_ID: '12ab-secret',
      DISCORD_API_URL: 'ftp://proxy-secret',
      DISCORD_REGISTER_COMMANDS: 'maybe-secret',
      DISCORD_ANSWER_VISIBILITY: 'private-secret',
    };
    let message = '';
    try {
      parseDiscordConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('\n');
    for (const name of Object.keys(env)) expect(message).toContain(name);
    expect(message).not.toMatch(/secret/);
  });

  test('a token pasted with the "Bot " of an Authorization header is read without it, as discord.js reads it', () => {
    expect(parseDiscordConfig({ DISCORD_TOKEN: `Bot ${TOKEN}` })?.token).toBe(TOKEN);
  });

  test('a token wrapped in quotes (docker --env-file keeps them) fails at once, saying so, rather than at login as "rejected"', () => {
    for (const quoted of [`"${TOKEN}"`, `'${TOKEN}'`]) {
      let message = '';
      try {
        parseDiscordConfig({ DISCORD_TOKEN: quoted });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/DISCORD_TOKEN is wrapped in quotes/);
      expect(message).not.toContain('secret-token-value');
    }
  });
});
