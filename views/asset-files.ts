import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const own = (file: string) => new URL(`./assets/${file}`, import.meta.url).pathname;

/**
 * Every file the pages load, served by the app itself: the sector runs on closed networks, so
 * nothing comes from a CDN. Vendor files are read from the installed packages.
 */
export const assetFiles = {
  'htmx.min.js': { file: () => require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript' },
  'mermaid.min.js': { file: () => require.resolve('mermaid/dist/mermaid.min.js'), type: 'text/javascript' },
  'designsystemet.css': { file: () => require.resolve('@digdir/designsystemet-css'), type: 'text/css' },
  'theme.css': { file: () => require.resolve('@digdir/designsystemet-theme/digdir.css'), type: 'text/css' },
  'app.css': { file: () => own('app.css'), type: 'text/css' },
  'app.js': { file: () => own('app.js'), type: 'text/javascript' },
  'diagrams.js': { file: () => own('diagrams.js'), type: 'text/javascript' },
  'diagrams.css': { file: () => own('diagrams.css'), type: 'text/css' },
  'favicon.svg': { file: () => own('favicon.svg'), type: 'image/svg+xml' },
} as const satisfies Record<string, { file: () => string; type: string }>;

export type AssetName = keyof typeof assetFiles;

export function isAssetName(name: string): name is AssetName {
  return Object.hasOwn(assetFiles, name);
}

/** Length of the content hash in an asset's address. */
export const assetHashLength = 12;

const hashes = new Map<AssetName, string>();

/** The first characters of the file's SHA-256 (base64url): changes whenever the file does. */
export function assetHash(name: AssetName): string {
  let hash = hashes.get(name);
  if (hash === undefined) {
    hash = createHash('sha256').update(readFileSync(assetFiles[name].file())).digest('base64url').slice(0, assetHashLength);
    hashes.set(name, hash);
  }
  return hash;
}

/**
 * The address pages link an asset by: its content hash in the name (`app.<hash>.css`), so a
 * browser may keep it for a year and a new version is a new address.
 */
export function assetUrl(name: AssetName): string {
  const dot = name.lastIndexOf('.');
  return `/assets/${name.slice(0, dot)}.${assetHash(name)}${name.slice(dot)}`;
}

/** The asset a hashed file name (`app.<hash>.css`) stands for, and the hash it was linked with. */
export function parseHashedAssetName(file: string): { name: AssetName; hash: string } | undefined {
  const match = new RegExp(`^(.+)\\.([A-Za-z0-9_-]{${assetHashLength}})(\\.[a-z]+)$`).exec(file);
  if (!match) return undefined;
  const name = `${match[1]}${match[3]}`;
  return isAssetName(name) ? { name, hash: match[2]! } : undefined;
}
