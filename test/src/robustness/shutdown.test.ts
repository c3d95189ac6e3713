import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { shutdownGracefully } from '../../../src/http/shutdown.ts';

/** A server with one slow route, standing in for a request that is being written when SIGTERM comes. */
async function start(): Promise<{ server: ServerType; port: number; entered: Promise<void>; release: () => void }> {
  let release = () => {};
  let enter = () => {};
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const app = new Hono();
  app.get('/sakte', async (c) => {
    await new Promise<void>((resolve) => {
      release = resolve;
      enter();
    });
    return c.text('ferdig');
  });
  app.get('/', (c) => c.text('hei'));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  // Node closes an idle keep-alive connection after 5 s by itself; off, so that only the shutdown does.
  (server as Server).keepAliveTimeout = 0;
  return { server, port: (server.address() as AddressInfo).port, entered, release: () => release() };
}

function open(port: number): Promise<{ socket: Socket; received: () => string; receivedAll: (text: string) => Promise<void>; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let data = '';
    let seen = () => {};
    // Waits until the text has arrived (not a fixed time: the answer can be slow on a loaded machine).
    const receivedAll = (text: string) =>
      new Promise<void>((done) => {
        seen = () => data.includes(text) && done();
        seen();
      });
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, received: () => data, receivedAll, closed }));
    socket.once('error', reject);
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      data += d;
      seen();
    });
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
  });
}

/**
 * What is checked is the order of events, never how long they took: the deadline in the first
 * test is far away so that only the events themselves end the connections; the second has one
 * short deadline and nothing that has to beat it.
 */
describe('graceful shutdown (SIGTERM)', () => {
  it('finishes the request in flight, closes idle keep-alive connections at once, and refuses new ones', async () => {
    const { server, port, entered, release } = await start();
    const idle = await open(port);
    idle.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n\r\n`);
    await idle.receivedAll('hei'); // now an idle keep-alive connection
    const busy = await open(port);
    busy.socket.write(`GET /sakte HTTP/1.1\r\nHost: x\r\n\r\n`);
    await entered; // the request is in flight
    let busyClosed = false;
    void busy.closed.then(() => (busyClosed = true));

    const stopped = shutdownGracefully(server, 600_000);
    await idle.closed;
    // Closed while the request in flight still holds its connection: by the shutdown itself, not by
    // the deadline (which would have cut both).
    expect(busyClosed).toBe(false);
    await expect(open(port).then(({ closed }) => closed)).rejects.toThrow(); // no new connections
    release();
    await busy.closed;
    expect(busy.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*ferdig$/); // the request in flight got its answer
    expect(await stopped).toEqual({ forced: false });
  });

  it('cuts connections still held at the deadline, so that stopping never waits for a client', async () => {
    const { server, port, entered, release } = await start();
    const busy = await open(port);
    busy.socket.write(`GET /sakte HTTP/1.1\r\nHost: x\r\n\r\n`);
    await entered; // a request that will not finish on its own
    const holder = await open(port);
    holder.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n`); // headers never finished: holds the connection

    // Without the deadline this would wait forever; the test's own timeout is the loose bound.
    const { forced } = await shutdownGracefully(server, 200);
    expect(forced).toBe(true);
    await busy.closed;
    await holder.closed;
    expect(busy.received()).not.toContain('ferdig');
    release();
  });
});
