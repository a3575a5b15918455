import type { Logger } from 'pino';
import type { TalksService } from '../../src/index.js';
import type { SeenSet } from './dedupe.js';
import type { SlackConfig } from './slack-config.js';
import type { ThreadMembership } from './thread-membership.js';

/** What the handlers share: the core, the config, the log, and the adapter's small bits of memory. */
export interface SlackDeps {
  config: SlackConfig;
  talks: TalksService;
  logger: Logger;
  /** Keys of things already answered (events, messages, shares). */
  seen: SeenSet;
  threads: ThreadMembership;
  /** The bot's own ids, from auth.test at start. */
  bot: { userId?: string; botId?: string };
}

/** Error codes the Slack adapter logs. */
export type SlackErrorCode = 'talks_slack_auth' | 'talks_slack_answer' | 'talks_slack_send' | 'talks_slack_action';

/** An error with a code for the log, and a message that says what to do. */
export class SlackAdapterError extends Error {
  readonly code: SlackErrorCode;
  constructor(code: SlackErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackAdapterError';
    this.code = code;
  }
}

/** What the user sees when something failed on our side. */
export const SORRY_TEXT = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/** The Slack Web API error code (`invalid_blocks`, `not_in_channel`…) inside a WebClient error, if any. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** A log-safe description of an error: its code and message, never request data (which may hold tokens). */
export function describeError(error: unknown): { code?: string; err: string } {
  const code = slackErrorCode(error) ?? (error as { code?: unknown } | undefined)?.code;
  return { ...(typeof code === 'string' ? { code } : {}), err: error instanceof Error ? error.message : String(error) };
}
