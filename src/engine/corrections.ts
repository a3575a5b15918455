/**
 * A correction in a thread ("no, I meant Iran", "sorry, I meant the border checks", "I meant Serbia") is the
 * follow-up "and Iran?": the thread's question asked again with the corrected word in place, not a new
 * question about the words "no" and "meant". The phrasing is closed-class (no, sorry, I meant…).
 */

/** "no, i meant iran", "sorry i meant the fee", "i meant serbia", "no, make that norway", "not kosovo, serbia". */
const CORRECTION =
  /^(?:(?:no|nope|sorry|oops|actually|wait|ah|er|um)[,.!]*\s+)*(?:i\s+meant|i\s+mean|i\s+meant\s+to\s+say|make\s+that|i\s+was\s+asking\s+about|i\s+asked\s+about)\s+(.+?)[?!. ]*$|^(?:no|nope|sorry)[,.!]*\s+not\s+[^,]+,\s*(.+?)[?!. ]*$/;

/** The correction rewritten as the follow-up "and X", or undefined for any other question. */
export function correctionAsFollowUp(normalized: string): string | undefined {
  const match = CORRECTION.exec(normalized);
  const rest = (match?.[1] ?? match?.[2])?.trim();
  return rest ? `and ${rest}` : undefined;
}
