import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, fieldChanges } from '../../../model/audit.ts';
import { elementHistory } from '../../../src/db/queries/audit.ts';
import { recordAudit } from '../../../src/commands/writes/audit.ts';
import { testEngine } from '../../engine.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

let ctx: TestContext;
let admin: { Cookie: string };
beforeAll(async () => {
  ctx = await testApp();
  admin = await signIn(ctx, 'administrator');
});
afterAll(() => ctx.db.destroy());

/** The text of the events table only (the filter's lists name every action too). */
const eventsText = async (res: Response) => textOf(/<tbody>[\s\S]*<\/tbody>/.exec(await res.text())?.[0] ?? '');

const rows = () => ctx.db.selectFrom('audit_event').selectAll().orderBy('id').execute();

describe('the audit log', () => {
  it('refuses UPDATE and DELETE in the database itself, whoever asks', async () => {
    const before = await rows();
    expect(before.length).toBeGreaterThan(0);
    await expect(ctx.db.updateTable('audit_event').set({ action: 'skjult' }).execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    await expect(sql`update audit_event set user_id = null where id = 1`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = 1`.execute(ctx.db)).rejects.toThrow(/append-only/);
    // Replacing a row by inserting over its id, in each engine's words for it.
    const replace =
      testEngine === 'postgres'
        ? sql`insert into audit_event (id, at, action) values (1, 'x', 'x') on conflict (id) do update set action = excluded.action`
        : sql`insert or replace into audit_event (id, at, action) values (1, 'x', 'x')`;
    await expect(replace.execute(ctx.db)).rejects.toThrow(/append-only|constraint/i);
    expect(await rows()).toEqual(before);
  });

  it('keeps an element history with who, when and before/after, so field changes can be shown', async () => {
    const element = await ctx.db.selectFrom('element').select(['id', 'name', 'description']).where('key', '=', 'multidose').executeTakeFirstOrThrow();
    const userId = ctx.users.get('administrator')!.id;
    await ctx.db.transaction().execute(async (trx) => {
      const before = { name: element.name, description: element.description };
      const after = { name: 'Multidose (endret)', description: element.description };
      await recordAudit(trx, { at: ctx.clock.now(), userId, clientAddress: '192.0.2.1', action: 'element.update', entity: 'element', entityId: element.id, elementId: element.id, before, after });
    });
    const history = await elementHistory(ctx.db, element.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ userName: 'Test administrator', action: 'element.update', elementId: element.id, at: '2026-11-26T12:00:00.000Z' });
    expect(fieldChanges(history[0]!.before, history[0]!.after)).toEqual([{ field: 'name', before: 'Multidose', after: 'Multidose (endret)' }]);
  });

  it('records a change made in a transaction that fails together with it: neither stays', async () => {
    const count = (await rows()).length;
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { at: ctx.clock.now(), userId: null, clientAddress: null, action: 'element.update' });
        throw new Error('endringen feilet');
      }),
    ).rejects.toThrow('endringen feilet');
    expect((await rows()).length).toBe(count);
  });

  it('shows administrators sign-ins, failures, refusals and changes, filtered', async () => {
    await postForm(ctx, '/login', { email: 'administrator@test.no', password: 'feil passord!' });
    await ctx.app.request('/admin/logg', { headers: await signIn(ctx, 'reader') });
    await postForm(ctx, '/admin/organisasjoner', { name: 'Pasientforeningen', kind: 'pasientforening', contact: 'post@pf.no' }, admin);

    const all = await eventsText(await ctx.app.request('/admin/logg', { headers: admin }));
    for (const label of ['Innlogging', 'Mislykket innlogging', 'Avvist forespørsel', 'Organisasjon opprettet', 'Bruker opprettet']) expect(all).toContain(label);
    // Fields by their labels, not their codes.
    expect(all).toContain('Navn : – → Pasientforeningen');
    expect(ctx.errors).toEqual([]);

    const failed = await eventsText(await ctx.app.request('/admin/logg?handling=login.failed', { headers: admin }));
    expect(failed).toContain('feil passord');
    expect(failed).not.toContain('Organisasjon opprettet');

    const reader = ctx.users.get('reader')!.id;
    const byReader = await eventsText(await ctx.app.request(`/admin/logg?bruker=${reader}`, { headers: admin }));
    // A refusal by what it refused and why, not the policy's code.
    expect(byReader).toContain('GET /admin/logg : rollen gir ikke tilgang');
    expect(byReader).not.toContain('policy:audit.read');
    expect(byReader).not.toContain('Organisasjon opprettet');

    // The row an event concerns by its table's label, in the reader's language.
    expect(all).toMatch(/Organisasjon opprettet Organisasjon \d+/);
    expect(all).not.toMatch(/\borganisation \d+/);
    const english = await eventsText(await ctx.app.request('/admin/logg', { headers: { ...admin, 'Accept-Language': 'en' } }));
    expect(english).toMatch(/Organisation created Organisation \d+/);
    expect(english).toContain('Name : – → Pasientforeningen');
    expect(english).toContain('GET /admin/logg : the role gives no access');

    expect(textOf(await (await ctx.app.request('/admin/logg?fra=2026-11-27', { headers: admin })).text())).toContain('Ingen hendelser passer filteret.');
    const bad = await ctx.app.request('/admin/logg?fra=27.11.2026', { headers: admin });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('Datoen må skrives som ÅÅÅÅ-MM-DD.');
  });

  it('downloads as CSV with the same filter, safe to open in a spreadsheet', async () => {
    await postForm(ctx, '/admin/organisasjoner', { name: '=HYPERLINK("http://angriper.example")', kind: 'annet', contact: '' }, admin);
    const res = await ctx.app.request('/admin/logg.csv?handling=organisation.create', { headers: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="revisjonslogg-2026-11-26.csv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,tid,tid_utc,bruker_id,bruker,e-post,handling,handling_kode,tabell,rad,element_id,før,etter,før_json,etter_json,adresse,detaljer');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Pasientforeningen');
    expect(lines[1]).not.toMatch(/,=HYPERLINK/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    const exported = await ctx.db.selectFrom('audit_event').select('details').where('action', '=', 'audit.export').execute();
    expect(exported).toHaveLength(1);
  });

  it('gives people labels and readable changes in the CSV, in their language, and machines the codes and the JSON', async () => {
    const element = await ctx.db.selectFrom('element').select(['id', 'name']).where('kind', '=', 'requirement').orderBy('id').executeTakeFirstOrThrow();
    await ctx.db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        at: ctx.clock.now(),
        userId: null,
        clientAddress: null,
        action: 'element.update',
        entity: 'element',
        entityId: element.id,
        elementId: element.id,
        before: { priority: 'must', status: 'draft' },
        after: { priority: 'should', status: 'approved' },
      });
    });
    const csv = async (headers: Record<string, string>) => (await (await ctx.app.request('/admin/logg.csv?handling=element.update', { headers })).text()).replace(/^\uFEFF/, '');
    const nb = await csv(admin);
    expect(nb).toContain('Element endret,element.update');
    expect(nb).toContain('"Prioritet: Må\nStatus: Utkast","Prioritet: Bør\nStatus: Godkjent"');
    expect(nb).toContain('"{""priority"":""must"",""status"":""draft""}"');
    const en = await csv({ ...admin, 'Accept-Language': 'en' });
    expect(en.split('\r\n')[0]).toBe('id,time,time_utc,user_id,user,email,action,action_code,table,row,element_id,before,after,before_json,after_json,address,details');
    expect(en).toContain('Element changed,element.update');
    expect(en).toContain('"Priority: Must\nStatus: Draft","Priority: Should\nStatus: Approved"');
  });
});
