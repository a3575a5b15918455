import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import type { TalksService } from '../../src/index.js';
import { createBoltLogger } from './bolt-logger.js';
import { createSeenSet } from './dedupe.js';
import { registerActions } from './handle-actions.js';
import { registerCommand } from './handle-command.js';
import { registerMessages } from './handle-messages.js';
import type { SlackConfig } from './slack-config.js';
import { describeError, SlackAdapterError, slackErrorCode, type SlackDeps } from './slack-deps.js';
import { createThreadMembership } from './thread-membership.js';

export interface SlackAdapterOptions {
  config: SlackConfig;
  talks: TalksService;
  /** A child of the one pino logger made in main.ts. */
  logger: Logger;
  /** HTTP port for `/slack/events` (HTTP mode); 0 picks a free one (tests). */
  port: number;
  /** Bolt custom routes served on the same HTTP server (/healthz, /readyz, /metrics). HTTP mode only. */
  customRoutes?: CustomRoute[];
  /** Interface to listen on (default: all). */
  host?: string;
  /** How long stop() waits for answers already acknowledged to be sent. */
  drainTimeoutMs?: number;
}

export interface SlackAdapter {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** True once the token is verified and events can arrive. */
  isReady(): boolean;
  /** The bound HTTP port (HTTP mode), 0 before start and in Socket Mode. */
  port(): number;
}

/** The HTTP path Slack posts events, commands and interactivity to (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The Slack app: Bolt in HTTP mode (Bolt's HTTPReceiver on `/slack/events`, which verifies every request's
 * signature and timestamp), or in Socket Mode when an app token is configured. Handlers translate Slack's
 * payloads into `talks.ask`, render the Answer as Block Kit and send it.
 *
 * @example
 * const slack = createSlackAdapter({ config, talks, logger: log.child({ platform: 'slack' }), port: 3000 });
 * await slack.start();
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, talks, logger } = options;
  const boltLogger = createBoltLogger(logger);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Fail a call within seconds rather than retrying for minutes: an answer that late is no use to the desk.
    retryConfig: { retries: 2, minTimeout: 100, maxTimeout: 1000 },
    timeout: 10_000,
  };
  const receiver = config.socketMode
    ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger: boltLogger, installerOptions: { clientOptions } })
    : new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: SLACK_EVENTS_PATH,
        port: options.port,
        customRoutes: options.customRoutes ?? [],
        logger: boltLogger,
        processBeforeResponse: false,
      });
  // convoStore: false — we keep thread state in the core's store; Bolt's own memory store only costs CPU per request.
  const app = new App({ token: config.botToken, receiver, logger: boltLogger, clientOptions, ignoreSelf: true, convoStore: false });

  const deps: SlackDeps = {
    config,
    talks,
    logger,
    seen: createSeenSet(),
    threads: createThreadMembership({ onLookupError: (error) => logger.debug(describeError(error), 'slack: thread lookup failed') }),
    bot: {},
  };
  const inFlight = new Set<Promise<unknown>>();

  // Everything is handled once: Slack's retries and Socket Mode redeliveries carry the same event_id (events)
  // or trigger_id (commands, button presses). A duplicate is acknowledged, so Slack stops resending, and dropped.
  app.use(async (args) => {
    const { body, context, next } = args;
    const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: unknown; trigger_id?: unknown };
    const key = typeof eventId === 'string' ? `event:${eventId}` : typeof triggerId === 'string' ? `trigger:${triggerId}` : undefined;
    if (key && deps.seen.seen(key)) {
      const ack = (args as { ack?: unknown }).ack;
      if (typeof ack === 'function') await (ack as () => Promise<void>)();
      logger.info({ key, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: duplicate ignored');
      return;
    }
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  registerCommand(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    logger.error(describeError((error as { original?: unknown }).original ?? error), 'slack: unhandled error in a listener');
  });

  let server: Server | undefined;
  let ready = false;
  // In Socket Mode, ready follows the websocket: not ready while it reconnects.
  let socketConnected = true;
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => {
      socketConnected = true;
    });
    receiver.client.on('reconnecting', () => {
      socketConnected = false;
      logger.warn('slack: Socket Mode connection lost, reconnecting');
    });
    receiver.client.on('disconnected', () => {
      socketConnected = false;
    });
  }
  return {
    app,
    async start() {
      try {
        const auth = await app.client.auth.test();
        deps.bot.userId = typeof auth.user_id === 'string' ? auth.user_id : undefined;
        deps.bot.botId = typeof auth.bot_id === 'string' ? auth.bot_id : undefined;
        logger.info({ team: auth.team_id, botUserId: auth.user_id }, 'slack: token verified');
      } catch (error) {
        const code = slackErrorCode(error);
        throw new SlackAdapterError(
          'talks_slack_auth',
          code
            ? `Slack refused SLACK_BOT_TOKEN (${code}): install the app to the workspace and copy its Bot User OAuth Token (xoxb-…)`
            : `Could not reach Slack's Web API to verify SLACK_BOT_TOKEN (${describeError(error).err}): check the network${config.apiUrl ? ' and SLACK_API_URL' : ''}`,
          { cause: error },
        );
      }
      if (config.socketMode) {
        try {
          await app.start();
        } catch (error) {
          // apps.connections.open refused the app token: say which token, and how to get a good one.
          const code = slackErrorCode(error);
          if (!code) throw error;
          throw new SlackAdapterError(
            'talks_slack_auth',
            `Slack refused SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope (Basic Information → App-Level Tokens) and turn Socket Mode on in the app's settings`,
            { cause: error },
          );
        }
        socketConnected = true;
        logger.info('slack: connected over Socket Mode');
      } else {
        const started = (await (receiver as HTTPReceiver).start(options.host ? { port: options.port, host: options.host } : options.port)) as Server;
        server = started;
        logger.info({ port: (started.address() as AddressInfo).port, path: SLACK_EVENTS_PATH }, 'slack: listening for HTTP requests');
      }
      ready = true;
    },
    async stop() {
      ready = false;
      try {
        if (config.socketMode) await app.stop();
        else if (server) await (receiver as HTTPReceiver).stop();
      } catch (error) {
        logger.warn(describeError(error), 'slack: error while stopping');
      }
      server = undefined;
      // Answers already acknowledged are still sent, within a bound.
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, options.drainTimeoutMs ?? 5000);
          }),
        ]);
        clearTimeout(timer);
      }
    },
    isReady: () => ready && socketConnected,
    port: () => {
      const address = server?.address();
      return address && typeof address === 'object' ? address.port : 0;
    },
  };
}
