/**
 * The load bench's floor: the same framework path as the bot's Slack endpoint with none of the bot's work.
 * A Bolt App on the same HTTPReceiver settings (signature and timestamp checks on `/slack/events`, the ack
 * sent as the HTTP response) whose one `/talks` listener acks with a reply rendered before the run, by the
 * bot's own renderer, for the same query. No engine, no rendering, no conversation state, no rate limit,
 * no metrics, no log line per request. What this costs under the same load is what Bolt, Node's HTTP server and
 * this machine cost; the bot's figures can only sit above it.
 *
 * Started by bench/load-slack.ts as a child process (`node --import tsx bench/bolt-floor-app.ts`), with
 * SLACK_SIGNING_SECRET, TALKS_CONTENT_DIR and BENCH_FLOOR_QUERIES (a JSON array) in its environment. Prints one
 * JSON line `{"msg":"live: floor","port":…}` when it listens; serves `process_cpu_seconds_total` on /metrics.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import bolt from '@slack/bolt';
import { commandResponse } from '../adapters/slack/handle-command.js';
import { buildEngine, loadContent } from '../src/index.js';

const { App, HTTPReceiver, LogLevel } = bolt;

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
const queries = JSON.parse(process.env.BENCH_FLOOR_QUERIES ?? '[]') as string[];
const { documents } = await loadContent(process.env.TALKS_CONTENT_DIR ?? 'content');
const engine = buildEngine(documents);
const config = { answerVisibility: 'in_channel' as const };
// Each query's reply, rendered once now; a query not in the list gets the first one's.
const replies = new Map(queries.map((query) => [query, commandResponse(engine.answer(query).answer, { config } as Parameters<typeof commandResponse>[1])]));
const fallback = replies.values().next().value;

const receiver = new HTTPReceiver({
  signingSecret,
  endpoints: '/slack/events',
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        const used = process.cpuUsage();
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`process_cpu_seconds_total ${(used.user + used.system) / 1e6}\n`);
      },
    },
  ],
});
// A fixed authorization: the bot verifies its token once at start (auth.test); the floor has no Web API to ask.
const app = new App({
  receiver,
  authorize: async () => ({ botToken: 'xoxb-floor', botId: 'BFLOOR', botUserId: 'UFLOOR' }),
  ignoreSelf: true,
  convoStore: false,
  logLevel: LogLevel.ERROR,
});
app.command('/talks', async ({ command, ack }) => {
  await ack(replies.get(command.text) ?? fallback);
});

const server = (await receiver.start(0)) as Server;
process.stdout.write(`${JSON.stringify({ msg: 'live: floor', port: (server.address() as AddressInfo).port })}\n`);
process.on('SIGTERM', () => {
  void receiver.stop().finally(() => process.exit(0));
});
