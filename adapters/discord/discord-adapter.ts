import { Client, Events, GatewayIntentBits, Options, Partials, Status } from 'discord.js';
import type { Logger } from 'pino';
import type { TalksService } from '../../src/index.js';
import { describeRegistrationFailure, putTalksCommand } from './command-registration.js';
import type { DiscordConfig } from './discord-config.js';
import { describeError, type HandlerContext } from './handler-context.js';
import { handleInteraction } from './interaction-handlers.js';
import { DEFER_AFTER_MS } from './limits.js';
import { handleMessage } from './message-handler.js';
import { createSeenIds } from './seen-ids.js';
import { createAnswerQueue } from './answer-queue.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  talks: TalksService;
  logger: Logger;
  /** Defer an interaction when its answer is not ready after this many ms (default DEFER_AFTER_MS). */
  deferAfterMs?: number;
  /** How long start() waits for the gateway's READY and the guilds (default 60 s). */
  readyTimeoutMs?: number;
}

export interface DiscordAdapter {
  client: Client;
  /** Logs in, waits until the bot is ready, registers `/talks` when DISCORD_REGISTER_COMMANDS is on. */
  start(): Promise<void>;
  /** Waits briefly for answers in flight, then closes the gateway connection. */
  stop(): Promise<void>;
  /** True while the gateway session is up. */
  isReady(): boolean;
}

/** How long stop() lets answers in flight finish. */
const STOP_GRACE_MS = 5000;

/**
 * The Discord bot: `/talks` with autocomplete and answer buttons, and follow-ups by reply or mention.
 * Needs only the non-privileged intents Guilds, GuildMessages and DirectMessages: Discord delivers the text
 * of messages that mention the bot (a reply with its ping on does) and of DMs without Message Content.
 *
 * @example
 * const discord = createDiscordAdapter({ config, talks, logger: log.child({ platform: 'discord' }) });
 * await discord.start();
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, talks, logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached until a message arrives in one.
    partials: [Partials.Channel],
    // Nothing a query or an article says may ping anyone; each payload sets this too.
    allowedMentions: { parse: [], repliedUser: false },
    // Reply chains are followed through the message cache; drop messages after a working day so a busy
    // server does not grow memory without bound (older chains are fetched over REST when needed).
    sweepers: { ...Options.DefaultSweeperSettings, messages: { interval: 3600, lifetime: 12 * 3600 } },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  const seen = createSeenIds();
  const inFlight = new Set<Promise<void>>();
  const context: HandlerContext = {
    config,
    talks,
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    botUserId: () => client.user?.id,
    firstTime: (id) => seen.firstTime(id),
    answers: createAnswerQueue(),
  };
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  client.on(Events.InteractionCreate, (interaction) => track(handleInteraction(context, interaction)));
  client.on(Events.MessageCreate, (message) => track(handleMessage(context, message)));
  client.on(Events.Error, (error) => logger.error({ code: 'discord_client_error', err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ code: 'discord_client_warning' }, message));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: 'discord_disconnected', closeCode: event.code, shardId }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway session resumed'));

  let started = false;
  return {
    client,
    async start() {
      if (started) return;
      started = true;
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('Discord: the gateway did not become ready in time; check DISCORD_TOKEN and the network')),
          options.readyTimeoutMs ?? 60_000,
        );
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      try {
        await client.login(config.token);
      } catch (error) {
        const status = (error as { status?: number; code?: string }).code === 'TokenInvalid' ? 'invalid token' : undefined;
        logger.error({ code: 'discord_login_failed', reason: status, err: describeError(error) }, 'discord login failed');
        await client.destroy();
        throw new Error(`Discord: login failed${status ? ' (DISCORD_TOKEN was rejected)' : ''}: ${(error as Error).message}`);
      }
      await ready;
      const applicationId = config.applicationId ?? client.application?.id;
      logger.info({ user: client.user?.tag, applicationId, guilds: client.guilds.cache.size }, 'discord ready');
      if (config.registerCommands) {
        if (!applicationId) throw new Error('Discord: no application id: set DISCORD_APPLICATION_ID');
        let result;
        try {
          result = await putTalksCommand(client.rest, applicationId, config.guildId);
        } catch (error) {
          // Discord's own words ("Missing Access") do not say which setting is wrong.
          throw new Error(`Discord: /talks was not registered (DISCORD_REGISTER_COMMANDS). ${describeRegistrationFailure(error)}`, { cause: error });
        }
        logger.info({ scope: result.scope, guildId: result.guildId, commands: result.commands }, 'discord commands registered');
      }
    },
    async stop() {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, STOP_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
      await client.destroy();
      logger.info('discord stopped');
    },
    isReady: () => client.isReady() && client.ws.status === Status.Ready,
  };
}
