/**
 * The text Discord sends (message content, a slash command's string option) turned into the words a person
 * typed. Formats: https://discord.com/developers/docs/reference#message-formatting
 */
import { describe, expect, test } from 'vitest';
import { discordTextToPlain } from '../../adapters/discord/discord-text.js';

const BOT = '111111111111111111';
const EDITOR = '222222222222222222';
const DESK = '333333333333333333';
const ROLE = '444444444444444444';

describe('discordTextToPlain', () => {
  test('drops mentions (the bot as <@id> or legacy <@!id>, colleagues, roles, channels), custom emoji and command mentions: they name people and places in the server, not in the articles', () => {
    const text = `<@${BOT}> oman <:flag_om:555555555555555555> <a:spin:666666666666666666> for <@!${EDITOR}> in <#${DESK}> </talks:777777777777777777> <@&${ROLE}>`;
    expect(discordTextToPlain(text)).toBe('oman for in');
  });

  test('writes a timestamp as its date', () => {
    expect(discordTextToPlain('talks since <t:1700000000:R> and <t:1700000000>')).toBe('talks since 2023-11-14 and 2023-11-14');
  });

  test('leaves ordinary text alone, angle brackets and @everyone included', () => {
    expect(discordTextToPlain('is <b> a tag? @everyone   ask\nme')).toBe('is <b> a tag? @everyone ask me');
  });
});
