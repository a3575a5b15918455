/**
 * Request-to-ack time of the real Slack app: signed `/talks` slash commands over loopback HTTP to the Bolt
 * app from createSlackAdapter (real engine, shipped articles, fake Web API), timed from sending the request
 * to the end of the response, which carries the rendered answer. Also times mentions: event posted →
 * chat.postMessage received by the fake Web API. Prints figures; asserts nothing.
 *
 *   npm run bench:slack            # 300 requests
 *   npm run bench:slack -- 1000    # more
 */
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { eventEnvelope, mentionEvent, slashCommandFields } from '../test/slack/slack-payloads.js';
import { startSlackHarness } from '../test/slack/slack-harness.js';

export interface AckFigures {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mentionP50: number;
  mentionP99: number;
  answeredInAck: number;
  /** The same queries through TalksService.ask alone (no HTTP, no Bolt, no rendering), for comparison. */
  askP50: number;
  askP99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Queries to cycle through: the grammar's words plus the eval questions for the shipped content. */
async function loadQueries(): Promise<string[]> {
  const queries = ['positions', 'sections', 'help'];
  try {
    const lines = (await readFile(new URL('../eval/questions/us-iran-oman-talks.tune.jsonl', import.meta.url), 'utf8')).split('\n');
    for (const line of lines) if (line.trim()) queries.push((JSON.parse(line) as { q: string }).q);
  } catch {
    queries.push('what did the mediators do', 'tell me more');
  }
  return queries;
}

export async function runSlackAckBench(requests = 300): Promise<AckFigures> {
  const h = await startSlackHarness();
  try {
    const queries = await loadQueries();
    const send = (index: number) =>
      h.client.slashCommand(slashCommandFields({ ...h.where, userId: `U0BENCH${index % 25}` }, queries[index % queries.length] ?? 'help', h.hooks.newUrl()));
    for (let index = 0; index < 30; index += 1) await send(index); // warm-up
    const times: number[] = [];
    let answeredInAck = 0;
    for (let index = 0; index < requests; index += 1) {
      const res = await send(index);
      if (res.status !== 200) throw new Error(`ack status ${res.status}`);
      if (typeof res.body === 'object' && res.body && 'blocks' in res.body) answeredInAck += 1;
      times.push(res.ms);
    }
    const mentionTimes: number[] = [];
    for (let index = 0; index < Math.min(100, requests); index += 1) {
      const ts = h.api.nextTs();
      const started = performance.now();
      const before = h.api.callsTo('chat.postMessage').length;
      await h.client.event(eventEnvelope(h.where, mentionEvent(h.where, h.api.botUserId, queries[index % queries.length] ?? 'help', ts)));
      await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length > before, 10_000);
      mentionTimes.push(performance.now() - started);
    }
    const askTimes: number[] = [];
    for (let index = 0; index < requests; index += 1) {
      const started = performance.now();
      await h.talks.ask({ query: queries[index % queries.length] ?? 'help', threadKey: `bench:${index % 25}` });
      askTimes.push(performance.now() - started);
    }
    askTimes.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    mentionTimes.sort((a, b) => a - b);
    return {
      requests,
      p50: percentile(times, 50),
      p90: percentile(times, 90),
      p99: percentile(times, 99),
      max: times[times.length - 1] ?? Number.NaN,
      mentionP50: percentile(mentionTimes, 50),
      mentionP99: percentile(mentionTimes, 99),
      answeredInAck,
      askP50: percentile(askTimes, 50),
      askP99: percentile(askTimes, 99),
    };
  } finally {
    await h.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const requests = Number(process.argv[2] ?? 300) || 300;
  const figures = await runSlackAckBench(requests);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`slack /talks request→ack over loopback, ${figures.requests} signed requests (answer carried in the ack: ${figures.answeredInAck}/${figures.requests})`);
  console.log(`  p50 ${ms(figures.p50)}  p90 ${ms(figures.p90)}  p99 ${ms(figures.p99)}  max ${ms(figures.max)}  (Slack's limit: 3000 ms)`);
  console.log(`  of which the core (talks.ask alone, same queries): p50 ${ms(figures.askP50)}  p99 ${ms(figures.askP99)}`);
  console.log(`slack mention event→chat.postMessage: p50 ${ms(figures.mentionP50)}  p99 ${ms(figures.mentionP99)}`);
}
