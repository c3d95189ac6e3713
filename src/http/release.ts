import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
let release: string | undefined;

/**
 * A digest of the code that renders the pages (`src/`, `views/`, `model/`, package.json): part of
 * every page's ETag, so that a page rendered by the previous version of the app is never taken
 * for the current one's. The same code gives the same digest in every process. Computed once.
 */
export function releaseDigest(): string {
  if (release === undefined) {
    const hash = createHash('sha256');
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) hash.update(path.slice(root.length)).update(readFileSync(path));
      }
    };
    for (const dir of ['src', 'views', 'model']) walk(join(root, dir));
    hash.update(readFileSync(join(root, 'package.json')));
    release = hash.digest('base64url').slice(0, 12);
  }
  return release;
}
