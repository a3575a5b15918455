import { describe, expect, it } from 'vitest';
import { findSecretValues } from '../../adapters/runtime/logger.js';
import { captureLogger } from './helpers/capture-logger.js';

// Made-up values shaped like the real ones (built at runtime so no token-shaped literal sits in the repo).
const slackBot = ['xoxb', '1234567890', '0987654321', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('-');
const slackApp = ['xapp', '1', 'A0123456789', '1234567890123', 'abcdef0123456789abcdef'].join('-');
const signingSecret = '8f2b' + 'c0ffee'.repeat(4) + 'a1b2';
const discordToken = ['MTIzNDU2Nzg5MDEyMzQ1Njc4OQ', 'GAbCdE', 'abcdefghijklmnopqrstuvwxyz0123456789AB'].join('.');
const redisPassword = 'pa55-w0rd-hunter2';
const env = {
  SLACK_BOT_TOKEN: slackBot,
  SLACK_APP_TOKEN: slackApp,
  SLACK_SIGNING_SECRET: signingSecret,
  DISCORD_TOKEN: discordToken,
  REDIS_URL: `redis://default:${redisPassword}@redis.internal:6379/0`,
  PORT: '3000',
};
const secrets = [slackBot, slackApp, signingSecret, discordToken, redisPassword];

describe('logger redaction', () => {
  it('censors secret keys in logged objects, at any of the usual depths', () => {
    const { logger, text } = captureLogger(); // no secret values given: redaction by key alone
    logger.info({ config: { slack: { botToken: slackBot, signingSecret, appToken: slackApp }, discord: { token: discordToken } } }, 'config');
    logger.info({ token: discordToken, headers: { authorization: `Bot ${discordToken}` } }, 'request');
    logger.info({ env }, 'environment');
    logger.info({ request: { headers: { authorization: `Bearer ${slackBot}` } } }, 'two levels down');
    const out = text();
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
    expect(out).toContain('"PORT":"3000"'); // not over-redacted
  });

  it('censors nested secret keys in any case without changing the logged object', () => {
    const { logger, text } = captureLogger();
    const logged = { request: { headers: { Authorization: `Bot ${discordToken}`, accept: 'json' } }, list: [{ password: redisPassword }] };
    logger.info(logged, 'nested');
    const out = text();
    expect(out).not.toContain(discordToken);
    expect(out).not.toContain(redisPassword);
    expect(out).toContain('"accept":"json"');
    expect(logged.request.headers.Authorization).toBe(`Bot ${discordToken}`);
    expect(logged.list[0]!.password).toBe(redisPassword);
  });

  it('scrubs secrets nested deeper than the redact paths reach, by value', () => {
    const { logger, text } = captureLogger(findSecretValues(env));
    logger.info({ a: { b: { c: { d: { token: discordToken, note: signingSecret } } } } }, 'deep');
    const out = text();
    expect(out).not.toContain(discordToken);
    expect(out).not.toContain(signingSecret);
  });

  it('scrubs secret values and token shapes from messages, errors and stacks', () => {
    const { logger, text, lines } = captureLogger(findSecretValues(env));
    const error = new Error(`An API error occurred: invalid_auth for token ${slackBot} (connect ${env.REDIS_URL})`);
    logger.error({ err: error }, `request failed with ${discordToken}`);
    logger.warn(`signature check used ${signingSecret}`);
    logger.info({ note: `app token ${slackApp} and some json "quoted ${redisPassword}"` }, 'free text');
    const out = text();
    for (const secret of secrets) expect(out).not.toContain(secret);
    // Lines stay valid JSON and keep the non-secret parts.
    expect(lines).toHaveLength(3);
    expect(String((lines[0]!.err as { message: string }).message)).toContain('invalid_auth');
    expect(out).toContain('redis.internal:6379');
  });

  it('finds secret values in the environment by name, and passwords inside URLs', () => {
    const found = findSecretValues({ ...env, SOME_OTHER_URL: 'https://user:s3cr3t-value@example.org', HOME: '/root' });
    for (const secret of secrets) expect(found).toContain(secret);
    expect(found).toContain('s3cr3t-value');
    expect(found).not.toContain('/root');
  });
});
