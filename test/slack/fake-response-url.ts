import type { IncomingMessage, Server } from 'node:http';
import { closeServer, listenJson } from './json-server.js';
import type { AddressInfo } from 'node:net';
import { checkSlackMessage } from './slack-message-rules.js';

export interface ResponseUrlPost {
  hookId: string;
  body: Record<string, unknown>;
  at: number;
}

/**
 * A local stand-in for the `response_url` hooks Slack puts in slash commands and interactions
 * (https://hooks.slack.com/commands/…, /actions/…): records what the app posts, refuses what Slack refuses,
 * and allows each URL 5 uses like Slack.
 */
export class FakeResponseUrl {
  readonly posts: ResponseUrlPost[] = [];
  private server?: Server;
  private counter = 0;
  private uses = new Map<string, number>();
  /** Behave like a Slack without the table block: messages holding one are refused (400 invalid_blocks). */
  rejectTableBlocks = false;

  async start(): Promise<this> {
    this.server = await listenJson((req) => this.handle(req), 'application/json');
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  /** A fresh response_url, as Slack puts in each command or interaction payload. */
  newUrl(kind: 'commands' | 'actions' = 'commands'): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeResponseUrl: call start() first');
    this.counter += 1;
    return `http://127.0.0.1:${address.port}/${kind}/T0TALKS/${this.counter}/hook${this.counter}`;
  }

  postsTo(url: string): ResponseUrlPost[] {
    const id = new URL(url).pathname;
    return this.posts.filter((post) => post.hookId === id);
  }

  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('FakeResponseUrl.waitFor: timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const hookId = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { ok: false, error: 'invalid_payload' } };
    }
    const used = (this.uses.get(hookId) ?? 0) + 1;
    this.uses.set(hookId, used);
    if (used > 5) return { status: 404, body: { ok: false, error: 'expired_url' } };
    if (body.delete_original !== true && body.delete_original !== 'true') {
      const problems = checkSlackMessage(body);
      if (this.rejectTableBlocks && Array.isArray(body.blocks) && body.blocks.some((b) => (b as { type?: unknown }).type === 'table')) {
        problems.push({ error: 'invalid_blocks', detail: 'unsupported block type: table' });
      }
      if (problems.length > 0) return { status: 400, body: { ok: false, error: problems[0]?.error } };
    }
    this.posts.push({ hookId, body, at: Date.now() });
    return { status: 200, body: { ok: true } };
  }
}
