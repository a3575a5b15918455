import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TalksService } from '../../src/index.js';

/** The bot's Prometheus metrics, in a registry of its own (tests can make several). See docs/operations.md. */
export interface TalksMetrics {
  registry: Registry;
  answers: Counter<'platform' | 'kind'>;
  answerSeconds: Histogram<'platform'>;
  notFound: Counter<'platform'>;
  rateLimited: Counter<'platform' | 'scope'>;
  reloads: Counter<'result'>;
  reloadFailures: Counter;
  contentDocuments: Gauge;
  contentProblems: Gauge;
  storeErrors: Counter;
  askErrors: Counter<'platform'>;
}

export interface CreateMetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag). Default true. */
  defaultMetrics?: boolean;
}

export function createMetrics(options: CreateMetricsOptions = {}): TalksMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    answers: new Counter({ name: 'talks_answers_total', help: 'Answers given, by platform and answer kind.', labelNames: ['platform', 'kind'], registers }),
    answerSeconds: new Histogram({
      name: 'talks_answer_duration_seconds',
      help: 'Time to answer one question (state read, engine, state write), by platform.',
      labelNames: ['platform'],
      // The engine answers in milliseconds; the top buckets catch a slow store.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    notFound: new Counter({ name: 'talks_not_found_total', help: 'Questions the articles do not cover (answer kind not_found).', labelNames: ['platform'], registers }),
    rateLimited: new Counter({
      name: 'talks_rate_limited_total',
      help: 'Questions refused because a user or channel asked too fast, by platform and scope (user|channel).',
      labelNames: ['platform', 'scope'],
      registers,
    }),
    reloads: new Counter({ name: 'talks_content_reloads_total', help: 'Content reloads, by result (ok|failed).', labelNames: ['result'], registers }),
    reloadFailures: new Counter({
      name: 'talks_content_reload_failures_total',
      help: 'Content reloads that failed (the previous index kept serving) or files that failed to parse (their last good version kept serving).',
      registers,
    }),
    contentDocuments: new Gauge({ name: 'talks_content_documents', help: 'Documents in the index answering now.', registers }),
    contentProblems: new Gauge({ name: 'talks_content_problems', help: 'Files in the content folder that failed to parse at the last reload.', registers }),
    storeErrors: new Counter({ name: 'talks_conversation_store_errors_total', help: 'Conversation store reads/writes that failed (follow-ups degraded to fresh questions).', registers }),
    askErrors: new Counter({ name: 'talks_ask_errors_total', help: 'Questions that failed with an error (should stay 0).', labelNames: ['platform'], registers }),
  };
}

/**
 * Decorates a TalksService so every answer is counted by platform and kind, and timed.
 *
 * @example
 * const talks = withMetrics(createTalksService({ getEngine, store }), metrics);
 */
export function withMetrics(talks: TalksService, metrics: TalksMetrics): TalksService {
  return {
    ...talks,
    async ask(input) {
      const platform = input.platform ?? 'unknown';
      const stop = metrics.answerSeconds.startTimer({ platform });
      try {
        const answer = await talks.ask(input);
        metrics.answers.inc({ platform, kind: answer.kind });
        if (answer.kind === 'not_found') metrics.notFound.inc({ platform });
        return answer;
      } catch (error) {
        metrics.askErrors.inc({ platform });
        throw error;
      } finally {
        stop();
      }
    },
  };
}
