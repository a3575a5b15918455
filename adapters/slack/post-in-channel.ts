import type { RespondFn, webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import { postAnswer, respondAnswer } from './post-answer.js';
import type { RenderOptions } from './render-blocks.js';
import { describeError, type SlackDeps } from './slack-deps.js';
import { conversationKey } from './thread-key.js';

type WebClient = webApi.WebClient;

/**
 * Posts a /talks answer (or a shared one) for the whole channel, so that a thread started under it continues
 * the answer's conversation. The bot posts it with chat.postMessage, which returns the message's `ts`
 * (https://docs.slack.dev/reference/methods/chat.postMessage), and the conversation `from` is copied to that
 * thread's key. A message sent to `response_url` would do, but Slack answers that request with no more than
 * `ok` (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses): its thread could
 * not be told from any other, and "tell me more" there was a fresh question.
 * Where the bot cannot post (a channel it is not in, a DM between two people), the answer goes to
 * `response_url` as before; replies there never reach the bot anyway (no events from channels it is not in).
 */
export async function postInChannel(input: {
  deps: SlackDeps;
  client: WebClient;
  respond: RespondFn;
  teamId: string;
  channel: string;
  answer: Answer;
  options: RenderOptions;
  /** The conversation key holding the state after this answer. */
  from?: string;
}): Promise<'chat.postMessage' | 'response_url'> {
  const { deps, client, respond, teamId, channel, answer, options, from } = input;
  let ts: string | undefined;
  try {
    ts = (await postAnswer(client, { channel }, answer, options)).ts;
  } catch (error) {
    deps.logger.info({ team: teamId, channel, ...describeError(error) }, 'slack: could not post in the channel, answering through response_url');
    // Slack shows who ran the command above a response_url answer itself.
    const { askedBy: _askedBy, ...fallback } = options;
    await respondAnswer(respond, answer, { response_type: 'in_channel', replace_original: false }, fallback);
    return 'response_url';
  }
  if (ts) {
    deps.threads.remember(teamId, channel, ts);
    if (from) await deps.talks.copyConversation(from, conversationKey(teamId, channel, ts));
  }
  return 'chat.postMessage';
}
