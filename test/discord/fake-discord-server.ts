/**
 * A small Discord-compatible server on loopback: the REST routes the bot uses and a gateway WebSocket,
 * recording everything. It speaks the real wire format (API v10, JSON gateway, no compression), so the
 * real discord.js client runs against it unmodified through `rest: { api }` (DISCORD_API_URL).
 * https://discord.com/developers/docs/events/gateway  https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { linkPreviewsFor, pingsFor, type MessageBody } from './fake-discord-rules.js';
import { routeRest } from './fake-discord-rest.js';
import { guildCreatePayload, type PendingInteraction, type RecordedRequest, type StoredMessage, type UserObject } from './fake-discord-objects.js';

export type { PendingInteraction, RecordedRequest, StoredMessage, UserObject } from './fake-discord-objects.js';

const DISCORD_EPOCH = 1420070400000n;
const PERMISSIONS_ALL = '2251799813685247';

export interface FakeDiscordOptions {
  token: string;
  /** Heartbeat interval the gateway asks for, ms. */
  heartbeatIntervalMs?: number;
}

/** Starts the fake on 127.0.0.1, on a free port. */
export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, PendingInteraction>();
  readonly commands = new Map<string, unknown[]>();
  /** Messages the bot deleted. */
  readonly deleted: StoredMessage[] = [];
  readonly gatewayLog: Array<{ op: number; t?: string; at: number; d?: unknown }> = [];
  identify: Record<string, unknown> | undefined;
  heartbeats = 0;
  private sequence = 0;
  private counter = 0n;
  private sockets = new Set<WebSocket>();
  private listeners = new Set<() => void>();
  private server: Server;
  private wss: WebSocketServer;
  private port = 0;

  readonly botUser: UserObject;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId: string;
  /** A text channel where the bot may not embed links. */
  readonly noEmbedsChannelId: string;
  /** A DM channel between humans[0] and the bot. */
  readonly dmChannelId: string;
  readonly everyoneRoleId: string;
  readonly botRoleId: string;
  readonly humans: UserObject[];
  readonly otherBot: UserObject;

  /** The bot token the fake accepts. */
  readonly token: string;

  constructor(private readonly options: FakeDiscordOptions) {
    this.token = options.token;
    this.applicationId = this.snowflake();
    this.botUser = { id: this.applicationId, username: 'talks-tracker', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.guildId = this.snowflake();
    this.everyoneRoleId = this.guildId;
    this.botRoleId = this.snowflake();
    this.channelId = this.snowflake();
    this.threadId = this.snowflake();
    this.dmChannelId = this.snowflake();
    this.noEmbedsChannelId = this.snowflake();
    this.humans = ['reporter', 'editor'].map((name) => ({ id: this.snowflake(), username: name, discriminator: '0', global_name: name, avatar: null }));
    this.otherBot = { id: this.snowflake(), username: 'other-bot', discriminator: '0', global_name: null, avatar: null, bot: true };
    this.server = createServer((request, response) => void this.handleHttp(request, response));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.handleSocket(socket));
  }

  /** The REST base to give discord.js as `rest.api` (it appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  snowflake(): string {
    this.counter += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.counter & 0x3fffffn)).toString();
  }

  /** Resolves when `predicate` holds (checked after every request and gateway frame), or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const now = predicate();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`fake discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        const value = predicate();
        if (value) {
          clearTimeout(timer);
          this.listeners.delete(check);
          resolve(value);
        }
      };
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // ---- gateway -------------------------------------------------------------------------------------------

  private handleSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.notify();
    });
    socket.on('message', (raw) => this.handleFrame(socket, String(raw)));
    this.send(socket, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 1000 } });
  }

  private send(socket: WebSocket, frame: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }

  private handleFrame(socket: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: unknown };
    this.gatewayLog.push({ op: frame.op, at: Date.now(), d: frame.d });
    if (frame.op === 1) {
      this.heartbeats += 1;
      this.send(socket, { op: 11, d: null });
    } else if (frame.op === 2) {
      const identify = frame.d as Record<string, unknown>;
      this.identify = identify;
      if (identify.token !== this.options.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      this.dispatchTo(socket, 'READY', {
        v: 10,
        user: { ...this.botUser, verified: true, flags: 0, mfa_enabled: false },
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: `session-${this.snowflake()}`,
        resume_gateway_url: this.gatewayUrl,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      });
      this.dispatchTo(socket, 'GUILD_CREATE', guildCreatePayload(this));
    } else if (frame.op === 6) {
      this.dispatchTo(socket, 'RESUMED', {});
    }
    this.notify();
  }

  private dispatchTo(socket: WebSocket, type: string, data: unknown): void {
    this.sequence += 1;
    this.gatewayLog.push({ op: 0, t: type, at: Date.now() });
    this.send(socket, { op: 0, t: type, s: this.sequence, d: data });
  }

  /** Drops every gateway connection abruptly (a network blip); clients are expected to reconnect and resume. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Gateway connections open right now. */
  connectionCount(): number {
    return this.sockets.size;
  }

  /** Sends a dispatch event to every connected client. */
  dispatch(type: string, data: unknown): void {
    for (const socket of this.sockets) this.dispatchTo(socket, type, data);
  }

  // ---- test drivers --------------------------------------------------------------------------------------

  private member(user: UserObject): Record<string, unknown> {
    return { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: PERMISSIONS_ALL };
  }

  private dispatchInteraction(type: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}, user = this.humans[0]!, channelId = this.channelId): PendingInteraction {
    const interaction: PendingInteraction = {
      id: this.snowflake(),
      token: `itoken-${this.snowflake()}-${'x'.repeat(40)}`,
      type,
      channelId,
      dispatchedAt: Date.now(),
      data,
      user,
    };
    this.interactions.set(interaction.token, interaction);
    // In a DM with the bot Discord sends no guild_id and `user` instead of `member` (context 1, BOT_DM).
    const where =
      channelId === this.dmChannelId
        ? { channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] }, user, context: 1, authorizing_integration_owners: { '0': '0' } }
        : {
            guild_id: this.guildId,
            channel: { id: channelId, type: channelId === this.threadId ? 11 : 0, guild_id: this.guildId, name: 'talks-desk' },
            member: this.member(user),
            guild_locale: 'en-US',
            authorizing_integration_owners: { '0': this.guildId },
            context: 0,
          };
    this.dispatch('INTERACTION_CREATE', {
      id: interaction.id,
      application_id: this.applicationId,
      type,
      data,
      channel_id: channelId,
      ...where,
      token: interaction.token,
      version: 1,
      app_permissions: PERMISSIONS_ALL,
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 10485760,
      ...extra,
    });
    return interaction;
  }

  /** A user runs `/talks query:<query>`. */
  slashCommand(query: string, options: { user?: UserObject; channelId?: string } = {}): PendingInteraction {
    return this.dispatchInteraction(
      2,
      { id: this.snowflake(), name: 'talks', type: 1, options: [{ name: 'query', type: 3, value: query }] },
      {},
      options.user,
      options.channelId,
    );
  }

  /** A user is typing the query option: Discord asks for choices. */
  autocomplete(partial: string): PendingInteraction {
    return this.dispatchInteraction(4, {
      id: this.snowflake(),
      name: 'talks',
      type: 1,
      options: [{ name: 'query', type: 3, value: partial, focused: true }],
    });
  }

  /** A user clicks a button on one of the bot's messages. */
  clickButton(message: StoredMessage, customId: string, user = this.humans[1]!): PendingInteraction {
    const interaction = this.dispatchInteraction(3, { custom_id: customId, component_type: 2 }, { message: this.wire(message) }, user, message.channel_id);
    interaction.messageId = message.id;
    return interaction;
  }

  /** A user posts a message (optionally replying to `replyTo`); mentions are parsed from the content like Discord does. */
  userMessage(content: string, options: { author?: UserObject; replyTo?: StoredMessage; channelId?: string; pingReply?: boolean; contentHidden?: boolean; dm?: boolean } = {}): StoredMessage {
    const author = options.author ?? this.humans[0]!;
    const channelId = options.dm ? this.dmChannelId : (options.channelId ?? options.replyTo?.channel_id ?? this.channelId);
    const everyoneKnown = [this.botUser, ...this.humans, this.otherBot];
    const mentions = [...content.matchAll(/<@!?(\d+)>/g)]
      .map((match) => everyoneKnown.find((user) => user.id === match[1]))
      .filter((user): user is UserObject => user !== undefined);
    if (options.replyTo && options.pingReply !== false && !mentions.some((user) => user.id === options.replyTo!.author.id)) {
      mentions.push(options.replyTo.author);
    }
    // Without the Message Content intent Discord blanks the text unless the bot is mentioned (or it's a DM).
    const visibleToBot =
      !options.contentHidden && (options.dm || mentions.some((user) => user.id === this.botUser.id) || content.includes(`<@&${this.botRoleId}>`));
    const message: StoredMessage = {
      id: this.snowflake(),
      channel_id: channelId,
      guild_id: this.guildId,
      author,
      content,
      embeds: [],
      components: [],
      flags: 0,
      type: options.replyTo ? 19 : 0,
      timestamp: new Date().toISOString(),
      mentions,
      mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!),
      mention_everyone: /@(everyone|here)/.test(content),
      edits: 0,
      ...(options.replyTo
        ? { message_reference: { message_id: options.replyTo.id, channel_id: channelId, guild_id: this.guildId }, referenced_message: options.replyTo }
        : {}),
    };
    if (options.dm) delete message.guild_id;
    this.messages.set(message.id, message);
    const wire = { ...this.wire(message), content: visibleToBot ? content : '' };
    this.dispatch('MESSAGE_CREATE', options.dm ? { ...wire, channel_type: 1 } : { ...wire, member: this.member(author) });
    return message;
  }

  /**
   * A user forwards `original` (the client's Forward action): a message of its own with no content, a
   * message_reference of type 1 (FORWARD) and a snapshot of the original; no referenced_message.
   * https://discord.com/developers/docs/resources/message#message-reference-types
   */
  forwardMessage(original: StoredMessage, options: { author?: UserObject; channelId?: string; dm?: boolean } = {}): StoredMessage {
    const author = options.author ?? this.humans[0]!;
    const channelId = options.dm ? this.dmChannelId : (options.channelId ?? original.channel_id);
    const snapshot = { type: original.type, content: options.dm ? original.content : '', embeds: original.embeds, attachments: [], timestamp: original.timestamp, edited_timestamp: null, flags: original.flags, mentions: [], mention_roles: [], components: [] };
    const message: StoredMessage = {
      id: this.snowflake(),
      channel_id: channelId,
      ...(options.dm ? {} : { guild_id: this.guildId }),
      author,
      content: '',
      embeds: [],
      components: [],
      flags: 1 << 14, // HAS_SNAPSHOT
      type: 0,
      timestamp: new Date().toISOString(),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      message_reference: { type: 1, message_id: original.id, channel_id: original.channel_id, ...(original.guild_id ? { guild_id: original.guild_id } : {}) },
      message_snapshots: [{ message: snapshot }],
      edits: 0,
    };
    this.messages.set(message.id, message);
    const wire = this.wire(message);
    this.dispatch('MESSAGE_CREATE', options.dm ? { ...wire, channel_type: 1 } : { ...wire, member: this.member(author) });
    return message;
  }

  /** The gateway delivers `message` again (as after a resumed session): the bot must not answer twice. */
  redeliver(message: StoredMessage): void {
    this.dispatch('MESSAGE_CREATE', { ...this.wire(message), member: this.member(message.author) });
  }

  /** The gateway delivers an interaction again; its token is already used. */
  redeliverInteraction(interaction: PendingInteraction): void {
    this.dispatch('INTERACTION_CREATE', {
      id: interaction.id,
      application_id: this.applicationId,
      type: interaction.type,
      data: interaction.data,
      guild_id: this.guildId,
      channel_id: interaction.channelId,
      channel: { id: interaction.channelId, type: 0, guild_id: this.guildId, name: 'talks-desk' },
      member: this.member(interaction.user),
      token: interaction.token,
      version: 1,
      app_permissions: PERMISSIONS_ALL,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
    });
  }

  /** A message as the API returns it (test bookkeeping removed). */
  wire(message: StoredMessage, nested = false): Record<string, unknown> {
    const { pings: _pings, allowedMentions: _allowed, edits: _edits, previews: _previews, referenced_message, ...rest } = message;
    return {
      ...rest,
      attachments: [],
      tts: false,
      pinned: false,
      edited_timestamp: null,
      // Discord includes the replied-to message one level deep only.
      ...(referenced_message !== undefined && !nested ? { referenced_message: referenced_message ? this.wire(referenced_message, true) : null } : {}),
    };
  }

  /** Messages the bot created or edited, oldest first. */
  botMessages(): StoredMessage[] {
    return [...this.messages.values()].filter((message) => message.author.id === this.botUser.id);
  }

  /** Bot messages that reply to `message` (channel messages with a reference), oldest first. */
  repliesTo(message: StoredMessage): StoredMessage[] {
    return this.botMessages().filter((reply) => reply.message_reference?.message_id === message.id);
  }

  /** The original response and follow-ups of an interaction, oldest first (the deferred placeholder counts once edited). */
  responsesTo(interaction: PendingInteraction): StoredMessage[] {
    return this.botMessages().filter((message) => message.interaction_metadata?.id === interaction.id);
  }

  // ---- REST (routes in fake-discord-rest.ts) ------------------------------------------------------------

  private async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = decodeURIComponent(url.pathname).replace(/^\/api/, '').replace(/^\/v\d+/, '');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      route,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: request.headers.authorization,
      status: 0,
      at: Date.now(),
    };
    const reply = (status: number, payload?: unknown) => {
      record.status = status;
      this.requests.push(record);
      response.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
      this.notify();
    };
    try {
      routeRest(this, record, body, reply);
    } catch (error) {
      reply(500, { message: String(error), code: 0 });
    }
  }

  /** Stores a message the bot sent and echoes it over the gateway as Discord does (for the REST routes). */
  storeBotMessage(channelId: string, body: MessageBody, extra: Partial<StoredMessage>): StoredMessage {
    const message: StoredMessage = {
      id: this.snowflake(),
      channel_id: channelId,
      ...(channelId === this.dmChannelId ? {} : { guild_id: this.guildId }),
      author: this.botUser,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      flags: body.flags ?? 0,
      type: 0,
      timestamp: new Date().toISOString(),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      allowedMentions: body.allowed_mentions,
      pings: pingsFor(body, false),
      previews: linkPreviewsFor(body.content ?? '', body.flags ?? 0),
      edits: 0,
      ...extra,
    };
    this.messages.set(message.id, message);
    // Discord echoes the bot's own non-ephemeral messages over the gateway, like anyone's.
    if ((message.flags & 64) === 0) this.dispatch('MESSAGE_CREATE', this.wire(message));
    return message;
  }
}
