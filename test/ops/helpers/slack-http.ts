import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for Slack's Web API (https://api.slack.com/web): answers auth.test and records
 * chat.postMessage calls, so the real Bolt app can start and post without the internet.
 */
export interface FakeSlackApi {
  url: string;
  posts: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const posts: Array<Record<string, unknown>> = [];
  let ts = 1_700_000_000;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const params = parseBody(req.headers['content-type'] ?? '', body);
    let reply: Record<string, unknown> = { ok: false, error: 'unknown_method' };
    // A token containing "revoked" is refused, as Slack refuses a revoked or mistyped one.
    const refused = /revoked/.test(String(req.headers.authorization ?? '') + String(params.token ?? ''));
    if (method === 'auth.test') reply = refused ? { ok: false, error: 'invalid_auth' } : { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Desk', user: 'talks' };
    if (method === 'chat.postMessage') {
      posts.push(params);
      ts += 1;
      reply = { ok: true, channel: params.channel, ts: `${ts}.000100`, message: {} };
    }
    if (method === 'conversations.replies') {
      // The thread as Slack would return it: the bot's own replies carry its user and bot ids.
      const messages = posts
        .filter((p) => p.channel === params.channel && p.thread_ts === params.ts)
        .map((p) => ({ type: 'message', user: 'UBOT', bot_id: 'BBOT', text: p.text, thread_ts: p.thread_ts }));
      reply = { ok: true, messages, has_more: false };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    posts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
  });
}

function parseBody(type: string, body: string): Record<string, unknown> {
  if (type.includes('json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Signs a request body as Slack does: https://api.slack.com/authentication/verifying-requests-from-slack */
export function signSlackRequest(signingSecret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SlashCommand {
  text: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  responseUrl?: string;
}

let triggerCounter = 0;

/** The form body Slack posts for `/talks <text>`: https://api.slack.com/interactivity/slash-commands */
export function slashCommandBody(command: SlashCommand): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: command.teamId ?? 'T1',
    team_domain: 'desk',
    channel_id: command.channelId ?? 'C1',
    channel_name: 'talks',
    user_id: command.userId ?? 'U1',
    user_name: 'reporter',
    command: '/talks',
    text: command.text,
    api_app_id: 'A1',
    response_url: command.responseUrl ?? 'http://127.0.0.1:9/commands/never-used',
    // Unique per command, as Slack's are (the app deduplicates redeliveries on it).
    trigger_id: `${Date.now()}.${process.pid}.${++triggerCounter}.${Math.random().toString(36).slice(2, 10)}`,
  }).toString();
}

/** Posts a signed `/talks` command to a Slack HTTP endpoint and returns the status and the parsed ack body. */
export async function postSlashCommand(baseUrl: string, signingSecret: string, command: SlashCommand): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  const body = slashCommandBody(command);
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(signingSecret, body) },
    body,
  });
  const text = await response.text();
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
}

export interface MessageEvent {
  type: 'app_mention' | 'message';
  text: string;
  ts: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  teamId?: string;
}

let eventCounter = 0;

/** Posts a signed Events API callback (https://api.slack.com/apis/events-api#callback-field) and returns the HTTP status. */
export async function postSlackEvent(baseUrl: string, signingSecret: string, event: MessageEvent): Promise<number> {
  eventCounter += 1;
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: event.teamId ?? 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Date.now()}${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: event.teamId ?? 'T1', user_id: 'UBOT', is_bot: true }],
    event: {
      type: event.type,
      user: event.user ?? 'U1',
      text: event.text,
      ts: event.ts,
      ...(event.threadTs ? { thread_ts: event.threadTs } : {}),
      channel: event.channel ?? 'C1',
      channel_type: 'channel',
      event_ts: event.ts,
    },
  });
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signSlackRequest(signingSecret, body) },
    body,
  });
  await response.text();
  return response.status;
}
