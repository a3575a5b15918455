import type { App, RespondArguments } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import { encodeShareValue } from './action-ids.js';
import { ACK_ANSWER_BUDGET_MS } from './limits.js';
import { slackTextToPlain } from './mrkdwn.js';
import { respondAnswer } from './post-answer.js';
import { postInChannel } from './post-in-channel.js';
import { renderSlackAnswer, type RenderOptions } from './render-blocks.js';
import { describeError, SORRY_TEXT, type SlackDeps } from './slack-deps.js';
import { commandKey } from './thread-key.js';

/** The slash command this app answers (see slack-app-manifest.yaml). */
export const SLASH_COMMAND = '/talks';

/**
 * `/talks <query>`: asks the core and acknowledges within Slack's 3 seconds. An answer for the asker only (with a
 * Share button; the default) rides in the acknowledgement itself when it is ready within ACK_ANSWER_BUDGET_MS
 * (the usual case: answers take milliseconds); otherwise the app acknowledges empty and sends the answer to
 * `response_url` when it is ready. With SLACK_ANSWER_VISIBILITY=in_channel the app acknowledges empty and
 * posts the answer itself (postInChannel), so that a thread under it continues the command's conversation.
 */
export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const started = performance.now();
    const query = slackTextToPlain(command.text ?? '') || 'help';
    // Fields on each line rather than a child logger: a child per request costs a second redaction pass (bench:load).
    const where = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    const log = deps.logger;
    const conversation = commandKey(command.team_id, command.channel_id, command.user_id);
    const asked = deps.talks.ask({ query, threadKey: conversation, platform: 'slack', userId: command.user_id, channelId: command.channel_id });
    const first = await settleWithin(asked, ACK_ANSWER_BUDGET_MS);
    if (first.status === 'answered' && commandResponse(first.answer, deps).response_type === 'ephemeral') {
      await ack(commandResponse(first.answer, deps));
      log.info({ ...where, kind: first.answer.kind, via: 'ack', ms: Math.round(performance.now() - started) }, 'slack: answered /talks');
      return;
    }
    if (first.status === 'failed') {
      log.error({ ...where, ...describeError(first.error), code: 'talks_slack_answer' }, 'slack: /talks failed');
      await ack({ response_type: 'ephemeral', text: SORRY_TEXT });
      return;
    }
    // Slow, or for the whole channel: the bot posts that itself (postInChannel), so its thread continues this conversation.
    await ack();
    try {
      const answer = await asked;
      const { response_type } = commandResponse(answer, deps);
      let via: string = 'response_url';
      if (response_type === 'in_channel') {
        const options = { ...commandRenderOptions(answer, deps), askedBy: command.user_id };
        via = await postInChannel({ deps, client, respond, teamId: command.team_id, channel: command.channel_id, answer, options, from: conversation });
      } else {
        await respondAnswer(respond, answer, { response_type }, commandRenderOptions(answer, deps));
      }
      log.info({ ...where, kind: answer.kind, via, ms: Math.round(performance.now() - started) }, 'slack: answered /talks');
    } catch (error) {
      log.error({ ...where, ...describeError(error), code: 'talks_slack_answer' }, 'slack: /talks failed after ack');
      await respond({ response_type: 'ephemeral', text: SORRY_TEXT }).catch(() => undefined);
    }
  });
}

/** The slash command's reply: blocks, fallback text and who sees it. */
export function commandResponse(answer: Answer, deps: Pick<SlackDeps, 'config'>): RespondArguments & { response_type: 'ephemeral' | 'in_channel' } {
  // "Slow down" is for the asker only, whatever the channel setting.
  const ephemeral = deps.config.answerVisibility === 'ephemeral' || answer.kind === 'rate_limited';
  const message = renderSlackAnswer(answer, commandRenderOptions(answer, deps));
  return { response_type: ephemeral ? 'ephemeral' : 'in_channel', blocks: message.blocks, text: message.text } as RespondArguments & {
    response_type: 'ephemeral' | 'in_channel';
  };
}

/** How a /talks answer is rendered: the question echoed, and a Share button when only the asker sees it. */
function commandRenderOptions(answer: Answer, deps: Pick<SlackDeps, 'config'>): RenderOptions {
  const ephemeral = deps.config.answerVisibility === 'ephemeral' || answer.kind === 'rate_limited';
  const shareQuery = (answer.resolvedQuery ?? answer.query).trim();
  return { echoQuery: true, ...(ephemeral && shareQuery ? { shareValue: encodeShareValue({ kind: 'query', query: shareQuery }) } : {}) };
}

type Settled = { status: 'answered'; answer: Answer } | { status: 'failed'; error: unknown } | { status: 'pending' };

/** Waits for the answer at most `ms`; never rejects. */
async function settleWithin(promise: Promise<Answer>, ms: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'pending' }), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (answer): Settled => ({ status: 'answered', answer }),
        (error: unknown): Settled => ({ status: 'failed', error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
