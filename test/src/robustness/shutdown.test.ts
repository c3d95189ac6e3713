import { connect, type AddressInfo, type Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { shutdownGracefully } from '../../../src/http/shutdown.ts';

/** A server with one slow route, standing in for a request that is being written when SIGTERM comes. */
async function start(): Promise<{ server: ServerType; port: number; release: () => void }> {
  let release = () => {};
  const app = new Hono();
  app.get('/sakte', async (c) => {
    await new Promise<void>((resolve) => (release = resolve));
    return c.text('ferdig');
  });
  app.get('/', (c) => c.text('hei'));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { server, port: (server.address() as AddressInfo).port, release: () => release() };
}

function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
  });
}

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes the request in flight, closes idle keep-alive connections, refuses new ones, and cuts a held connection at the deadline', async () => {
    const { server, port, release } = await start();
    const idle = await open(port);
    idle.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 100));
    expect(idle.received()).toContain('hei'); // now an idle keep-alive connection
    const busy = await open(port);
    busy.socket.write(`GET /sakte HTTP/1.1\r\nHost: x\r\n\r\n`);
    const holder = await open(port);
    holder.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n`); // headers never finished: holds the connection
    await new Promise((r) => setTimeout(r, 100));

    const started = Date.now();
    const stopped = shutdownGracefully(server, 1500);
    await idle.closed; // idle keep-alive: closed at once
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(open(port).then(({ closed }) => closed)).rejects.toThrow(); // no new connections
    setTimeout(release, 300);
    await busy.closed;
    expect(busy.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*ferdig$/); // the request in flight got its answer
    const { forced } = await stopped;
    await holder.closed;
    expect(forced).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000); // bounded, even with a client holding on
  });
});
