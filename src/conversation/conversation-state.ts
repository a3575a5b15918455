import { z } from 'zod';

/**
 * What the core remembers of one thread between turns, so follow-ups ("and Iran?", "tell me more")
 * resolve against the previous answer. Plain JSON: a platform or a shared store (Redis) holds it.
 */
export const ConversationStateSchema = z.object({
  version: z.literal(1),
  /** Turns answered in this thread. */
  turns: z.number().int().nonnegative(),
  /** The last query the core answered (after follow-up resolution). */
  lastQuery: z.string().optional(),
  lastKind: z.string().optional(),
  /** The focus of the last answer: the document and section it quoted from. */
  documentId: z.string().optional(),
  sectionId: z.string().optional(),
  /** Passage ids already shown in this thread for the focused section (for "tell me more"). */
  shownPassageIds: z.array(z.string()).default([]),
  /** When the last answer was about a table: which table, rows and the column asked about. */
  tableId: z.string().optional(),
  rowIndexes: z.array(z.number().int()).default([]),
  columnIndex: z.number().int().optional(),
  /** The passage the last answer quoted first ("who said that", "source?" ask about it). */
  citedPassageId: z.string().optional(),
  /** Milliseconds since the epoch of the last turn (for idle expiry). */
  updatedAt: z.number().int().nonnegative(),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** A fresh state for a thread nobody has asked in yet. */
export function createConversationState(now = Date.now()): ConversationState {
  return { version: 1, turns: 0, shownPassageIds: [], rowIndexes: [], updatedAt: now };
}
