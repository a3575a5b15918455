import { MAX_BLOCKS_PER_MESSAGE, MAX_CONTEXT_ELEMENTS, MAX_MESSAGE_BLOCK_TEXT_CHARS, MAX_TEXT_OBJECT_CHARS } from './limits.js';
import { truncateAtWord } from './text-split.js';

/** A Block Kit block as JSON; the renderers build plain objects and import nothing from Slack's SDK. */
export type SlackBlock = { type: string } & Record<string, unknown>;

/** Counts blocks and the text they carry so a message stays under Slack's per-message limits. */
export class BlockBudget {
  readonly blocks: SlackBlock[] = [];
  private textChars = 0;
  constructor(
    /** Blocks kept free for what must end the message (notices, what was cut, buttons). */
    private readonly reservedBlocks: number,
    private readonly reservedChars: number,
  ) {}

  /** Whether the blocks would fit, without adding them. */
  fits(...blocks: SlackBlock[]): boolean {
    if (this.blocks.length + blocks.length > MAX_BLOCKS_PER_MESSAGE - this.reservedBlocks) return false;
    const chars = blocks.reduce((sum, block) => sum + blockTextLength(block), 0);
    return this.textChars + chars <= MAX_MESSAGE_BLOCK_TEXT_CHARS - this.reservedChars;
  }

  /** Adds the blocks if they all fit, else adds none and returns false. */
  tryAdd(...blocks: SlackBlock[]): boolean {
    if (!this.fits(...blocks)) return false;
    this.blocks.push(...blocks);
    this.textChars += blocks.reduce((sum, block) => sum + blockTextLength(block), 0);
    return true;
  }

  /** Adds a closing block from the reserve. */
  addReserved(block: SlackBlock): void {
    this.blocks.push(block);
    this.textChars += blockTextLength(block);
  }
}

/** The characters of text a block carries (what Slack counts toward `msg_blocks_too_long`). */
export function blockTextLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (value && typeof value === 'object') {
    let sum = 0;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'text' || key === 'elements' || key === 'fields' || key === 'rows' || typeof item === 'object') sum += blockTextLength(item);
    }
    return sum;
  }
  return 0;
}

/** A section block of (already escaped) mrkdwn. */
export function sectionBlock(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A context block: small grey lines of (already escaped) mrkdwn. */
export function contextBlock(texts: readonly string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts.slice(0, MAX_CONTEXT_ELEMENTS).map((text) => ({ type: 'mrkdwn', text: truncateAtWord(text, MAX_TEXT_OBJECT_CHARS) })),
  };
}
