/** The shapes the fake Discord stores and sends, in the API's own field names. */
import type { FakeDiscord } from './fake-discord-server.js';
import type { MessageBody, Pings } from './fake-discord-rules.js';

export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/interactions/1/abc/callback`. */
  route: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  status: number;
  at: number;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: UserObject;
  content: string;
  embeds: NonNullable<MessageBody['embeds']>;
  components: NonNullable<MessageBody['components']>;
  flags: number;
  type: number;
  timestamp: string;
  mentions: UserObject[];
  mention_roles: string[];
  mention_everyone: boolean;
  /** type 0 DEFAULT (a reply) or 1 FORWARD; absent means 0. */
  message_reference?: { message_id: string; channel_id: string; guild_id?: string; type?: number };
  message_snapshots?: Array<{ message: Record<string, unknown> }>;
  referenced_message?: StoredMessage | null;
  interaction_metadata?: Record<string, unknown>;
  webhook_id?: string;
  application_id?: string;
  /** Test bookkeeping, not sent to clients: who this message would have notified, and the raw body. */
  pings?: Pings;
  allowedMentions?: MessageBody['allowed_mentions'];
  /** The links Discord would show a preview card for under the message (linkPreviewsFor). */
  previews?: string[];
  edits: number;
}

export interface UserObject {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export interface PendingInteraction {
  id: string;
  token: string;
  type: number;
  channelId: string;
  dispatchedAt: number;
  acknowledgedAt?: number;
  callbackType?: number;
  originalId?: string;
  choices?: Array<{ name: string; value: string }>;
  data: Record<string, unknown>;
  user: UserObject;
  messageId?: string;
}

/** The GUILD_CREATE payload for the fake server: one text channel, one thread, the bot's managed role. */
export function guildCreatePayload(fake: FakeDiscord): Record<string, unknown> {
  const channel = (id: string, name: string, permission_overwrites: unknown[] = []) => ({ id, type: 0, name, guild_id: fake.guildId, position: 0, permission_overwrites, nsfw: false, parent_id: null });
  // The invite's permissions: View Channels, Send Messages (and in threads), Embed Links, Read Message History.
  const invited = String(1024 + 2048 + 16384 + 65536 + 2 ** 38);
  return {
    id: fake.guildId,
    name: 'Foreign desk',
    icon: null,
    owner_id: fake.humans[1]!.id,
    unavailable: false,
    member_count: 3,
    large: false,
    features: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
    joined_at: new Date().toISOString(),
    roles: [
      { id: fake.everyoneRoleId, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      { id: fake.botRoleId, name: 'talks-tracker', permissions: invited, position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0, tags: { bot_id: fake.botUser.id } },
    ],
    emojis: [],
    stickers: [],
    members: [{ user: fake.botUser, roles: [fake.botRoleId], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: [
      channel(fake.channelId, 'talks-desk'),
      // A channel where a moderator took Embed Links away from the bot.
      channel(fake.noEmbedsChannelId, 'no-embeds', [{ id: fake.botRoleId, type: 0, allow: '0', deny: '16384' }]),
    ],
    threads: [
      {
        id: fake.threadId,
        type: 11,
        name: 'oman round two',
        guild_id: fake.guildId,
        parent_id: fake.channelId,
        owner_id: fake.humans[0]!.id,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
        message_count: 0,
        member_count: 1,
      },
    ],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
