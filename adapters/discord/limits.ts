/**
 * Discord's hard limits, in one place. A payload past any of these is rejected whole (HTTP 400), so the
 * renderer splits long answers at passage or row boundaries instead.
 */

/** Characters of a message's `content`. https://discord.com/developers/docs/resources/message#create-message-jsonform-params */
export const MESSAGE_CONTENT_MAX = 2000;

/** Embeds per message. https://discord.com/developers/docs/resources/message#create-message-jsonform-params */
export const MESSAGE_EMBEDS_MAX = 10;

/** Embed limits. https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_TEXT_MAX = 2048;
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Sum of every title, description, field name and value, footer text and author name across a message's embeds. */
export const MESSAGE_EMBEDS_TOTAL_MAX = 6000;
/** Embed and link URLs. https://discord.com/developers/docs/resources/message#embed-object */
export const EMBED_URL_MAX = 2048;

/** Components. https://discord.com/developers/docs/components/reference#action-row */
export const ACTION_ROWS_MAX = 5;
export const BUTTONS_PER_ROW_MAX = 5;
/** https://discord.com/developers/docs/components/reference#button */
export const BUTTON_LABEL_MAX = 80;
/** https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id */
export const CUSTOM_ID_MAX = 100;

/** Autocomplete answers. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
/** Choice name and value lengths. https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure */
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;

/** A slash-command string option may be up to 6,000 characters; we ask for less (the core cuts long queries anyway). https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure */
export const QUERY_OPTION_MAX_LENGTH = 500;

/**
 * An interaction must be answered (replied or deferred) within 3 seconds or its token stops working.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 */
export const INTERACTION_ACK_DEADLINE_MS = 3000;
/** We defer when the answer is not ready by then: well inside the deadline, leaving room for the network. */
export const DEFER_AFTER_MS = 1200;

// Our own choices, not Discord's: keep a channel readable.

/** Messages one answer may take (the first plus follow-ups); anything more is cut with a note. */
export const MESSAGES_PER_ANSWER_MAX = 3;
/** Widest aligned table line that still reads unwrapped in a phone's code block; wider tables go to fields. */
export const CODE_TABLE_WIDTH_MAX = 56;
/** How much of the user's query the answer echoes back. */
export const ECHOED_QUERY_MAX = 200;
