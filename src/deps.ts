import type { Config } from './config.ts';
import type { Db } from './db/index.ts';

/** What the routes need from outside: the database, the settings and a clock (tests pass their own). */
export interface AppDeps {
  db: Db;
  config: Config;
  now: () => Date;
  logError: (error: unknown) => void;
}
