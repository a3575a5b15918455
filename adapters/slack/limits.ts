/**
 * Slack's message limits, in one place. Every renderer budget comes from here; each constant links the
 * Slack page it comes from. Slack rejects a message that breaks one (`invalid_blocks`, `msg_too_long`,
 * `msg_blocks_too_long`), so the renderer stays under them and says when it had to cut.
 */

/** At most 50 blocks in one message. https://docs.slack.dev/reference/block-kit/blocks */
export const MAX_BLOCKS_PER_MESSAGE = 50;

/** A section block's `text` is at most 3,000 characters. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const MAX_SECTION_TEXT_CHARS = 3000;

/** A section block has at most 10 `fields`. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const MAX_SECTION_FIELDS = 10;

/** Each section field is at most 2,000 characters. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const MAX_SECTION_FIELD_CHARS = 2000;

/** A header block's plain text is at most 150 characters. https://docs.slack.dev/reference/block-kit/blocks/header-block */
export const MAX_HEADER_TEXT_CHARS = 150;

/** A context block has at most 10 elements. https://docs.slack.dev/reference/block-kit/blocks/context-block */
export const MAX_CONTEXT_ELEMENTS = 10;

/** A text object is at most 3,000 characters (context elements included). https://docs.slack.dev/reference/block-kit/composition-objects/text-object */
export const MAX_TEXT_OBJECT_CHARS = 3000;

/** An actions block has at most 25 elements. https://docs.slack.dev/reference/block-kit/blocks/actions-block */
export const MAX_ACTIONS_ELEMENTS = 25;

/** A button's label is at most 75 characters, its value at most 2,000. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const MAX_BUTTON_TEXT_CHARS = 75;
export const MAX_BUTTON_VALUE_CHARS = 2000;

/** A `block_id` / `action_id` is at most 255 characters. https://docs.slack.dev/reference/block-kit/blocks */
export const MAX_BLOCK_ID_CHARS = 255;

/**
 * The table block: one per message, at most 100 rows, at most 20 cells a row (and 20 column settings).
 * https://docs.slack.dev/reference/block-kit/blocks/table-block
 */
export const MAX_TABLE_BLOCKS_PER_MESSAGE = 1;
export const MAX_TABLE_ROWS = 100;
export const MAX_TABLE_COLUMNS = 20;
/** Our own cap on one cell (Slack documents none); a longer cell makes the renderer use the fields layout. */
export const MAX_TABLE_CELL_CHARS = MAX_SECTION_FIELD_CHARS;

/**
 * The top-level `text` is the notification and screen-reader fallback when blocks are sent. Slack truncates
 * `text` past 40,000 characters and recommends at most 4,000. https://docs.slack.dev/reference/methods/chat.postMessage#truncating
 */
export const MAX_FALLBACK_TEXT_CHARS = 4000;

/**
 * Slack also rejects messages whose blocks carry too much text in total (`msg_blocks_too_long`), at about
 * 13,000 characters, below any documented per-block limit: https://github.com/slackapi/bolt-js/issues/2509 .
 * We keep the sum of all block text under this budget.
 */
export const MAX_MESSAGE_BLOCK_TEXT_CHARS = 12000;

/**
 * Slack expects an acknowledgement within 3 seconds: https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands .
 * A slash command's answer rides in the ack when it is ready within this budget; otherwise the app acks
 * empty and sends the answer to `response_url`.
 */
export const ACK_ANSWER_BUDGET_MS = 1500;

/** A `response_url` works 5 times within 30 minutes. https://docs.slack.dev/interactivity/handling-user-interaction#message_responses */
export const RESPONSE_URL_MAX_USES = 5;
