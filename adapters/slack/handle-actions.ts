import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import { ACTION_CORE_PATTERN, ACTION_SHARE, decodeShareValue, encodeShareValue } from './action-ids.js';
import { postAnswer, respondAnswer } from './post-answer.js';
import { postInChannel } from './post-in-channel.js';
import { describeError, SORRY_TEXT, type SlackDeps } from './slack-deps.js';
import { commandKey, conversationKey, threadKey } from './thread-key.js';

/**
 * The buttons under an answer.
 * - "More from this section" / "Show positions" (the core's actions): on an answer only the asker sees, the
 *   new answer replaces it in place; on a message the channel sees, it is posted in that message's thread,
 *   so what others read is never changed under them. Either way the press is a turn of the conversation the
 *   answer belongs to (the asker's /talks conversation, or the thread's), as typing "tell me more" would be.
 * - "Share in channel": posts the answer for everyone (once, however often it is clicked) and removes the
 *   private copy; a thread under the shared answer continues from it.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_CORE_PATTERN, async ({ ack, action, body, respond, client }) => {
    await ack();
    const log = deps.logger.child({ team: body.team?.id, channel: body.channel?.id, user: body.user.id, action: action.action_id });
    try {
      const token = action.value ?? '';
      const teamId = body.team?.id ?? body.user.team_id;
      const channel = body.channel?.id ?? (body.container as { channel_id?: string }).channel_id ?? '';
      const ephemeral = body.container?.is_ephemeral === true || !body.message;
      if (ephemeral) {
        // A private answer is the asker's /talks conversation: the press goes on with it, as `/talks tell me more` would.
        const answer = await deps.talks.runAction(token, teamId && channel ? commandKey(teamId, channel, body.user.id) : undefined);
        await respondWith(respond, answer, deps, { replace: true, token });
        log.info({ kind: answer.kind }, 'slack: answered a button');
      } else {
        const message = body.message as { ts: string; thread_ts?: string };
        const threadTs = message.thread_ts ?? message.ts;
        const answer = await deps.talks.runAction(token, teamId && channel ? conversationKey(teamId, channel, threadTs) : undefined);
        try {
          await postAnswer(client, { channel, thread_ts: threadTs }, answer);
          if (teamId) deps.threads.remember(teamId, channel, threadTs);
        } catch (error) {
          // Not in the channel (a /talks answer shared by response_url): answer through response_url instead.
          log.warn(describeError(error), 'slack: could not post in the thread, answering through response_url');
          await respondAnswer(respond, answer, { response_type: 'in_channel', replace_original: false });
        }
        log.info({ kind: answer.kind }, 'slack: answered a button');
      }
    } catch (error) {
      log.error({ ...describeError(error), code: 'talks_slack_action' }, 'slack: button failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY_TEXT }).catch(() => undefined);
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION_SHARE, async ({ ack, action, body, respond, client }) => {
    await ack();
    const log = deps.logger.child({ team: body.team?.id, channel: body.channel?.id, user: body.user.id, action: ACTION_SHARE });
    // A double click (or a replayed payload) shares once: the response_url names the private answer.
    if (deps.seen.seen(`share:${body.response_url ?? body.container?.message_ts ?? body.trigger_id}`)) return;
    const source = decodeShareValue(action.value ?? '');
    if (!source) {
      log.warn('slack: share button with an unreadable value');
      return;
    }
    try {
      const teamId = body.team?.id ?? body.user.team_id;
      const channel = body.channel?.id;
      // The shared answer is asked afresh, a conversation of its own (the asker's may have moved on since the
      // private answer); it is kept under this key until the posted message's ts names its thread.
      const provisional = teamId && channel ? threadKey(teamId, channel, `share-${body.trigger_id}`) : undefined;
      const answer =
        source.kind === 'query'
          ? await deps.talks.ask({
              query: source.query,
              ...(provisional ? { threadKey: provisional } : {}),
              platform: 'slack',
              userId: body.user.id,
              ...(channel ? { channelId: channel } : {}),
            })
          : await deps.talks.runAction(source.token, provisional);
      if (answer.kind === 'rate_limited') {
        await respondWith(respond, answer, deps, { replace: false });
        return;
      }
      // A button's answer has no question of its own worth echoing ("more"); a typed query does.
      const options = { echoQuery: source.kind === 'query', sharedBy: body.user.id };
      if (teamId && channel) {
        await postInChannel({ deps, client, respond, teamId, channel, answer, options, ...(provisional ? { from: provisional } : {}) });
      } else {
        await respondAnswer(respond, answer, { response_type: 'in_channel', replace_original: false }, options);
      }
      await respond({ delete_original: true }).catch((error: unknown) => log.warn(describeError(error), 'slack: could not remove the private answer'));
      log.info({ kind: answer.kind }, 'slack: shared an answer');
    } catch (error) {
      log.error({ ...describeError(error), code: 'talks_slack_action' }, 'slack: share failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY_TEXT }).catch(() => undefined);
    }
  });
}

async function respondWith(respond: RespondFn, answer: Answer, deps: SlackDeps, options: { replace: boolean; token?: string }): Promise<void> {
  const ephemeral = deps.config.answerVisibility === 'ephemeral';
  await respondAnswer(
    respond,
    answer,
    { response_type: 'ephemeral', replace_original: options.replace },
    ephemeral && options.token ? { shareValue: encodeShareValue({ kind: 'action', token: options.token }) } : {},
  );
}
