import { testPasswordCost, usePasswordCost } from '../src/auth/password.ts';

// The suite signs in thousands of times; at the production scrypt cost (N=2^17, 128 MiB, a few
// hundred milliseconds each) that alone would take many minutes. test/src/auth/password.test.ts
// proves the production parameters and the rehash to them.
usePasswordCost(testPasswordCost);
