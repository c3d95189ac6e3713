import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../../../src/app.tsx';
import { configWith } from '../../../src/config.ts';
import { signIn, testApp, type TestContext } from '../../helpers.ts';

// The app served over a real socket, as the red-team pass reached it.
let ctx: TestContext;
let server: ServerType;
let port: number;
let admin: { Cookie: string };

beforeAll(async () => {
  ctx = await testApp();
  admin = await signIn(ctx, 'administrator');
  const app = createApp({ db: ctx.db, config: configWith({ HOST: '127.0.0.1' }), now: ctx.clock.now, logError: (e) => ctx.errors.push(e) });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.db.destroy();
});

function post(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const organisations = async () => (await ctx.db.selectFrom('organisation').select('name').orderBy('name').execute()).map((o) => o.name);

// Finding 6: the form's Origin was compared with the request's own Host header.
describe('the Origin of a form post', () => {
  it('is refused when Host and Origin both name another site', async () => {
    const res = await post('/admin/organisasjoner', 'name=Falsk&kind=annet&contact=', { ...admin, Host: 'evil.example', Origin: 'http://evil.example', 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(403);
    expect(await organisations()).not.toContain('Falsk');
  });

  it('is accepted when it is the address the server listens on (or its loopback name)', async () => {
    for (const [host, name] of [[`127.0.0.1:${port}`, 'Ekte'], [`localhost:${port}`, 'Ekte lokal']] as const) {
      const res = await post('/admin/organisasjoner', new URLSearchParams({ name, kind: 'annet', contact: '' }).toString(), { ...admin, Host: host, Origin: `http://${host}` });
      expect(res.status).toBe(303);
    }
    expect(await organisations()).toEqual(expect.arrayContaining(['Ekte', 'Ekte lokal']));
  });

  it('is compared with PUBLIC_URL when it is set, whatever the Host', async () => {
    const app = createApp({ db: ctx.db, config: configWith({ PUBLIC_URL: 'https://akson.example.no' }), now: ctx.clock.now });
    const send = (origin: string, name: string) =>
      app.request(`http://evil.example/admin/organisasjoner`, {
        method: 'POST',
        body: new URLSearchParams({ name, kind: 'annet', contact: '' }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...admin },
      });
    expect((await send('http://evil.example', 'Via Host')).status).toBe(403);
    expect((await send('https://akson.example.no', 'Via PUBLIC_URL')).status).toBe(303);
    expect(await organisations()).toContain('Via PUBLIC_URL');
    expect(await organisations()).not.toContain('Via Host');
  });
});

// Finding 3: after a 413 the server closed the connection while the response said keep-alive.
describe('a body over the limit', () => {
  it('is answered 413 with Connection: close, or the connection stays usable', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    let seen = () => {};
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      received += d;
      seen();
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // A whole response: its head and as many bytes of body as it announces.
    const whole = () => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const length = /\r\ncontent-length: *(\d+)/i.exec(received.slice(0, end));
      return !length || received.length - end - 4 >= Number(length[1]);
    };
    // Waits for the whole answer (or the connection's end), not a fixed time: the server answers
    // when it has read past the limit, which on a loaded machine can take a while. The bound only
    // turns a hang into a clear failure below.
    const answered = () => {
      let timer: NodeJS.Timeout | undefined;
      return Promise.race([
        new Promise<void>((resolve) => {
          seen = () => whole() && resolve();
          seen();
        }),
        closed,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, 15_000))),
      ]).finally(() => clearTimeout(timer));
    };
    const size = MAX_BODY_BYTES + 1024;
    socket.write(
      `POST /admin/organisasjoner HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nCookie: ${admin.Cookie}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\nConnection: keep-alive\r\n\r\n`,
    );
    socket.write('name=' + 'x'.repeat(size - 5), () => undefined);
    await answered();
    const head = received.split('\r\n\r\n')[0] ?? '';
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    if (/\r\nconnection: close/i.test(head)) {
      await closed; // said and done
    } else {
      // It said keep-alive: the next request on the same connection must get its answer.
      received = '';
      socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      await answered();
      expect(received).toMatch(/^HTTP\/1\.1 200/);
      socket.destroy();
    }
  });
});
