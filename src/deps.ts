import type { Db } from './db/index.ts';

/** What the routes need from outside: the database and a clock (tests pass their own). */
export interface AppDeps {
  db: Db;
  now: () => Date;
}
