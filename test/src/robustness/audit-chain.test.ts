import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../../src/cli/audit-command.ts';
import { verifyAuditChain } from '../../../src/db/queries/audit-chain.ts';
import { recordAudit } from '../../../src/commands/writes/audit.ts';
import { triggersOf } from '../../engine.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

// Finding 7: anyone who could write the database file could change the log or drop its trigger unnoticed.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

async function audit(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAuditCommand(args, { db: ctx.db, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function someHistory() {
  const admin = await signIn(ctx, 'administrator');
  for (const name of ['KS', 'Legeforeningen', 'Sykepleierforbundet']) {
    expect((await postForm(ctx, '/admin/organisasjoner', { name, kind: 'annet', contact: '' }, admin)).status).toBe(303);
  }
  return admin;
}

describe('the audit log’s hash chain', () => {
  it('is whole after ordinary use, and `audit verify` and the admin page say so', async () => {
    const admin = await someHistory();
    const verified = await audit(['verify']);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^Kjeden er hel: \d+ hendelser, siste \d+:[0-9a-f]{64}\.$/);
    const latest = await audit(['latest']);
    expect(latest.out).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect((await audit(['verify', '--anchor', latest.out])).code).toBe(0);
    expect(textOf(await (await ctx.app.request('/admin/logg', { headers: admin })).text())).toContain('Hash-kjeden er hel');
  });

  it('names the first tampered row when one is changed through SQL with the trigger dropped', async () => {
    const admin = await someHistory();
    const target = await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'organisation.create').orderBy('id').executeTakeFirstOrThrow();
    await triggersOf.dropGuard(ctx.db, 'audit_event', 'update');
    await sql`update audit_event set details = 'ingenting å se her' where id = ${target.id}`.execute(ctx.db);

    const verified = await audit(['verify']);
    expect(verified.code).toBe(1);
    expect(verified.err).toContain(`Kjeden er brutt ved hendelse ${target.id}: den innholdet stemmer ikke med hashen (hendelsen er endret).`);
    const page = textOf(await (await ctx.app.request('/admin/logg', { headers: admin })).text());
    expect(page).toContain(`Hash-kjeden er brutt ved hendelse ${target.id}`);
  });

  it('names the row after one that was removed', async () => {
    await someHistory();
    const rows = await ctx.db.selectFrom('audit_event').select('id').orderBy('id').execute();
    await triggersOf.dropGuard(ctx.db, 'audit_event', 'delete');
    await sql`delete from audit_event where id = ${rows[2]!.id}`.execute(ctx.db);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ whole: false, brokenAt: rows[3]!.id });
  });

  it('notices a rewritten tail through the anchor kept elsewhere', async () => {
    await someHistory();
    const anchor = (await audit(['latest'])).out;
    const [id] = anchor.split(':');
    // Rewrite the newest row and re-chain it as an attacker with the hash function could.
    await triggersOf.dropGuard(ctx.db, 'audit_event', 'update');
    await sql`update audit_event set hash = ${'0'.repeat(64)} where id = ${Number(id)}`.execute(ctx.db);
    expect((await audit(['verify', '--anchor', anchor])).code).toBe(1);
  });

  it('holds with concurrent writers: every append chains onto the one before', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordAudit(ctx.db, { at: ctx.clock.now(), userId: null, clientAddress: null, action: 'test.concurrent', details: String(i) })));
    expect(await verifyAuditChain(ctx.db, { pageSize: 7 })).toMatchObject({ whole: true });
  });
});
