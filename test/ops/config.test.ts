import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_DEFAULTS, loadConfig } from '../../adapters/config.js';

describe('loadConfig', () => {
  it('gives a console-only config with defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.port).toBe(CONFIG_DEFAULTS.port);
    expect(config.portSet).toBe(false);
    expect(config.contentDir).toMatch(/[\\/]content[\\/]?$/);
    expect(isAbsolute(config.contentDir)).toBe(true);
    expect(config.conversation.idleTtlMs).toBe(CONFIG_DEFAULTS.threadTtlSeconds * 1000);
    expect(config.shutdownTimeoutMs).toBeLessThan(10_000);
  });

  it('reads every setting, empty strings meaning unset', () => {
    const config = loadConfig({
      PORT: '8080',
      LOG_LEVEL: 'debug',
      TALKS_CONTENT_DIR: '/srv/content',
      REDIS_URL: 'redis://127.0.0.1:6379',
      TALKS_THREAD_TTL_SECONDS: '60',
      TALKS_MAX_THREADS: '100',
      TALKS_RATE_USER_BURST: '2',
      TALKS_RATE_USER_PER_MINUTE: '10',
      TALKS_RATE_CHANNEL_BURST: '',
      TALKS_MAX_QUERY_CHARS: '200',
      TALKS_RELOAD_DEBOUNCE_MS: '50',
    });
    expect(config).toMatchObject({
      port: 8080,
      portSet: true,
      logLevel: 'debug',
      contentDir: '/srv/content',
      redisUrl: 'redis://127.0.0.1:6379',
      conversation: { idleTtlMs: 60_000, maxThreads: 100 },
      rateLimit: { user: { burst: 2, perMinute: 10 }, channel: { burst: CONFIG_DEFAULTS.channelBurst } },
      maxQueryChars: 200,
      reloadDebounceMs: 50,
    });
  });

  it('lists every problem, ours and the platforms\', in one line without echoing any value', () => {
    const secretish = 'not-a-url-but-a-secret-pasted-here-x9';
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        REDIS_URL: secretish,
        TALKS_MAX_QUERY_CHARS: '5',
        DISCORD_TOKEN: 'some-token-value-123',
        DISCORD_APPLICATION_ID: 'abc',
        SLACK_BOT_TOKEN: ['xoxb', '1', '2', 'abcdefabcdef'].join('-'),
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).not.toContain('\n');
    for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'TALKS_MAX_QUERY_CHARS', 'DISCORD_APPLICATION_ID', 'SLACK_SIGNING_SECRET']) expect(message).toContain(name);
    expect(message).not.toContain(secretish);
    expect(message).not.toContain('some-token-value-123');
    expect(message).not.toContain('abcdefabcdef');
    expect((caught as ConfigError).problems.length).toBeGreaterThanOrEqual(6);
  });

  it('turns on Discord when its token is set', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'abc.def.ghi' });
    expect(config.discord?.token).toBe('abc.def.ghi');
  });
});
