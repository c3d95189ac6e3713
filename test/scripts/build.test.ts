import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build.mjs';

const base = mkdtempSync(join(tmpdir(), 'akson-build-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/**
 * `npm start` runs dist/server.js, built by its `prestart` (scripts/build.mjs). Here on a project
 * of two modules: what it runs is the sources as they are now, and a module still finds a file
 * beside it by its own `import.meta.url`, as the catalogues and the seed data are found.
 */
describe('the server build behind npm start', () => {
  const write = (file: string, text: string) => {
    mkdirSync(join(base, file, '..'), { recursive: true });
    writeFileSync(join(base, file), text);
  };
  const options = { base, entry: 'main.ts', outfile: 'dist/main.js' };
  const runBuilt = () => execFileSync(process.execPath, [join(base, 'dist', 'main.js')], { encoding: 'utf8' }).trim();

  it('builds again when a source has changed, and only then', async () => {
    write('main.ts', "import { greeting } from './lib/greeting.ts';\nconsole.log(greeting('verden'));\n");
    write('lib/greeting.ts', "import { readFileSync } from 'node:fs';\nexport const greeting = (who: string): string => `${readFileSync(new URL('./word.txt', import.meta.url), 'utf8').trim()}, ${who}`;\n");
    write('lib/word.txt', 'Hei\n');

    expect(await buildServer(options)).toBe('built');
    expect(runBuilt()).toBe('Hei, verden');
    expect(await buildServer(options)).toBe('fresh');

    write('lib/greeting.ts', "export const greeting = (who: string): string => `Hallo, ${who}`;\n");
    expect(await buildServer(options)).toBe('built');
    expect(runBuilt()).toBe('Hallo, verden');
    expect(await buildServer(options)).toBe('fresh');
  });
});
