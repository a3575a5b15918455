import { describe, expect, it } from 'vitest';
import { parseSlackConfig } from '../../adapters/slack/index.js';

const BOT = 'xoxb-1234-5678-SeCrEtBoTtOkEn';
const SECRET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const APP = 'xapp-1-A0TALKS-1234-SeCrEtApPtOkEn';

describe('parseSlackConfig', () => {
  it('is off (undefined) when neither the bot token nor the signing secret is set, empty counting as unset', () => {
    expect(parseSlackConfig({})).toBeUndefined();
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: ' ', SLACK_ANSWER_VISIBILITY: 'in_channel' })).toBeUndefined();
  });

  it('reads HTTP mode with defaults', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toMatchObject({
      botToken: BOT,
      signingSecret: SECRET,
      socketMode: false,
      answerVisibility: 'ephemeral',
    });
  });

  it('switches to Socket Mode with an app token and takes an API URL and the visibility', () => {
    const config = parseSlackConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: APP,
      SLACK_API_URL: 'https://slack-gov.com/api/',
      SLACK_ANSWER_VISIBILITY: 'IN_CHANNEL',
    });
    expect(config).toMatchObject({ socketMode: true, appToken: APP, apiUrl: 'https://slack-gov.com/api/', answerVisibility: 'in_channel' });
  });

  it('names every missing or malformed variable on one line and never echoes a value', () => {
    const env = {
      SLACK_BOT_TOKEN: APP, // an app token pasted into the bot token's place
      SLACK_APP_TOKEN: BOT,
      SLACK_API_URL: 'https://slack.com/api',
      SLACK_ANSWER_VISIBILITY: 'everyone',
    };
    let message = '';
    try {
      parseSlackConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('\n');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_ANSWER_VISIBILITY']) {
      expect(message).toContain(name);
    }
    expect(message).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(message).toMatch(/SLACK_API_URL must end with \//);
    for (const secret of [BOT, APP, 'SeCrEt', 'everyone']) expect(message).not.toContain(secret);
  });

  it('fails when only the signing secret is set', () => {
    expect(() => parseSlackConfig({ SLACK_SIGNING_SECRET: SECRET })).toThrow(/SLACK_BOT_TOKEN is missing/);
  });

  it('fails when only the app token is set (Socket Mode meant, the bot token forgotten), rather than starting without Slack', () => {
    expect(() => parseSlackConfig({ SLACK_APP_TOKEN: APP })).toThrow(/SLACK_BOT_TOKEN is missing/);
  });

  it('says a credential is wrapped in quotes (docker --env-file keeps them), never echoing it', () => {
    let message = '';
    try {
      parseSlackConfig({ SLACK_BOT_TOKEN: `"${BOT}"`, SLACK_SIGNING_SECRET: `'${SECRET}'`, SLACK_APP_TOKEN: `"${APP}"` });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) expect(message).toContain(`${name} is wrapped in quotes`);
    for (const secret of ['SeCrEt', SECRET]) expect(message).not.toContain(secret);
  });
});
