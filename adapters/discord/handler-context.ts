import type { Logger } from 'pino';
import type { Answer, TalksService } from '../../src/index.js';
import type { AnswerQueue } from './answer-queue.js';
import type { DiscordConfig } from './discord-config.js';
import type { DiscordMessagePayload } from './discord-payload.js';
import { noMentions } from './discord-payload.js';
import { findLimitProblems } from './payload-limits.js';
import { HELP_FOLLOW_UP_LINE, renderAnswerMessages, type RenderOptions } from './render-message.js';

/** What the gateway handlers share. */
export interface HandlerContext {
  config: DiscordConfig;
  talks: TalksService;
  logger: Logger;
  /** Defer an interaction when its answer is not ready after this long. */
  deferAfterMs: number;
  /** The bot's own user id once READY has arrived. */
  botUserId(): string | undefined;
  /** False for an event id seen before (gateway replays). */
  firstTime(id: string): boolean;
  /** Where answers are computed, a few at a time (see answer-queue.ts). */
  answers: AnswerQueue;
}

export const SORRY_TEXT = 'Sorry — something went wrong while answering. Please try again in a moment.';

/** Renders an answer and makes sure every message is within Discord's limits before it is sent. */
export function renderForDiscord(answer: Answer, options: RenderOptions, logger: Logger): DiscordMessagePayload[] {
  const messages = renderAnswerMessages(answer, { helpFooter: HELP_FOLLOW_UP_LINE, ...options });
  const problems = messages.flatMap(findLimitProblems);
  if (problems.length === 0) return messages;
  // A renderer bug must not turn into a 400 from Discord and no answer at all.
  logger.error({ code: 'discord_render_limits', problems, kind: answer.kind }, 'rendered answer broke a Discord limit; sent as text');
  return [{ content: SORRY_TEXT, embeds: [], components: [], allowedMentions: noMentions() }];
}

/** Log fields for an error from discord.js (DiscordAPIError carries Discord's own numeric code). */
export function describeError(error: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === 'object') {
    if ('code' in error) fields.discordCode = (error as { code: unknown }).code;
    if ('status' in error) fields.status = (error as { status: unknown }).status;
  }
  return fields;
}

/** Resolves to `'late'` if `promise` has not settled after `ms`, clearing the timer either way. */
export async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<'settled' | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
