import type { Answer } from '../answer/answer-schema.js';
import type { ConversationStore } from '../conversation/conversation-store.js';
import type { ConversationState } from '../conversation/conversation-state.js';
import type { Engine, Turn } from './engine-types.js';

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
  /**
   * Runs a button's action token. With `threadKey` (the conversation of the message the button is on) the press
   * is a turn of that conversation, as typing the equivalent follow-up would be: "tell me more" afterwards goes
   * on after what the button showed.
   */
  runAction(token: string, threadKey?: string): Promise<Answer>;
  /**
   * Continues a conversation under a second key: for a thread whose key a platform learns only once the answer
   * that starts it is posted (a Slack message's ts). Resolves false when `fromKey` has no conversation.
   */
  copyConversation(fromKey: string, toKey: string): Promise<boolean>;
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
  /** One turn of a thread: its state read, the turn taken, the state after it kept. A failing store degrades to a fresh turn. */
  const takeTurn = async (threadKey: string, take: (previous: ConversationState | undefined) => Turn): Promise<Answer> => {
    let previous: ConversationState | undefined;
    try {
      previous = await store.get(threadKey);
    } catch (error) {
      onStoreError?.(error);
    }
    const turn = take(previous);
    try {
      await store.set(threadKey, turn.state);
    } catch (error) {
      onStoreError?.(error);
    }
    return turn.answer;
  };
  return {
    async ask({ query, threadKey }) {
      const engine = getEngine();
      if (!threadKey) return engine.answer(query).answer;
      return takeTurn(threadKey, (previous) => engine.answer(query, previous));
    },
    async runAction(token, threadKey) {
      const engine = getEngine();
      if (!threadKey) return engine.runAction(token);
      return takeTurn(threadKey, (previous) => engine.runActionTurn(token, previous));
    },
    async copyConversation(fromKey, toKey) {
      try {
        const state = await store.get(fromKey);
        if (!state) return false;
        await store.set(toKey, state);
        return true;
      } catch (error) {
        onStoreError?.(error);
        return false;
      }
    },
    suggest: (prefix, limit) => getEngine().suggest(prefix, limit),
    engine: getEngine,
  };
}
