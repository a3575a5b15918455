import { resolve } from 'node:path';
import { pino } from 'pino';
import { createSlackAdapter, parseSlackConfig, type SlackAdapter } from '../../adapters/slack/index.js';
import { buildEngine, createMemoryConversationStore, createTalksService, loadContent, type ParsedDocument, type TalksService } from '../../src/index.js';
import { FakeResponseUrl } from './fake-response-url.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { SlackTestClient } from './slack-client.js';
import type { Where } from './slack-payloads.js';

export const TEST_BOT_TOKEN = 'xoxb-1111-2222-talkstesttoken';
export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const TEST_APP_TOKEN = 'xapp-1-A0TALKS-3333-talkstestapptoken';

export interface SlackHarness {
  api: FakeSlackApi;
  hooks: FakeResponseUrl;
  client: SlackTestClient;
  adapter: SlackAdapter;
  talks: TalksService;
  documents: ParsedDocument[];
  where: Where;
  baseUrl: string;
  /** Set in Socket Mode: the fake wss endpoint the app connected to. */
  socket?: FakeSocketMode;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  contentDir?: string;
  /** Wraps the real TalksService (e.g. to make it slow); the wrapped service still answers from the real engine. */
  wrapTalks?: (talks: TalksService) => TalksService;
  /** Connect over Socket Mode (SLACK_APP_TOKEN) to a fake Socket Mode endpoint instead of serving HTTP. */
  socketMode?: boolean;
  /** Receives every log line at debug level (otherwise logs are silent unless TALKS_TEST_LOG is set). */
  logLines?: string[];
}

/**
 * The real thing on loopback: the shipped articles, the real engine and TalksService, the real Bolt app
 * from createSlackAdapter on an ephemeral port, a fake Slack Web API (SLACK_API_URL) and response_url hooks.
 */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const socket = options.socketMode ? await new FakeSocketMode().start() : undefined;
  const api = await new FakeSlackApi({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN, ...(socket ? { socketUrl: () => socket.url } : {}) }).start();
  const hooks = await new FakeResponseUrl().start();
  const { documents } = await loadContent(resolve(options.contentDir ?? 'content'));
  const engine = buildEngine(documents);
  const base = createTalksService({ getEngine: () => engine, store: createMemoryConversationStore() });
  const talks = options.wrapTalks ? options.wrapTalks(base) : base;
  const config = parseSlackConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: api.url, ...(socket ? { SLACK_APP_TOKEN: TEST_APP_TOKEN } : {}), ...options.env });
  if (!config) throw new Error('harness: Slack config did not parse');
  const lines = options.logLines;
  const logger = lines
    ? pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) })
    : pino({ level: process.env.TALKS_TEST_LOG ?? 'silent' });
  const adapter = createSlackAdapter({ config, talks, logger, port: 0, host: '127.0.0.1', drainTimeoutMs: 2000 });
  await adapter.start();
  const baseUrl = `http://127.0.0.1:${adapter.port()}`;
  return {
    api,
    hooks,
    client: new SlackTestClient(baseUrl, TEST_SIGNING_SECRET),
    adapter,
    talks,
    documents,
    where: { teamId: api.teamId, channelId: 'C0POLITICS', userId: 'U0REPORTER' },
    baseUrl,
    ...(socket ? { socket } : {}),
    async close() {
      await adapter.stop();
      await Promise.all([api.close(), hooks.close(), socket?.close()]);
    },
  };
}

/** The real service, made slow by `delayMs()` per question: as when a shared conversation store is slow to answer. */
export function slowedTalks(delayMs: () => number): (talks: TalksService) => TalksService {
  return (talks) => ({
    ...talks,
    ask: async (input) => {
      const delay = delayMs();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return talks.ask(input);
    },
  });
}
