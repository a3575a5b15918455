import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/index.js';
import { SLASH_COMMAND } from '../../adapters/slack/handle-command.js';

interface Manifest {
  features: { slash_commands: { command: string; url: string; should_escape: boolean }[]; bot_user: unknown };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

describe('slack-app-manifest.yaml', () => {
  const manifest = parse(readFileSync('slack-app-manifest.yaml', 'utf8')) as Manifest;

  it('declares the command, events and interactivity the app handles, all on /slack/events', () => {
    const command = manifest.features.slash_commands.find((c) => c.command === SLASH_COMMAND);
    expect(command?.url.endsWith(SLACK_EVENTS_PATH)).toBe(true);
    expect(manifest.settings.event_subscriptions.request_url.endsWith(SLACK_EVENTS_PATH)).toBe(true);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(manifest.settings.interactivity.request_url.endsWith(SLACK_EVENTS_PATH)).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.channels', 'message.im']));
  });

  it('asks for the scopes those need and nothing broader', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'chat:write', 'channels:history', 'im:history']));
    for (const broad of ['chat:write.customize', 'users:read.email', 'admin', 'channels:manage', 'files:read']) expect(scopes).not.toContain(broad);
  });
});
