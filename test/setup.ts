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

// A worker's modules serve one project (engine) only: the engine is read once per worker.
if (testEngine !== (process.env.AKSON_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite')) {
  throw new Error(`This worker was set up for ${testEngine}, but the file runs on ${process.env.AKSON_TEST_ENGINE}.`);
}
