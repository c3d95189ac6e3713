import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { assetFiles, assetHash, assetUrl, isAssetName, parseHashedAssetName, type AssetName } from '../../views/asset-files.ts';
import { compressBody, negotiateEncoding, type Encoding } from '../http/compression.ts';

interface Variant {
  body: Uint8Array;
  etag: string;
}

/** Files smaller than this are sent as they are. */
const compressFrom = 1024;

/**
 * The assets, read once and compressed once per encoding when first asked for (brotli 9 takes
 * Mermaid's 3.5 MB to about 0.8 MB in a few hundred milliseconds, on the thread pool), then kept.
 */
function assetStore() {
  const variants = new Map<string, Promise<Variant>>();
  const remember = (key: string, make: () => Promise<Variant>): Promise<Variant> => {
    let entry = variants.get(key);
    if (!entry) {
      entry = make();
      entry.catch(() => variants.delete(key));
      variants.set(key, entry);
    }
    return entry;
  };
  const plain = (name: AssetName) =>
    remember(name, async () => ({ body: await readFile(assetFiles[name].file()), etag: `"${assetHash(name)}"` }));
  return (name: AssetName, encoding: Encoding | undefined): Promise<Variant & { encoding?: Encoding }> => {
    if (!encoding) return plain(name);
    return remember(`${name}:${encoding}`, async () => {
      const { body } = await plain(name);
      if (body.byteLength < compressFrom) return plain(name);
      return { body: await compressBody(body, encoding, 'static'), etag: `"${assetHash(name)}-${encoding}"`, encoding };
    });
  };
}

export function assetRoutes(): Hono {
  const load = assetStore();

  const send = async (c: Context, name: AssetName, cacheControl: string) => {
    const type = assetFiles[name].type;
    // Every asset is text (scripts, styles, an SVG icon): each is worth compressing.
    const asset = await load(name, negotiateEncoding(c.req.header('Accept-Encoding')));
    c.header('ETag', asset.etag);
    c.header('Cache-Control', cacheControl);
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('If-None-Match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', `${type}; charset=utf-8`);
    if (asset.encoding) c.header('Content-Encoding', asset.encoding);
    c.header('Content-Length', String(asset.body.byteLength));
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  };

  const app = new Hono();
  app.get('/assets/:name', async (c) => {
    const file = c.req.param('name');
    // The address pages link: the content hash in the name, so the file never changes under it.
    const hashed = parseHashedAssetName(file);
    if (hashed) {
      if (hashed.hash === assetHash(hashed.name)) return send(c, hashed.name, 'public, max-age=31536000, immutable');
      // A page from before the file changed: to the file as it is now.
      c.header('Cache-Control', 'no-cache');
      return c.redirect(assetUrl(hashed.name), 302);
    }
    // The plain name still works (bookmarks, pages cached before hashed names), revalidated hourly.
    if (isAssetName(file)) return send(c, file, 'public, max-age=3600, must-revalidate');
    return c.text('Fant ikke filen.', 404);
  });
  return app;
}
