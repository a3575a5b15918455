import type { Answer } from '../answer/answer-schema.js';
import type { ConversationStore } from '../conversation/conversation-store.js';
import type { Engine } from './engine-types.js';

/** One question from a platform. `threadKey` names the conversation follow-ups belong to. */
export interface AskInput {
  query: string;
  /** e.g. `slack:T1:C1:1700000000.000100` or `discord:123:456`; omit for a one-off question. */
  threadKey?: string;
  /** Who asked and where, for rate limits and metrics at the edge; the core ignores them. */
  platform?: string;
  userId?: string;
  channelId?: string;
}

/** What adapters call: answers a query in its thread, reading and writing the thread's state. */
export interface TalksService {
  ask(input: AskInput): Promise<Answer>;
  runAction(token: string): Answer;
  suggest(prefix: string, limit?: number): string[];
  /** The engine answering right now (it changes when content is reloaded). */
  engine(): Engine;
}

export interface TalksServiceOptions {
  /** Returns the current engine; called per request so a reload swaps it in whole. */
  getEngine: () => Engine;
  store: ConversationStore;
  /** Called when the store fails; the answer then treats the query as a fresh question. */
  onStoreError?: (error: unknown) => void;
}

/**
 * Ties an engine and a conversation store together for the adapters.
 *
 * @example
 * const talks = createTalksService({ getEngine: () => engine, store: createMemoryConversationStore() });
 * const answer = await talks.ask({ query: 'and Iran?', threadKey: 'slack:T1:C1:123.4' });
 */
export function createTalksService(options: TalksServiceOptions): TalksService {
  const { getEngine, store, onStoreError } = options;
  return {
    async ask({ query, threadKey }) {
      const engine = getEngine();
      if (!threadKey) return engine.answer(query).answer;
      let previous;
      try {
        previous = await store.get(threadKey);
      } catch (error) {
        onStoreError?.(error);
      }
      const turn = engine.answer(query, previous);
      try {
        await store.set(threadKey, turn.state);
      } catch (error) {
        onStoreError?.(error);
      }
      return turn.answer;
    },
    runAction: (token) => getEngine().runAction(token),
    suggest: (prefix, limit) => getEngine().suggest(prefix, limit),
    engine: getEngine,
  };
}
