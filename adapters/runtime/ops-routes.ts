import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** Same shape as Bolt's CustomRoute, so the routes can be handed to the Slack HTTP receiver as they are. */
export interface OpsRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface ReadinessCheck {
  /** Empty when ready; otherwise what is not ready yet (e.g. "discord gateway"). */
  (): string[];
}

/**
 * GET /healthz (the process is up), /readyz (content indexed and platforms connected: 200 or 503 with
 * what is missing), /metrics (Prometheus text format).
 */
export function createOpsRoutes(options: { registry: Registry; notReady: ReadinessCheck }): OpsRoute[] {
  const send = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => send(res, 200, 'ok\n') },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        const missing = options.notReady();
        send(res, missing.length === 0 ? 200 : 503, missing.length === 0 ? 'ready\n' : `not ready: ${missing.join(', ')}\n`);
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        options.registry.metrics().then(
          (text) => send(res, 200, text, options.registry.contentType),
          (error: unknown) => send(res, 500, `metrics failed: ${(error as Error).message}\n`),
        );
      },
    },
  ];
}

export interface OpsServer {
  server: Server;
  port(): number;
  /** Stops accepting connections, closes idle keep-alive ones, waits for open requests to finish. */
  stop(): Promise<void>;
}

/** A small HTTP server for the ops routes, when Slack is not serving HTTP on PORT (Socket Mode, Discord only). */
export async function startOpsServer(routes: OpsRoute[], port: number, host?: string): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!route.method.includes(req.method ?? 'GET')) {
      res.writeHead(405, { allow: route.method.join(', '), 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    route.handler(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: () => (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
