import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const own = (file: string) => new URL(`../../views/assets/${file}`, import.meta.url).pathname;

/**
 * Every asset the pages use, served by the app itself: the sector runs on closed networks, so
 * nothing comes from a CDN. Vendor files are read from the installed packages.
 */
const assets: Record<string, { file: () => string; type: string }> = {
  'htmx.min.js': { file: () => require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript' },
  'mermaid.min.js': { file: () => require.resolve('mermaid/dist/mermaid.min.js'), type: 'text/javascript' },
  'designsystemet.css': { file: () => require.resolve('@digdir/designsystemet-css'), type: 'text/css' },
  'theme.css': { file: () => require.resolve('@digdir/designsystemet-theme/digdir.css'), type: 'text/css' },
  'app.css': { file: () => own('app.css'), type: 'text/css' },
  'app.js': { file: () => own('app.js'), type: 'text/javascript' },
  'diagrams.js': { file: () => own('diagrams.js'), type: 'text/javascript' },
  'diagrams.css': { file: () => own('diagrams.css'), type: 'text/css' },
  'favicon.svg': { file: () => own('favicon.svg'), type: 'image/svg+xml' },
};

interface Loaded {
  body: Uint8Array;
  etag: string;
  type: string;
}

export function assetRoutes(): Hono {
  const cache = new Map<string, Promise<Loaded>>();
  const load = (name: string): Promise<Loaded> => {
    let entry = cache.get(name);
    if (!entry) {
      const asset = assets[name]!;
      entry = readFile(asset.file()).then((body) => ({
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        type: asset.type,
      }));
      entry.catch(() => cache.delete(name));
      cache.set(name, entry);
    }
    return entry;
  };

  const app = new Hono();
  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(assets, name)) return c.text('Fant ikke filen.', 404);
    const asset = await load(name);
    c.header('ETag', asset.etag);
    c.header('Cache-Control', 'public, max-age=3600, must-revalidate');
    if (c.req.header('If-None-Match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', `${asset.type}; charset=utf-8`);
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });
  return app;
}
