import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A loopback HTTP server on an ephemeral port whose handler returns a status and a JSON body. */
export async function listenJson(handle: (req: IncomingMessage) => Promise<{ status: number; body: unknown }>, contentType = 'application/json'): Promise<Server> {
  const server = createServer((req, res) => {
    void handle(req).then(({ status, body }) => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Closes a server and every connection still open to it. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
