/**
 * The REST routes of the fake Discord: what the bot calls, answered and validated as Discord does.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-callback
 */
import type { FakeDiscord, PendingInteraction, RecordedRequest, StoredMessage } from './fake-discord-server.js';
import { invalidFormBody, linkPreviewsFor, pingsFor, type MessageBody } from './fake-discord-rules.js';

type Reply = (status: number, payload?: unknown) => void;

/** Answers one REST request the way Discord would, recording its effects on `fake`. */
export function routeRest(fake: FakeDiscord, record: RecordedRequest, body: unknown, reply: Reply): void {
  const { method, route } = record;
  const interactionRoute = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route);
  const webhookRoute = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(route);
  const channelRoute = /^\/channels\/(\d+)\/(messages|typing)(?:\/(\d+))?$/.exec(route);
  const botAuthorized = record.authorization === `Bot ${fake.token}`;

  // Interaction callbacks and webhooks are authorised by the interaction token, not the bot token.
  if (interactionRoute && method === 'POST') return interactionCallback(fake, interactionRoute[1]!, interactionRoute[2]!, body as InteractionCallbackBody, record, reply);
  if (webhookRoute) return webhook(fake, method, webhookRoute[1]!, webhookRoute[2]!, webhookRoute[3], body as MessageBody, reply);

  if (!botAuthorized) return reply(401, { message: '401: Unauthorized', code: 0 });
  if (method === 'GET' && route === '/gateway/bot') {
    return reply(200, { url: fake.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
  }
  if (method === 'GET' && route === '/users/@me') return reply(200, fake.botUser);
  if (method === 'GET' && route === '/applications/@me') return reply(200, { id: fake.applicationId, name: 'talks-tracker', bot: fake.botUser, flags: 0 });
  const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route);
  if (commandsRoute && method === 'PUT') {
    if (commandsRoute[1] !== fake.applicationId) return reply(403, { message: 'Missing Access', code: 50001 });
    const scope = commandsRoute[2] ? `guild:${commandsRoute[2]}` : 'global';
    const saved = (body as Array<Record<string, unknown>>).map((command) => ({ ...command, id: fake.snowflake(), application_id: fake.applicationId, version: fake.snowflake() }));
    fake.commands.set(scope, saved);
    return reply(200, saved);
  }
  if (channelRoute) {
    const [, channelId, kind, messageId] = channelRoute;
    if (kind === 'typing' && method === 'POST') return reply(204);
    if (method === 'GET' && messageId) {
      const found = fake.messages.get(messageId);
      return found && found.channel_id === channelId ? reply(200, fake.wire(found)) : reply(404, { message: 'Unknown Message', code: 10008 });
    }
    if (method === 'POST' && !messageId) return createChannelMessage(fake, channelId!, body as MessageBody, reply);
  }
  reply(404, { message: `fake discord: no route for ${method} ${route}`, code: 0 });
}

function createChannelMessage(fake: FakeDiscord, channelId: string, body: MessageBody, reply: Reply): void {
  const problems = invalidFormBody(body);
  if (problems.length > 0) return reply(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
  const referenced = body.message_reference?.message_id ? fake.messages.get(body.message_reference.message_id) : undefined;
  if (body.message_reference?.message_id && !referenced && body.message_reference.fail_if_not_exists !== false) {
    return reply(400, { message: 'Invalid Form Body', code: 50035, errors: ['message_reference: Unknown message'] });
  }
  const message = fake.storeBotMessage(channelId, body, {
    ...(referenced ? { message_reference: { message_id: referenced.id, channel_id: channelId, guild_id: fake.guildId }, referenced_message: referenced, type: 19 } : {}),
  });
  message.pings = pingsFor(body, referenced !== undefined && !referenced.author.bot);
  reply(200, fake.wire(message));
}

function interactionCallback(fake: FakeDiscord, id: string, token: string, body: InteractionCallbackBody, record: RecordedRequest, reply: Reply): void {
  const interaction = fake.interactions.get(token);
  if (!interaction || interaction.id !== id) return reply(404, { message: 'Unknown interaction', code: 10062 });
  if (interaction.acknowledgedAt !== undefined) return reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
  if (Date.now() - interaction.dispatchedAt > 3000) return reply(404, { message: 'Unknown interaction', code: 10062 });
  const data = (body.data ?? {}) as MessageBody & { choices?: Array<{ name: string; value: string }> };
  if (body.type === 4 || body.type === 7) {
    const problems = invalidFormBody(data);
    if (problems.length > 0) return reply(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
  }
  if (body.type === 8) {
    const choices = data.choices ?? [];
    const bad = choices.length > 25 || choices.some((choice) => choice.name.length < 1 || choice.name.length > 100 || String(choice.value).length > 100);
    if (bad) return reply(400, { message: 'Invalid Form Body', code: 50035 });
    interaction.choices = choices;
  }
  interaction.acknowledgedAt = Date.now();
  interaction.callbackType = body.type;
  let message: StoredMessage | undefined;
  if (body.type === 4 || body.type === 5) {
    // 5 = deferred: Discord shows "<bot> is thinking…" (flag 128 LOADING) until the response is edited.
    const content = body.type === 5 ? { ...data, content: '', embeds: [], components: [], flags: (data.flags ?? 0) | 128 } : data;
    message = fake.storeBotMessage(interaction.channelId, content, interactionExtras(fake, interaction));
    interaction.originalId = message.id;
  }
  if (record.query.with_response === 'true') {
    return reply(200, {
      interaction: { id: interaction.id, type: interaction.type, activity_instance_id: null, response_message_id: message?.id ?? null, response_message_loading: body.type === 5, response_message_ephemeral: ((data.flags ?? 0) & 64) !== 0 },
      resource: message ? { type: body.type, message: fake.wire(message) } : { type: body.type },
    });
  }
  reply(204);
}

function interactionExtras(fake: FakeDiscord, interaction: PendingInteraction): Partial<StoredMessage> {
  return {
    webhook_id: fake.applicationId,
    application_id: fake.applicationId,
    type: interaction.type === 2 ? 20 : 0,
    interaction_metadata: {
      id: interaction.id,
      type: interaction.type,
      user: interaction.user,
      authorizing_integration_owners: { '0': fake.guildId },
      ...(interaction.messageId ? { interacted_message_id: interaction.messageId } : {}),
    },
  };
}

function webhook(fake: FakeDiscord, method: string, applicationId: string, token: string, target: string | undefined, body: MessageBody, reply: Reply): void {
  const interaction = fake.interactions.get(token);
  if (applicationId !== fake.applicationId || !interaction) return reply(404, { message: 'Unknown Webhook', code: 10015 });
  if (interaction.acknowledgedAt === undefined) return reply(400, { message: 'Interaction has not been acknowledged', code: 40060 });
  if (target === '@original' && method === 'GET') {
    const original = interaction.originalId ? fake.messages.get(interaction.originalId) : undefined;
    return original ? reply(200, fake.wire(original)) : reply(404, { message: 'Unknown Message', code: 10008 });
  }
  if (target === '@original' && method === 'DELETE') {
    const original = interaction.originalId ? fake.messages.get(interaction.originalId) : undefined;
    if (!original) return reply(404, { message: 'Unknown Message', code: 10008 });
    fake.messages.delete(original.id);
    fake.deleted.push(original);
    fake.dispatch('MESSAGE_DELETE', { id: original.id, channel_id: original.channel_id, guild_id: original.guild_id });
    return reply(204);
  }
  if (target === '@original' && method === 'PATCH') {
    const original = interaction.originalId ? fake.messages.get(interaction.originalId) : undefined;
    if (!original) return reply(404, { message: 'Unknown Message', code: 10008 });
    const problems = invalidFormBody(body);
    if (problems.length > 0) return reply(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
    if (body.content !== undefined) original.content = body.content;
    if (body.embeds !== undefined) original.embeds = body.embeds;
    if (body.components !== undefined) original.components = body.components;
    original.flags &= ~128;
    original.edits += 1;
    original.allowedMentions = body.allowed_mentions;
    original.pings = pingsFor(body, false);
    original.previews = linkPreviewsFor(original.content, original.flags);
    fake.dispatch('MESSAGE_UPDATE', fake.wire(original));
    return reply(200, fake.wire(original));
  }
  if (!target && method === 'POST') {
    const problems = invalidFormBody(body);
    if (problems.length > 0) return reply(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
    const message = fake.storeBotMessage(interaction.channelId, body, interactionExtras(fake, interaction));
    return reply(200, fake.wire(message));
  }
  reply(404, { message: `fake discord: no webhook route for ${method} ${target ?? ''}`, code: 0 });
}
interface InteractionCallbackBody {
  type: number;
  data?: unknown;
}
