import { afterAll, afterEach, beforeEach } from 'vitest';
import { testPasswordCost, usePasswordCost } from '../src/auth/password.ts';
import { engineHooks, testEngine } from './engine.ts';

// The suite signs in thousands of times; at the production scrypt cost (N=2^17, 128 MiB, a few
// hundred milliseconds each) that alone would take many minutes. test/src/auth/password.test.ts
// proves the production parameters and the rehash to them.
usePasswordCost(testPasswordCost);

// Setup files run before every test file, also where files share a worker's modules (see
// vitest.config.ts), so the per-test and per-file database hooks are registered here.
beforeEach(engineHooks.beforeEach);
afterEach(engineHooks.afterEach);
afterAll(engineHooks.afterAll);

// @hono/node-server's serve() puts its own Request and Response classes in place of Node's on the
// global object, for the rest of the process (a browser test's server, the shutdown tests). Files
// that share a worker must not inherit that from whichever file ran before (an answer built on its
// Response behaves differently, e.g. headers set on a streamed one): each file starts with Node's
// own, as it did in a process of its own.
const fetchClasses = ((globalThis as { aksonFetchClasses?: { Request: typeof Request; Response: typeof Response } }).aksonFetchClasses ??= {
  Request: globalThis.Request,
  Response: globalThis.Response,
});
for (const name of ['Request', 'Response'] as const) {
  if (globalThis[name] !== fetchClasses[name]) Object.defineProperty(globalThis, name, { value: fetchClasses[name], writable: true, configurable: true });
}

// A worker's modules serve one project (engine) only: the engine is read once per worker.
if (testEngine !== (process.env.AKSON_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite')) {
  throw new Error(`This worker was set up for ${testEngine}, but the file runs on ${process.env.AKSON_TEST_ENGINE}.`);
}
