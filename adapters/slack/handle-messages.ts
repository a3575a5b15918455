import type { App, webApi } from '@slack/bolt';
import { addressesOthers, slackTextToPlain } from './mrkdwn.js';
import { postAnswer } from './post-answer.js';
import { renderSlackAnswer } from './render-blocks.js';
import { describeError, type SlackDeps } from './slack-deps.js';
import { threadKey } from './thread-key.js';

type WebClient = webApi.WebClient;

/** The fields of a message or app_mention event we read; the rest of Slack's payload is ignored. */
interface IncomingMessage {
  type: string;
  subtype?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
  /** Set when the message was edited: Slack sends app_mention again for every edit of a message that mentions the app. */
  edited?: { user?: string; ts?: string };
}

/** Message subtypes that are a person writing; edits, joins, bot posts and the like are not questions. */
const ANSWERABLE_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/**
 * `@talks <question>` in a channel answers in a thread under the question; any later message in that
 * thread is a follow-up, answered without a new mention from the thread's conversation state. Direct
 * messages to the app are answered as they come. The bot never answers itself or another bot, ignores
 * threads it is not part of, and takes a message with no words (a file alone, a shared message) for no
 * question unless it mentions the bot. In a thread, a message that mentions someone else (and not the bot)
 * is left to them, and an edited message is never a new question.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client }) => {
    const message = event as unknown as IncomingMessage;
    const teamId = teamOf(body, message);
    if (!isFromPerson(message, deps)) return;
    // An edit is no new question (as message_changed is not): the original mention was answered when it came,
    // by this process or by one before it, which no memory here can tell apart. https://github.com/slackapi/bolt-js/issues/960
    if (message.edited) return;
    // In a DM the same message also comes as message.im, answered there as part of the DM's one conversation;
    // answered here first it went into a thread of its own. app_mention carries no channel_type: DM ids start with D.
    if (message.channel.startsWith('D')) return;
    // Addressed by name, so even a bare "@talks" gets an answer: the help.
    const query = slackTextToPlain(message.text ?? '') || 'help';
    const threadTs = message.thread_ts ?? message.ts;
    await answerMessage({ deps, client, teamId, message, query, conversation: threadTs, threadTs });
  });

  app.event('message', async ({ event, body, client }) => {
    const message = event as unknown as IncomingMessage;
    const teamId = teamOf(body, message);
    if (!isFromPerson(message, deps)) return;
    const mentionsBot = deps.bot.userId !== undefined && (message.text ?? '').includes(`<@${deps.bot.userId}`);
    // A file with no words (a screenshot), or a message shared into the conversation, asks nothing.
    const query = slackTextToPlain(message.text ?? '') || (mentionsBot ? 'help' : '');
    if (!query) return;
    if (message.channel_type === 'im') {
      // A DM is one conversation, its threads included: a reply under the bot's top-level answer continues it
      // (keyed by the answer's ts it had no state, and "tell me more" there was a fresh question).
      await answerMessage({ deps, client, teamId, message, query, conversation: 'im', ...(message.thread_ts ? { threadTs: message.thread_ts } : {}) });
      return;
    }
    if (!message.thread_ts) return;
    // A mention in a thread also arrives as app_mention; that handler answers it.
    if (mentionsBot) return;
    // "@editor can you check this?" in the bot's thread is for the editor.
    if (addressesOthers(message.text ?? '', deps.bot.userId)) return;
    const member = await deps.threads.isMember({
      client,
      teamId,
      channelId: message.channel,
      threadTs: message.thread_ts,
      ...(deps.bot.userId ? { botUserId: deps.bot.userId } : {}),
      ...(deps.bot.botId ? { botId: deps.bot.botId } : {}),
    });
    if (!member) return;
    await answerMessage({ deps, client, teamId, message, query, conversation: message.thread_ts, threadTs: message.thread_ts });
  });
}

function isFromPerson(message: IncomingMessage, deps: SlackDeps): boolean {
  if (!ANSWERABLE_SUBTYPES.has(message.subtype)) return false;
  if (message.bot_id || message.bot_profile) return false;
  if (!message.user || message.user === deps.bot.userId) return false;
  return true;
}

function teamOf(body: unknown, message: IncomingMessage): string {
  const envelope = body as { team_id?: string; authorizations?: { team_id?: string | null }[] };
  return envelope.team_id ?? message.team ?? envelope.authorizations?.[0]?.team_id ?? 'unknown';
}

async function answerMessage(input: {
  deps: SlackDeps;
  client: WebClient;
  teamId: string;
  message: IncomingMessage;
  /** The question in plain words (see slackTextToPlain). */
  query: string;
  /** Names the conversation state (with team and channel): a thread's ts, or 'im' for a whole DM. */
  conversation: string;
  /** The thread to answer in; unset, the answer goes to the channel itself (a top-level DM). */
  threadTs?: string;
}): Promise<void> {
  const { deps, client, teamId, message, query, conversation, threadTs } = input;
  // One answer per message, whichever of its events (app_mention, message, a retry) comes first.
  if (deps.seen.seen(`message:${message.channel}:${message.ts}`)) return;
  const started = performance.now();
  const log = deps.logger.child({ team: teamId, channel: message.channel, thread: threadTs ?? conversation });
  try {
    const answer = await deps.talks.ask({
      query,
      threadKey: threadKey(teamId, message.channel, conversation),
      platform: 'slack',
      ...(message.user ? { userId: message.user } : {}),
      channelId: message.channel,
    });
    const target = threadTs ? { channel: message.channel, thread_ts: threadTs } : { channel: message.channel };
    if (answer.kind === 'rate_limited' && message.user) {
      // Told to the asker alone: a "slow down" is no reason to post in everyone's thread.
      const { blocks, text } = renderSlackAnswer(answer);
      await client.chat.postEphemeral({ ...target, user: message.user, blocks, text });
      log.info({ kind: answer.kind }, 'slack: asked to slow down');
      return;
    }
    await postAnswer(client, target, answer);
    if (threadTs) deps.threads.remember(teamId, message.channel, threadTs);
    log.info({ kind: answer.kind, ms: Math.round(performance.now() - started) }, 'slack: answered in thread');
  } catch (error) {
    log.error({ ...describeError(error), code: 'talks_slack_send' }, 'slack: could not answer a message');
  }
}
