import type { Answer } from '../answer/answer-schema.js';
import type { ConversationState } from '../conversation/conversation-state.js';

/** One loaded document, as the platforms may list it. */
export interface DocumentInfo {
  documentId: string;
  title: string;
  /** ISO 8601 date from front matter, else the file's last change. */
  asOf: string;
  url?: string;
  source?: string;
  sectionCount: number;
}

export interface EngineStats {
  documents: number;
  sections: number;
  passages: number;
  tables: number;
}

/** The result of one turn: the answer, and the thread's state to keep for the next turn. */
export interface Turn {
  answer: Answer;
  state: ConversationState;
}

/**
 * A built, immutable index over a set of documents. Build a new one to change content and swap it in whole.
 */
export interface Engine {
  /** Answers one query; `state` is the thread's previous state (omit for a fresh question). Never throws. */
  answer(query: string, state?: ConversationState): Turn;
  /** Runs a button's action token (from `Answer.actions`); an unknown or stale token gives `not_found`. */
  runAction(token: string): Answer;
  /**
   * Runs a button's action token as a turn of a thread's conversation: the answer `runAction` gives, and the
   * state after it, as if the equivalent follow-up ("tell me more", "positions") had been typed in the thread.
   */
  runActionTurn(token: string, state?: ConversationState): Turn;
  /** Completions for a partial query: section titles, `positions`, `sections`, `help`, table names. */
  suggest(prefix: string, limit?: number): string[];
  readonly documents: readonly DocumentInfo[];
  readonly stats: EngineStats;
}
