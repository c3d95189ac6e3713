import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two passes over the tests that touch the database: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL names a server (e.g. postgres://postgres@127.0.0.1:5432/postgres; each file
 * gets databases of its own there, copied from a template). Pure model and view tests run once.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
const onlyEngine = process.env.AKSON_TEST_ENGINES; // e.g. "postgres" to run that pass alone
const workers = Math.max(2, availableParallelism() - 1);

const shared = {
  // Browser tests start their own server and Chromium; they get more time.
  testTimeout: 20_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  // Files share their worker's modules instead of importing the app again for each of 150 files
  // (that import was a third of the suite's time). Nothing in src/, model/, views/ or test/ keeps
  // state across files that matters: the per-test and per-file database hooks are in the setup
  // file, which runs again before each file; no test mocks modules, stubs globals or fakes timers.
  isolate: false,
  // Vitest's default is one worker fewer than the cores: on CI's two cores that was one file at a
  // time, both projects, while most files wait on PostgreSQL, Chromium or a server more than they
  // compute. Two at a time there; the default on larger machines. Files already run in parallel
  // safely (each PostgreSQL worker has databases of its own, each browser file its own server).
  maxWorkers: workers,
  // A cheaper password hash for tests only (see the file).
  setupFiles: ['test/setup.ts'],
  globalSetup: ['test/setup/global.ts'],
};

const sqlite = {
  // test/postgres holds what only PostgreSQL has (several instances on one server, its restarts).
  test: { ...shared, name: 'sqlite', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/postgres/**', 'node_modules/**'], env: { AKSON_TEST_ENGINE: 'sqlite' } },
};
const postgres = {
  test: {
    ...shared,
    name: 'postgres',
    include: ['test/src/**/*.test.{ts,tsx}', 'test/seeds/**/*.test.{ts,tsx}', 'test/postgres/**/*.test.{ts,tsx}'],
    // Starting the server from a file and the seed command are about SQLite files; the others
    // here touch no database at all (a compressed stream, a shutdown, the source's imports).
    exclude: [
      'test/src/start.test.ts',
      'test/src/cli/seed.test.ts',
      'test/src/http/compressed-stream-cancel.test.ts',
      'test/src/robustness/shutdown.test.ts',
      'test/src/architecture/queries-only-query.test.ts',
    ],
    env: { AKSON_TEST_ENGINE: 'postgres', TEST_DATABASE_URL: postgresUrl ?? '' },
    // Tests that read every page make a round trip per query; a server shared with the SQLite pass needs more time.
    testTimeout: 90_000,
  },
};

if (!postgresUrl && onlyEngine !== 'sqlite') {
  console.log('\n  PostgreSQL-passet er hoppet over: TEST_DATABASE_URL er ikke satt (f.eks. postgres://postgres@127.0.0.1:5432/postgres).\n');
}

const projects = [
  ...(onlyEngine === 'postgres' ? [] : [sqlite]),
  ...(postgresUrl && onlyEngine !== 'sqlite' ? [postgres] : []),
];

export default defineConfig({
  test: { projects },
});
