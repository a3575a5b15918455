import { loadConfig, type TalksConfig } from '../../../adapters/config.js';

/** Made-up Slack credentials for loopback tests (shaped like real ones, valid nowhere). */
export const TEST_SIGNING_SECRET = 'f00dfeed' + '0123456789abcdef'.repeat(1);
export const TEST_BOT_TOKEN = ['xoxb', '111', '222', 'testtokenvalue'].join('-');

/** A full config through loadConfig, as main.ts builds it, with limits high enough not to interfere. */
export function testConfig(env: Record<string, string>): TalksConfig {
  return loadConfig({
    LOG_LEVEL: 'warn',
    PORT: '0',
    TALKS_RATE_USER_BURST: '100000',
    TALKS_RATE_USER_PER_MINUTE: '100000',
    TALKS_RATE_CHANNEL_BURST: '100000',
    TALKS_RATE_CHANNEL_PER_MINUTE: '100000',
    TALKS_RELOAD_DEBOUNCE_MS: '50',
    ...env,
  });
}
