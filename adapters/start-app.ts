import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createMemoryConversationStore, createTalksService, type ConversationStore, type TalksService } from '../src/index.js';
import { runConsoleChat } from './cli/index.js';
import type { TalksConfig } from './config.js';
import { createDiscordAdapter } from './discord/index.js';
import { createSlackAdapter } from './slack/index.js';
import { createRedisConversationStore, type RedisConversationStore } from './store/redis-conversation-store.js';
import { createContentReloader, type ContentReloader } from './runtime/content-reloader.js';
import { createInflightTracker, withInflight } from './runtime/inflight.js';
import { createMetrics, withMetrics, type TalksMetrics } from './runtime/metrics.js';
import { createOpsRoutes, startOpsServer, type OpsServer } from './runtime/ops-routes.js';
import { withRateLimit } from './runtime/rate-limit.js';
import type { ShutdownStep } from './runtime/shutdown.js';

export interface StartAppOptions {
  config: TalksConfig;
  logger: Logger;
  /** For the console chat when no platform is configured (default: process stdin/stdout). */
  consoleIo?: { input: Readable; output: Writable & { isTTY?: boolean; columns?: number } };
  /** Bind host for the ops server (default all interfaces, as a container needs). */
  host?: string;
}

export interface RunningApp {
  /** Platforms answering: 'slack', 'discord', or 'console'. */
  live: string[];
  talks: TalksService;
  metrics: TalksMetrics;
  content: ContentReloader;
  store: ConversationStore;
  /** The port /healthz, /readyz, /metrics (and Slack's /slack/events) listen on; undefined in console mode without PORT. */
  port(): number | undefined;
  /** What is not ready yet (empty when ready). */
  notReady(): string[];
  /** Resolves when the console chat ends (never, on platforms: they run until shutdown). */
  finished: Promise<void>;
  /** Stop taking work, drain, close connections, in that order. */
  shutdownSteps(): ShutdownStep[];
  stop(): Promise<void>;
}

/** Does Slack serve its events over HTTP on PORT (rather than over a Socket Mode websocket)? */
function slackServesHttp(config: TalksConfig): boolean {
  return Boolean(config.slack && !config.slack.socketMode);
}

/**
 * The composition: content (hot-reloaded), conversation store (Redis or memory), the TalksService wrapped in
 * rate limits, metrics and in-flight tracking, the ops endpoints, and every configured platform, or the
 * console chat when none is.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const metrics = createMetrics();
  const content = createContentReloader({
    dir: config.contentDir,
    ...(config.indexCacheDir ? { cacheDir: config.indexCacheDir } : {}),
    logger: logger.child({ component: 'content' }),
    metrics,
    maxQueryChars: config.maxQueryChars,
    debounceMs: config.reloadDebounceMs,
  });
  await content.reload('startup');
  await content.watch();

  let redis: RedisConversationStore | undefined;
  const store: ConversationStore = config.redisUrl
    ? (redis = createRedisConversationStore({
        url: config.redisUrl,
        idleTtlMs: config.conversation.idleTtlMs,
        logger: logger.child({ component: 'redis' }),
        onError: () => metrics.storeErrors.inc(),
      }))
    : createMemoryConversationStore(config.conversation);

  const inflight = createInflightTracker();
  const core = createTalksService({
    getEngine: content.getEngine,
    store,
    onStoreError: (error) => {
      metrics.storeErrors.inc();
      logger.warn({ code: 'talks_store_error', err: error }, 'conversation store failed; answering as a fresh question');
    },
  });
  // Outermost first: in-flight tracking sees everything, metrics count rate-limited answers too.
  const talks = withInflight(
    withMetrics(
      withRateLimit(core, {
        ...config.rateLimit,
        maxQueryChars: config.maxQueryChars,
        onLimited: (scope, input) => metrics.rateLimited.inc({ platform: input.platform ?? 'unknown', scope }),
      }),
      metrics,
    ),
    inflight,
  );

  let stopping = false;
  const readiness: Array<() => string | undefined> = [
    () => (stopping ? 'shutting down' : undefined),
    () => (content.isLoaded() ? undefined : 'content'),
  ];
  const notReady = () => readiness.map((check) => check()).filter((x): x is string => x !== undefined);
  const routes = createOpsRoutes({ registry: metrics.registry, notReady });

  const live: string[] = [];
  const stopPlatforms: ShutdownStep[] = [];
  let opsServer: OpsServer | undefined;
  let slackPort: (() => number) | undefined;

  try {
    if (config.slack) {
      const slack = createSlackAdapter({
        config: config.slack,
        talks,
        logger: logger.child({ platform: 'slack' }),
        port: config.port,
        customRoutes: routes,
        ...(options.host ? { host: options.host } : {}),
        drainTimeoutMs: Math.max(1_000, config.shutdownTimeoutMs - 2_000),
      });
      await slack.start();
      live.push('slack');
      readiness.push(() => (slack.isReady() ? undefined : 'slack'));
      if (slackServesHttp(config)) slackPort = () => slack.port();
      // Its HTTP server stops accepting, then answers already acknowledged are sent.
      stopPlatforms.push({ name: 'slack', run: () => slack.stop() });
    }
    if (!slackPort && (config.slack || config.discord || config.portSet)) {
      opsServer = await startOpsServer(routes, config.port, options.host);
      stopPlatforms.push({ name: 'ops server', run: () => opsServer!.stop() });
    }
    if (config.discord) {
      const discord = createDiscordAdapter({ config: config.discord, talks, logger: logger.child({ platform: 'discord' }) });
      await discord.start();
      live.push('discord');
      readiness.push(() => (discord.isReady() ? undefined : 'discord'));
      // Its stop() lets the interactions in flight reply before closing the gateway.
      stopPlatforms.push({ name: 'discord', run: () => discord.stop() });
    }
  } catch (error) {
    // A platform that cannot start stops the process; close what did start so nothing keeps it alive.
    await Promise.allSettled(stopPlatforms.map((step) => step.run()));
    await content.stop();
    await store.close?.();
    throw error;
  }

  let finished: Promise<void> = new Promise<void>(() => undefined);
  const abort = new AbortController();
  if (live.length === 0) {
    live.push('console');
    const io = options.consoleIo ?? { input: process.stdin, output: process.stdout };
    finished = runConsoleChat({ talks, input: io.input, output: io.output, documents: content.getEngine().documents, signal: abort.signal });
  }

  const shutdownSteps = (): ShutdownStep[] => [
    {
      // /readyz turns 503 first, so a load balancer stops routing here while the rest shuts down.
      name: 'stop taking work',
      run: async () => {
        stopping = true;
        abort.abort();
      },
    },
    {
      // In parallel, so the deadline is the slowest platform's, not their sum.
      name: stopPlatforms.map((step) => step.name).join(' + ') || 'no platforms',
      run: async () => {
        const results = await Promise.allSettled(stopPlatforms.map((step) => step.run()));
        const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${stopPlatforms[i]!.name}: ${(r.reason as Error)?.message}`] : []));
        if (failed.length > 0) throw new Error(failed.join('; '));
      },
    },
    {
      name: 'drain',
      run: async () => {
        const pending = inflight.count();
        const drained = await inflight.drain(Math.max(1_000, config.shutdownTimeoutMs - 2_000));
        if (!drained) throw new Error(`${inflight.count()} of ${pending} questions still in flight`);
      },
    },
    { name: 'content watcher', run: () => content.stop() },
    { name: 'conversation store', run: async () => store.close?.() },
  ];

  if (redis) {
    // Not a readiness condition: without Redis the bot still answers (follow-ups degrade), so it stays in rotation.
    await redis.waitUntilReady(2_000).catch(() => undefined);
  }

  return {
    live,
    talks,
    metrics,
    content,
    store,
    port: () => slackPort?.() ?? opsServer?.port(),
    notReady,
    finished,
    shutdownSteps,
    async stop() {
      for (const step of shutdownSteps()) await step.run().catch((error: unknown) => logger.warn({ err: error, step: step.name }, 'stop step failed'));
    },
  };
}
