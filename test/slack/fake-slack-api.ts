import type { IncomingMessage, Server } from 'node:http';
import { closeServer, listenJson } from './json-server.js';
import type { AddressInfo } from 'node:net';
import { checkSlackMessage } from './slack-message-rules.js';

/** One Web API call as the fake received it. */
export interface ApiCall {
  method: string;
  token?: string;
  args: Record<string, unknown>;
  at: number;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  blocks?: unknown[];
}

export interface FakeSlackApiOptions {
  botToken: string;
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** Returned by apps.connections.open (Socket Mode). */
  socketUrl?: () => string;
}

/**
 * A local stand-in for Slack's Web API (https://slack.com/api/<method>), enough for this app: it checks the
 * bearer token, parses form-encoded or JSON bodies like Slack, refuses messages Slack would refuse (with
 * Slack's error codes), keeps channel history so conversations.replies answers truthfully, and records
 * every call for the tests. Point the app at it with SLACK_API_URL = `fake.url`.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly messages: StoredMessage[] = [];
  private server?: Server;
  private tsCounter = 0;
  private waiters: (() => void)[] = [];
  /** Channels the bot is not a member of: posting there fails with not_in_channel, as in Slack. */
  readonly notMemberOf = new Set<string>();
  /** Behave like a Slack without the table block: messages holding one fail with invalid_blocks. */
  rejectTableBlocks = false;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;

  constructor(private readonly options: FakeSlackApiOptions) {
    this.teamId = options.teamId ?? 'T0TALKS';
    this.botUserId = options.botUserId ?? 'U0TALKSBOT';
    this.botId = options.botId ?? 'B0TALKSBOT';
  }

  /** The base URL to set as SLACK_API_URL (ends with `/`). */
  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeSlackApi: call start() first');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = await listenJson((req) => this.handle(req), 'application/json; charset=utf-8');
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  /** A Slack timestamp, increasing like Slack's. */
  nextTs(): string {
    this.tsCounter += 1;
    return `${1_760_000_000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  /** Records a message a person posted (so conversations.replies sees the thread's parent). */
  addUserMessage(message: StoredMessage): void {
    this.messages.push(message);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves when `predicate` holds over the recorded calls, or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('FakeSlackApi.waitFor: timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.replace(/^\/api\//, '');
    const raw = await readBody(req);
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    this.record({ method, token, args, at: Date.now() });
    if (req.method !== 'POST' && req.method !== 'GET') return { status: 405, body: { ok: false, error: 'method_not_supported' } };
    if (!url.pathname.startsWith('/api/')) return { status: 404, body: { ok: false, error: 'unknown_method' } };
    if (method === 'apps.connections.open') {
      if (!this.options.appToken || token !== this.options.appToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
      return { status: 200, body: { ok: true, url: this.options.socketUrl?.() ?? 'ws://127.0.0.1:9/' } };
    }
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    if (token !== this.options.botToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    switch (method) {
      case 'auth.test':
        return {
          status: 200,
          body: { ok: true, url: 'https://talks-desk.slack.com/', team: 'Talks Desk', user: 'talks', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false },
        };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const channel = typeof args.channel === 'string' ? args.channel : '';
        if (!channel) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
        if (this.notMemberOf.has(channel) && method !== 'chat.postEphemeral') return { status: 200, body: { ok: false, error: 'not_in_channel' } };
        const problems = checkSlackMessage(args);
        if (this.rejectTableBlocks && Array.isArray(args.blocks) && args.blocks.some((b) => (b as { type?: unknown }).type === 'table')) {
          problems.push({ error: 'invalid_blocks', detail: 'unsupported block type: table' });
        }
        if (problems.length > 0) {
          return { status: 200, body: { ok: false, error: problems[0]?.error, response_metadata: { messages: problems.map((p) => `[ERROR] ${p.detail}`) } } };
        }
        const ts = method === 'chat.update' ? String(args.ts ?? '') : this.nextTs();
        const stored: StoredMessage = {
          channel,
          ts,
          ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
          user: this.botUserId,
          bot_id: this.botId,
          ...(typeof args.text === 'string' ? { text: args.text } : {}),
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
        };
        if (method === 'chat.postMessage') this.messages.push(stored);
        if (method === 'chat.postEphemeral') return { status: 200, body: { ok: true, message_ts: ts } };
        return { status: 200, body: { ok: true, channel, ts, message: { type: 'message', ...stored } } };
      }
      case 'chat.delete':
        return { status: 200, body: { ok: true, channel: args.channel, ts: args.ts } };
      case 'conversations.replies': {
        const channel = String(args.channel ?? '');
        const ts = String(args.ts ?? '');
        const thread = this.messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
        if (thread.length === 0) return { status: 200, body: { ok: false, error: 'thread_not_found' } };
        return { status: 200, body: { ok: true, messages: thread.map((m) => ({ type: 'message', ...m })), has_more: false } };
      }
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Slack accepts form-encoded arguments (objects JSON-encoded inside) or a JSON body. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if ((value.startsWith('[') || value.startsWith('{')) && ['blocks', 'attachments', 'metadata'].includes(key)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // keep as text: Slack would answer invalid_blocks / invalid_arguments
      }
    }
    args[key] = value;
  }
  return args;
}
