/**
 * Payloads shaped like the ones Slack sends (fields this app reads, plus the usual others), so the tests
 * push real-shaped requests through the real Bolt app.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 * https://docs.slack.dev/apis/events-api#callback-field
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
let counter = 0;
const next = () => (counter += 1);

export interface Where {
  teamId: string;
  channelId: string;
  userId: string;
}

export function slashCommandFields(where: Where, text: string, responseUrl: string): Record<string, string> {
  const n = next();
  return {
    token: 'deprecated-verification-token',
    team_id: where.teamId,
    team_domain: 'talks-desk',
    channel_id: where.channelId,
    channel_name: 'politics',
    user_id: where.userId,
    user_name: 'reporter',
    command: '/talks',
    text,
    api_app_id: 'A0TALKS',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${n}.${Date.now()}.abcdef${n}`,
  };
}

export function eventEnvelope(where: Pick<Where, 'teamId'>, event: Record<string, unknown>, eventId = `Ev${String(next()).padStart(8, '0')}`): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: where.teamId,
    api_app_id: 'A0TALKS',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: where.teamId, user_id: 'U0TALKSBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

export function mentionEvent(where: Where, botUserId: string, text: string, ts: string, threadTs?: string): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: where.userId,
    text: `<@${botUserId}> ${text}`,
    ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    channel: where.channelId,
    event_ts: ts,
    team: where.teamId,
  };
}

export function messageEvent(where: Where, text: string, ts: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', user: where.userId, text, ts, channel: where.channelId, channel_type: 'channel', event_ts: ts, team: where.teamId, ...extra };
}

export function blockActionsPayload(
  where: Where,
  action: { action_id: string; value: string; block_id?: string },
  options: { responseUrl: string; ephemeral: boolean; message?: { ts: string; thread_ts?: string } },
): Record<string, unknown> {
  const n = next();
  return {
    type: 'block_actions',
    user: { id: where.userId, username: 'reporter', name: 'reporter', team_id: where.teamId },
    api_app_id: 'A0TALKS',
    token: 'deprecated-verification-token',
    container: options.ephemeral
      ? { type: 'message', message_ts: options.message?.ts ?? `1760000000.0000${n}`, channel_id: where.channelId, is_ephemeral: true }
      : { type: 'message', message_ts: options.message?.ts, channel_id: where.channelId, is_ephemeral: false, ...(options.message?.thread_ts ? { thread_ts: options.message.thread_ts } : {}) },
    trigger_id: `${n}.${Date.now()}.trigger${n}`,
    team: { id: where.teamId, domain: 'talks-desk' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: where.channelId, name: 'politics' },
    ...(options.ephemeral ? {} : { message: { type: 'message', user: 'U0TALKSBOT', bot_id: 'B0TALKSBOT', text: '', ...options.message } }),
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        action_id: action.action_id,
        block_id: action.block_id ?? 'talks_actions',
        text: { type: 'plain_text', text: 'button', emoji: false },
        value: action.value,
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}
