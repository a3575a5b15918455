/**
 * Asking for a quote ("any quotes from sudan", "give me a quote on the speed limit", "who was quoted on
 * mining"): the words "quote", "quoted", "soundbite" ask for the form of the answer (someone's words in
 * quotation marks), never for a word the articles must use.
 */

export interface QuoteRequest {
  /** The question as the engine asks it: "what did sudan say about the fee", or the topic alone. */
  text: string;
  /** With no speaker named, the answer must hold a quotation. */
  needsQuotation: boolean;
}

const QUOTE_WORD = String.raw`(?:quotes?|quotations?|quoted|soundbites?|sound bites?|comments?|reactions?)`;
const LEAD = String.raw`^(?:(?:can|could) you |please |pls )?(?:(?:give|get|find|show|send|pull) (?:me |us )?|i need |need |got |have we got |do we have |are there |is there |what are (?:the )?|best |any |some |a |the )*`;
const TOPIC = String.raw`(?:on|about|regarding|over|re)\s+(?:the\s+)?(.+?)`;
const END = String.raw`(?: please| pls)?[?!. ]*$`;

/** "quote(s) from X (on Y)", "X quotes (on Y)": a speaker named. */
const FROM_SPEAKER = new RegExp(`${LEAD}(?:a |an |any |some |the )?${QUOTE_WORD}\\s+(?:from|by|of)\\s+(?:the\\s+)?(.+?)(?:\\s+${TOPIC})?${END}`);
/** "quote(s) on Y", "who was quoted on Y", "any quotes": no speaker. */
const ON_TOPIC = new RegExp(`${LEAD}(?:a |an |any |some |the )?${QUOTE_WORD}(?:\\s+${TOPIC})?${END}`);
const WHO_QUOTED = new RegExp(`^who (?:was|is|were|are|got|gets|has been|have been) quoted(?:\\s+${TOPIC})?${END}`);

/** The quote a question asks for, or undefined when it asks for none. */
export function quoteRequest(normalized: string): QuoteRequest | undefined {
  const fromSpeaker = FROM_SPEAKER.exec(normalized);
  if (fromSpeaker?.[1]) return { text: `what did ${fromSpeaker[1]} say${fromSpeaker[2] ? ` about ${fromSpeaker[2]}` : ''}`, needsQuotation: false };
  const onTopic = WHO_QUOTED.exec(normalized) ?? ON_TOPIC.exec(normalized);
  if (onTopic) return { text: onTopic[1] ?? '', needsQuotation: true };
  return undefined;
}

/** Someone's words in quotation marks: at least three words between double quotes (straight or curly) or curly single ones. */
const QUOTATION = /[“"]\s*[^“”"]*?\S+\s+\S+\s+\S+[^“”"]*[”"]|(?:^|[\s(—–-])‘[^‘’]*?\S+\s+\S+\s+\S+[^‘]*?’(?=[\s,.;:!?)—–-]|$)/u;
/** A quote running on from the sentence before: words then a closing mark, with no opening one ("…for last,” she said."). */
const QUOTE_CLOSING = /^[^“"‘]*?\S+\s+\S+\s+\S+[^“"‘]*[,.!?]\s*[”"’]/u;

/** Whether a passage holds someone's words in quotation marks. */
export function holdsQuotation(text: string): boolean {
  return QUOTATION.test(text) || QUOTE_CLOSING.test(text);
}
