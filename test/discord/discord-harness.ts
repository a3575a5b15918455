/**
 * Starts the real bot (createDiscordAdapter → discord.js) against the fake Discord, with the real core over
 * a real content folder. Logs are captured so tests can check what was logged (and that no secret was).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  buildEngine,
  createMemoryConversationStore,
  createTalksService,
  loadContent,
  type ConversationState,
  type ConversationStore,
  type ParsedDocument,
  type TalksService,
} from '../../src/index.js';
import { createDiscordAdapter, parseDiscordConfig, type DiscordAdapter } from '../../adapters/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord-server.js';

export const TEST_TOKEN = 'MTAxNTk5NzQ1NjY3ODU4ODQ0OQ.GfakeT.test-token-that-must-never-be-logged-0123';

/** A store that records the thread keys it is asked for and can be made slow (to force a deferred reply). */
export interface ObservedStore extends ConversationStore {
  keys: string[];
  delayMs: number;
  get(threadKey: string): Promise<ConversationState | undefined>;
}

function observedStore(): ObservedStore {
  const inner = createMemoryConversationStore({ maxThreads: 1000, idleTtlMs: 3_600_000 });
  const store: ObservedStore = {
    keys: [],
    delayMs: 0,
    async get(threadKey) {
      store.keys.push(threadKey);
      if (store.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, store.delayMs));
      return inner.get(threadKey);
    },
    set: (threadKey, state) => inner.set(threadKey, state),
  };
  return store;
}

export interface BotHarness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  talks: TalksService;
  store: ObservedStore;
  documents: ParsedDocument[];
  logs: string[];
  close(): Promise<void>;
}

export async function startBot(options: {
  contentDir: string;
  env?: Record<string, string>;
  deferAfterMs?: number;
  /** Decorates the service the bot gets, as the composition root does (rate limits). */
  wrapTalks?: (talks: TalksService) => TalksService;
}): Promise<BotHarness> {
  const { documents, problems } = await loadContent(options.contentDir);
  if (problems.length > 0) throw new Error(`test content has problems: ${JSON.stringify(problems)}`);
  const engine = buildEngine(documents);
  const store = observedStore();
  const service = createTalksService({ getEngine: () => engine, store });
  const talks = options.wrapTalks ? options.wrapTalks(service) : service;
  const fake = await startFakeDiscord({ token: TEST_TOKEN, heartbeatIntervalMs: 500 });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const config = parseDiscordConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl, ...options.env });
  if (!config) throw new Error('config expected');
  const adapter = createDiscordAdapter({ config, talks, logger, deferAfterMs: options.deferAfterMs ?? 400, readyTimeoutMs: 20_000 });
  try {
    await adapter.start();
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    adapter,
    talks,
    store,
    documents,
    logs,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
