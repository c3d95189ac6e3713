import { describe, expect, it } from 'vitest';
import { runBaselineCommand } from '../../../src/cli/baseline-command.ts';
import { testDb } from '../../helpers.ts';

describe('npm run baseline', () => {
  it('creates a baseline, prints its id, lists it, and refuses a name used before', async () => {
    const db = await testDb();
    const out: string[] = [];
    const err: string[] = [];
    const io = { db, now: () => new Date('2026-11-26T12:00:00Z'), out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runBaselineCommand(['create', 'Nattlig', 'frys'], io)).toBe(0);
    expect(out).toEqual(['1']);
    expect(await runBaselineCommand(['list'], io)).toBe(0);
    expect(out[1]).toMatch(/^1\t2026-11-26T12:00:00.000Z\tkommandolinjen\t\d+ elementer\t10 krav\tNattlig frys$/);
    expect(await runBaselineCommand(['create', 'Nattlig frys'], io)).toBe(1);
    expect(err[0]).toContain('finnes allerede');
    expect(await runBaselineCommand(['create'], io)).toBe(2);
    expect(await runBaselineCommand(['slett', '1'], io)).toBe(2);
  });
});
