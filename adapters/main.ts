/**
 * The composition root: `npm start` and the Docker image run this. Reads the configuration once, makes the
 * one logger, starts every platform whose credentials are set (the console chat when none is), serves
 * /healthz, /readyz and /metrics on PORT, and shuts down cleanly on SIGTERM/SIGINT.
 */
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, findSecretValues } from './runtime/logger.js';
import { installShutdown } from './runtime/shutdown.js';
import { startApp } from './start-app.js';

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    // One line, no values: ConfigError's message names the variables only.
    process.stderr.write(`${error instanceof ConfigError ? error.message : `talks: ${(error as Error).message}`}\n`);
    process.exit(2);
  }
  const consoleMode = !config.slack && !config.discord;
  const logger = createLogger({
    level: config.logLevel,
    secrets: findSecretValues(env),
    // The console chat owns stdout; its logs go to stderr.
    ...(consoleMode ? { destination: pino.destination({ dest: 2, sync: true }) } : {}),
  });
  const exit = (code: number) => {
    logger.flush();
    process.exit(code);
  };
  // A library promise nobody awaits (e.g. a token check a SDK starts on its own) must still end in one
  // scrubbed log line, not a raw stack on stderr.
  process.on('unhandledRejection', (reason) => {
    const err = reason as Error & { code?: string };
    logger.fatal({ code: err?.code ?? 'talks_unhandled', err }, `unhandled rejection: ${err?.message ?? String(reason)}`);
    exit(1);
  });

  let app;
  try {
    app = await startApp({ config, logger });
  } catch (error) {
    const err = error as Error & { code?: string };
    logger.fatal({ code: err.code ?? 'talks_start', err }, `cannot start: ${err.message}`);
    exit(1);
    return;
  }
  const shutdown = installShutdown({ logger, timeoutMs: Math.min(config.shutdownTimeoutMs + 1_000, 9_800), steps: app.shutdownSteps, exit });
  const port = app.port();
  logger.info(
    { live: app.live, port, store: config.redisUrl ? 'redis' : 'memory', contentDir: config.contentDir, documents: app.content.getEngine().documents.length },
    `live: ${app.live.join(' + ')}${port !== undefined ? ` (http on :${port}: /healthz /readyz /metrics${app.live.includes('slack') ? ' /slack/events' : ''})` : ''}`,
  );
  await app.finished;
  await shutdown('console chat ended');
}

await main(process.env);
