import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../../src/cli/user-command.ts';
import { signInAs, testApp, type TestContext } from '../../helpers.ts';

async function run(ctx: TestContext, args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUserCommand(args, { db: ctx.db, now: ctx.clock.now, readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run user -- add', () => {
  it('creates a user with a generated password, printed once, that signs in', async () => {
    const ctx = await testApp();
    const result = await run(ctx, ['add', '--email', 'Kari@Oslo.kommune.no', '--role', 'municipality', '--municipality', '0301', '--name', 'Kari Nordmann']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Opprettet brukeren kari@oslo.kommune.no med rollen Kommune');
    const password = /Passord: (\S+)/.exec(result.out)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(24);
    const session = await signInAs(ctx, { email: 'kari@oslo.kommune.no', password });
    expect(session.Cookie).toMatch(/^akson-sesjon=/);
    const user = await ctx.db.selectFrom('app_user').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: 'Kari Nordmann', role: 'municipality', municipality_number: '0301' });
    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'user_id', 'after_json']).where('action', '=', 'user.create').executeTakeFirstOrThrow();
    expect(audit.user_id).toBeNull();
    expect(audit.after_json).not.toContain(password);
    await ctx.db.destroy();
  });

  it('takes the password from standard input with --password-stdin, and prints none', async () => {
    const ctx = await testApp();
    await ctx.db.insertInto('organisation').values({ name: 'Norsk Sykepleierforbund', kind: 'profesjonsforening', contact: '', created_at: 'x', updated_at: 'x' }).execute();
    const result = await run(ctx, ['add', '--email', 'a@nsf.no', '--role', 'organisation', '--organisation', 'Norsk Sykepleierforbund', '--password-stdin'], 'mitt eget lange passord\n');
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('Passord');
    await signInAs(ctx, { email: 'a@nsf.no', password: 'mitt eget lange passord' });
    expect((await run(ctx, ['add', '--email', 'b@nsf.no', '--role', 'reader', '--password-stdin'], 'kort\n')).err).toContain('Passordet må ha minst 12 tegn.');
    await ctx.db.destroy();
  });

  it.each([
    [['add', '--email', 'a@b.no', '--role', 'keiser'], 'Roller: administrator, architect'],
    [['add', '--email', 'a@b.no', '--role', 'municipality'], 'En kommunebruker trenger --municipality'],
    [['add', '--email', 'a@b.no', '--role', 'reader', '--municipality', '0301'], 'andre roller ingen av dem'],
    [['add', '--email', 'a@b.no', '--role', 'municipality', '--municipality', '9999'], 'Det finnes ingen kommune med nummeret 9999.'],
    [['add', '--email', 'a@b.no', '--role', 'organisation', '--organisation', 'Finnes ikke'], 'Fant ingen organisasjon som heter «Finnes ikke»'],
    [['add', '--email', 'ikke-epost', '--role', 'reader'], '--email: Skriv en gyldig e-postadresse'],
    [['slett', '--email', 'a@b.no'], 'Bruk: npm run user -- add'],
    [['add', '--epost', 'a@b.no'], "Unknown option '--epost'"],
  ])('refuses %j with a message that says what to do', async (args, message) => {
    const ctx = await testApp();
    const result = await run(ctx, args);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain(message);
    expect(await ctx.db.selectFrom('app_user').selectAll().execute()).toEqual([]);
    await ctx.db.destroy();
  });

  it('refuses a second user with the same e-mail address', async () => {
    const ctx = await testApp();
    expect((await run(ctx, ['add', '--email', 'a@b.no', '--role', 'reader'])).code).toBe(0);
    const again = await run(ctx, ['add', '--email', 'A@B.no', '--role', 'architect']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Det finnes allerede en bruker med denne e-postadressen.');
    await ctx.db.destroy();
  });
});
