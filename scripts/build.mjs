// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm start`'s first step (`prestart`): the server as one plain JavaScript file,
 * `dist/server.js`, so that `npm start` runs node on it without tsx. Under tsx every module is
 * compiled as it loads and node keeps tsx's loader (a thread of its own with its own heap) and the
 * compiled sources and source maps for as long as the process lives: about 70 MB of a server's
 * resident memory (issue 10). The tests, `npm run dev` and the command-line tools still run the
 * sources through tsx.
 *
 * Builds only when something changed: the hash of every source file that went into the last
 * build, and of the build's own settings (this file, package.json, tsconfig.json), is kept beside
 * it in `dist/server.json`; a start whose sources hash the same starts at once. A build writes
 * under a temporary name and renames, so two starts at once never run half a file.
 *
 * Packages stay outside the bundle (node loads them from node_modules as before). Each source
 * module keeps its own `import.meta.url` (of the `.ts` file), so files found next to a module (the
 * message catalogues, the seed data, the own assets) are found as when the sources run. The
 * source map is written beside it: `NODE_OPTIONS=--enable-source-maps npm start` shows stack
 * traces by source line.
 */

const root = fileURLToPath(new URL('../', import.meta.url));

/** What the build depends on besides the modules it reads. */
const settingFiles = ['scripts/build.mjs', 'package.json', 'tsconfig.json'];

/**
 * @param {string} base the project folder the paths are relative to
 * @param {string[]} inputs the project's files that went into the build
 * @param {Map<string, string>} [read] their text as the build read it (else as it is now)
 */
function hashOf(base, inputs, read = new Map()) {
  const hash = createHash('sha256');
  for (const file of [...new Set([...settingFiles, ...inputs])].sort()) {
    hash.update(`${file}\0`);
    try {
      hash.update(read.get(file) ?? readFileSync(join(base, file), 'utf8'));
    } catch {
      hash.update('\0missing\0');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** @type {Record<string, import('esbuild').Loader>} */
const loaders = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/**
 * Builds `entry` (relative to `base`) into `outfile` unless the last build there is of the same
 * sources; says which it did.
 * @param {{ base?: string, entry?: string, outfile?: string }} [options]
 * @returns {Promise<'built' | 'fresh'>}
 */
export async function buildServer(options = {}) {
  const base = resolve(options.base ?? root);
  const entry = options.entry ?? 'src/server.ts';
  const outfile = resolve(base, options.outfile ?? 'dist/server.js');
  const metaFile = outfile.replace(/\.js$/, '.json');
  try {
    const last = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (existsSync(outfile) && last.hash === hashOf(base, last.inputs)) return 'fresh';
  } catch {
    // never built here, or the last build is unreadable: build
  }
  const { build } = await import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  // The sources as this build read them: one edited while it ran is built again next time.
  /** @type {Map<string, string>} */
  const read = new Map();
  for (const file of settingFiles) if (existsSync(join(base, file))) read.set(file, readFileSync(join(base, file), 'utf8'));
  try {
    const result = await build({
      absWorkingDir: base,
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // Names as in the sources (error names, stack traces), as tsx keeps them.
      keepNames: true,
      sourcemap: 'external',
      metafile: true,
      logLevel: 'warning',
      plugins: [
        {
          name: 'own-import-meta-url',
          setup(b) {
            b.onLoad({ filter: /\.([cm]?tsx?|m?js|json)$/ }, async (args) => {
              const loader = loaders[extname(args.path)];
              if (!loader) return undefined;
              const text = await readFile(args.path, 'utf8');
              read.set(relative(base, args.path), text);
              return {
                contents: loader === 'json' ? text : text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
                loader,
              };
            });
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile?.inputs ?? {}).map((file) => relative(base, resolve(base, file)));
    // The code names its map by the temporary name: by the name the map will have.
    const name = outfile.slice(dirname(outfile).length + 1);
    const code = readFileSync(temporary, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${name}.map\n`);
    writeFileSync(temporary, code);
    renameSync(`${temporary}.map`, `${outfile}.map`);
    renameSync(temporary, outfile);
    const metaTemporary = `${metaFile}.${process.pid}.tmp`;
    writeFileSync(metaTemporary, JSON.stringify({ hash: hashOf(base, inputs, read), inputs }, null, 1));
    renameSync(metaTemporary, metaFile);
    return 'built';
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}.map`, { force: true });
    // esbuild's service process would otherwise keep node alive a moment longer.
    await (await import('esbuild')).stop?.();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildServer();
  } catch (error) {
    console.error('Byggingen av serveren feilet:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
