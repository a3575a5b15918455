import { afterEach, describe, expect, it } from 'vitest';
import { AnswerSchema, type AnswerKind, type TalksService } from '../../src/index.js';
import { createMetrics, withMetrics } from '../../adapters/runtime/metrics.js';
import { createOpsRoutes, startOpsServer, type OpsServer } from '../../adapters/runtime/ops-routes.js';

/** Answers with the kind named in the query ("kind:not_found"), so the counters can be checked. */
const kindService: TalksService = {
  async ask({ query }) {
    return AnswerSchema.parse({ query, kind: query.split(':')[1] as AnswerKind, text: query, citations: [] });
  },
  runAction: () => {
    throw new Error('not used');
  },
  copyConversation: () => {
    throw new Error('not used');
  },
  suggest: () => [],
  engine: () => {
    throw new Error('not used');
  },
};

function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const [series, value] = line.split(' ');
    if (series!.split('{')[0] !== name) continue;
    if (wanted.every((w) => series!.includes(w))) return Number(value);
  }
  return Number.NaN;
}

describe('ops endpoints and metrics', () => {
  let server: OpsServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('serves /healthz, /readyz (503 until ready, naming what is missing) and /metrics over HTTP', async () => {
    const metrics = createMetrics();
    let missing = ['content', 'discord'];
    server = await startOpsServer(createOpsRoutes({ registry: metrics.registry, notReady: () => missing }), 0, '127.0.0.1');
    const base = `http://127.0.0.1:${server.port()}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.text()).toContain('discord');
    missing = [];
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);

    const talks = withMetrics(kindService, metrics);
    await talks.ask({ query: 'kind:answer', platform: 'slack' });
    await talks.ask({ query: 'kind:answer', platform: 'slack' });
    await talks.ask({ query: 'kind:not_found', platform: 'discord' });
    await talks.ask({ query: 'kind:rate_limited', platform: 'slack' });
    metrics.reloads.inc({ result: 'ok' });
    metrics.rateLimited.inc({ platform: 'slack', scope: 'user' });

    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(metricValue(text, 'talks_answers_total', { platform: 'slack', kind: 'answer' })).toBe(2);
    expect(metricValue(text, 'talks_answers_total', { platform: 'discord', kind: 'not_found' })).toBe(1);
    expect(metricValue(text, 'talks_answers_total', { platform: 'slack', kind: 'rate_limited' })).toBe(1);
    expect(metricValue(text, 'talks_not_found_total', { platform: 'discord' })).toBe(1);
    expect(metricValue(text, 'talks_answer_duration_seconds_count', { platform: 'slack' })).toBe(3);
    expect(metricValue(text, 'talks_content_reloads_total', { result: 'ok' })).toBe(1);
    expect(metricValue(text, 'talks_rate_limited_total', { platform: 'slack', scope: 'user' })).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
