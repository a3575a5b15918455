import { request } from 'node:http';
import { signSlackRequest } from './slack-signing.js';

export interface SlackHttpResponse {
  status: number;
  /** Parsed JSON when the body is JSON, else the raw text ('' for an empty ack). */
  body: unknown;
  raw: string;
  /** Milliseconds from sending the request to the full response (the ack). */
  ms: number;
}

export interface SendOptions {
  /** Override the signing (forged requests): a different secret, a stale timestamp, or no headers at all. */
  secret?: string;
  timestamp?: number;
  unsigned?: boolean;
  /** Slack's retry headers on a redelivered event. */
  retryNum?: number;
  retryReason?: string;
}

/**
 * Talks to the app the way Slack does: POSTs to /slack/events, signed with v0 HMAC-SHA256, over a fresh
 * loopback connection (Slack does not reuse ours).
 */
export class SlackTestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly signingSecret: string,
  ) {}

  /** A slash command: form-encoded fields, as Slack sends them. */
  slashCommand(fields: Record<string, string>, options: SendOptions = {}): Promise<SlackHttpResponse> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** An Events API callback: a JSON body. */
  event(envelope: Record<string, unknown>, options: SendOptions = {}): Promise<SlackHttpResponse> {
    return this.post(JSON.stringify(envelope), 'application/json', options);
  }

  /** An interaction (block_actions): form-encoded `payload=<json>`. */
  interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<SlackHttpResponse> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  post(body: string, contentType: string, options: SendOptions = {}): Promise<SlackHttpResponse> {
    const headers: Record<string, string> = {
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(options.unsigned ? {} : signSlackRequest(options.secret ?? this.signingSecret, body, options.timestamp)),
      ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': options.retryReason ?? 'http_timeout' } : {}),
    };
    const url = new URL('/slack/events', this.baseUrl);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = raw;
          try {
            parsed = raw ? JSON.parse(raw) : '';
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, raw, ms: performance.now() - started });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}
