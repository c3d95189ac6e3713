import type { Server } from 'node:http';
import type { ServerType } from '@hono/node-server';

/**
 * Stops a server gracefully: no new connections; requests in flight finish as they are, and their
 * connections are closed by the sweep once idle; a request that still arrives on an open keep-alive
 * connection is answered with `Connection: close`; idle connections are closed at once, and
 * whatever is still open after `timeoutMs` (a client holding a connection) is cut, so the process
 * exits in bounded time.
 * Resolves when the server has closed.
 */
export function shutdownGracefully(server: ServerType, timeoutMs = 10_000): Promise<{ forced: boolean }> {
  const http = server as Server;
  return new Promise((resolve) => {
    let forced = false;
    // A connection that was idle when we started, or becomes idle after its last response.
    const sweep = setInterval(() => http.closeIdleConnections?.(), 100);
    const deadline = setTimeout(() => {
      forced = true;
      http.closeAllConnections?.();
    }, timeoutMs);
    deadline.unref();
    sweep.unref();
    // Responses still to be written tell the client not to reuse the connection.
    http.on('request', (_req, res) => res.setHeader('Connection', 'close'));
    http.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
    http.closeIdleConnections?.();
  });
}
