import { existsSync } from 'node:fs';
import { CopyRefused, copyDatabase } from '../db/copy.ts';
import { isPostgresUrl, openDatabase, type Db } from '../db/index.ts';
import { isUnavailable } from '../db/errors.ts';

/**
 * `npm run copy-db -- --from data/akson-scope.db --to postgres://bruker@vert/akson`: moves an
 * installation to another database (see `src/db/copy.ts`). Stop the app first. Either side may be
 * a SQLite file or a PostgreSQL address; the target must be empty (a new database).
 */
const usage = 'Bruk: npm run copy-db -- --from data/akson-scope.db --to postgres://bruker@vert:5432/database';

/** An address for messages: a PostgreSQL password is never printed. */
const shown = (location: string) => location.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function check(label: string, location: string | undefined, mustExist: boolean): string {
  if (!location) throw new CopyRefused(`${label} mangler.\n${usage}`);
  if (isPostgresUrl(location)) {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw new CopyRefused(`${label} er ikke en gyldig adresse: ${shown(location)}`);
    }
    if (!url.hostname || url.pathname.length <= 1) throw new CopyRefused(`${label} må ha vert og database, for eksempel postgres://akson@localhost:5432/akson.`);
    return location;
  }
  if (location === ':memory:') throw new CopyRefused(`${label} må være en fil eller en postgres://-adresse.`);
  if (mustExist && !existsSync(location)) throw new CopyRefused(`${label}: finner ikke ${location}.`);
  return location;
}

async function open(label: string, location: string): Promise<Db> {
  const db = openDatabase(location, { poolSize: 2 });
  try {
    await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new CopyRefused(`${label}: kan ikke åpne ${shown(location)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}

const handles: Db[] = [];
try {
  const from = check('--from', argument('--from'), true);
  const to = check('--to', argument('--to'), false);
  if (from === to) throw new CopyRefused('--from og --to er samme database.');
  const source = await open('--from', from);
  handles.push(source);
  const target = await open('--to', to);
  handles.push(target);
  console.log(`Kopierer ${shown(from)} til ${shown(to)} ...`);
  const started = Date.now();
  const report = await copyDatabase(source, target);
  const width = Math.max(...report.tables.map((t) => t.table.length));
  for (const { table, rows } of report.tables) console.log(`  ${table.padEnd(width)}  ${String(rows).padStart(9)}`);
  const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Ferdig på ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.tables.length} tabeller, ${total} rader, lest tilbake og like kilden. ` +
      `Revisjonsloggen: ${report.auditEntries} hendelser, kjeden ${report.auditChainWhole ? 'er hel' : 'er brutt som i kilden (se npm run audit -- verify)'}; ${report.baselines} referanseversjoner.`,
  );
  console.log(isPostgresUrl(to) ? `Start appen med DATABASE_URL=${shown(to)}.` : `Start appen med DATABASE_FILE=${to}.`);
} catch (error) {
  if (error instanceof CopyRefused) console.error(error.message);
  else if (isUnavailable(error)) console.error(`Forbindelsen til databasen ble brutt under kopieringen (${error instanceof Error ? error.message : String(error)}); ingenting er lagret i målet. Prøv igjen.`);
  else console.error(`Kopieringen feilet, og ingenting er lagret i målet: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const db of handles) await db.destroy().catch(() => undefined);
}
