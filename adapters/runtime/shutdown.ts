import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

export interface ShutdownOptions {
  logger: Logger;
  /** The whole shutdown must end within this; past it the process exits with code 1. */
  timeoutMs: number;
  /** Run in order: stop taking work, drain, close connections. A failing step is logged and the next runs. */
  steps: () => ShutdownStep[];
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * Installs SIGTERM/SIGINT handlers that run the shutdown steps once, then exit 0 (or 1 when a step
 * failed or the deadline passed). A second signal exits at once.
 * Returns the function that runs the shutdown (also used when the console chat ends).
 */
export function installShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (reason: string): Promise<void> => {
    if (shuttingDown) return shuttingDown;
    const started = Date.now();
    options.logger.info({ reason }, 'shutting down: no new work, finishing what is in flight');
    const deadline = setTimeout(() => {
      options.logger.error({ code: 'talks_shutdown_timeout', ms: options.timeoutMs }, 'shutdown did not finish in time, exiting');
      exit(1);
    }, options.timeoutMs);
    deadline.unref();
    shuttingDown = (async () => {
      let failed = false;
      for (const step of options.steps()) {
        try {
          await step.run();
        } catch (error) {
          failed = true;
          options.logger.error({ code: 'talks_shutdown_step', step: step.name, err: error }, `shutdown step failed: ${step.name}`);
        }
      }
      clearTimeout(deadline);
      options.logger.info({ ms: Date.now() - started }, 'shut down');
      exit(failed ? 1 : 0);
    })();
    return shuttingDown;
  };

  for (const signal of signals) {
    process.on(signal, () => {
      if (shuttingDown) {
        options.logger.warn({ signal }, 'second signal: exiting now');
        exit(1);
        return;
      }
      void shutdown(signal);
    });
  }
  return shutdown;
}
