import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  at: number;
}

/**
 * A local stand-in for Slack's Socket Mode endpoint (the wss:// URL apps.connections.open hands out):
 * greets each connection with `hello`, delivers envelopes (`events_api`, `slash_commands`, `interactive`)
 * and records the app's acknowledgements. https://docs.slack.dev/apis/events-api/using-socket-mode
 */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  private server?: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private counter = 0;

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server?.once('listening', () => resolve()));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        try {
          const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
          if (message.envelope_id) this.acks.push({ envelope_id: message.envelope_id, ...(message.payload ? { payload: message.payload } : {}), at: Date.now() });
        } catch {
          // not JSON: ignore, as Slack would
        }
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-socket', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0TALKS' } }));
    });
    return this;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeSocketMode: call start() first');
    return `ws://127.0.0.1:${address.port}/link/?ticket=fake`;
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Sends one envelope to every connected client; returns its envelope_id. */
  deliver(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>, options: { envelopeId?: string; retryAttempt?: number } = {}): string {
    this.counter += 1;
    const envelopeId = options.envelopeId ?? `env-${this.counter}`;
    const envelope = {
      envelope_id: envelopeId,
      payload,
      type,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' } : {}),
    };
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
    return envelopeId;
  }

  async waitForAck(envelopeId: string, timeoutMs = 5000): Promise<SocketAck> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((a) => a.envelope_id === envelopeId);
      if (ack) return ack;
      if (Date.now() > deadline) throw new Error(`FakeSocketMode: no ack for ${envelopeId}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
