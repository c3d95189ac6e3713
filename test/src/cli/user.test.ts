import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../../src/cli/user-command.ts';
import { createTestUser, postForm, signInAs, testApp, textOf, type TestContext } from '../../helpers.ts';

async function run(ctx: TestContext, args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUserCommand(args, { db: ctx.db, config: ctx.config, now: ctx.clock.now, readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) });
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

describe('npm run user -- reset-password', () => {
  it('prints a one-time link with which the user chooses a new password, and audits it', async () => {
    const ctx = await testApp({ config: { PUBLIC_URL: 'https://omfang.example' } });
    const user = await createTestUser(ctx, 'architect');
    const before = await signInAs(ctx, user);
    const result = await run(ctx, ['reset-password', 'Architect@test.no']);
    expect(result.code).toBe(0);
    const link = /https:\/\/omfang\.example(\/nytt-passord\/[\w-]+)/.exec(result.out)?.[1];
    expect(link).toBeDefined();
    expect(result.out).toContain('Den virker én gang');
    const chosen = await postForm(ctx, link!, { password: 'et nytt og langt passord', passwordRepeat: 'et nytt og langt passord' });
    expect(chosen.status).toBe(303);
    expect((await ctx.app.request(link!)).status).toBe(410);
    expect(textOf(await (await ctx.app.request('/', { headers: before })).text())).not.toContain('Logg ut');
    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', 'like', 'password-reset.%').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'password-reset.create', user_id: null },
      { action: 'password-reset.use', user_id: user.id },
    ]);
    await ctx.db.destroy();
  });

  it('sets the password from standard input with --password-stdin, ending the user’s sessions', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    const before = await signInAs(ctx, user);
    expect((await run(ctx, ['reset-password', user.email, '--password-stdin'], 'kort\n')).err).toContain('Passordet må ha minst 12 tegn.');
    const result = await run(ctx, ['reset-password', user.email, '--password-stdin'], 'mitt nye lange passord\n');
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('mitt nye lange passord');
    expect(textOf(await (await ctx.app.request('/', { headers: before })).text())).not.toContain('Logg ut');
    await signInAs(ctx, { email: user.email, password: 'mitt nye lange passord' });
    expect(await ctx.db.selectFrom('audit_event').select('action').where('action', '=', 'password.set').execute()).toHaveLength(1);
    await ctx.db.destroy();
  });

  it.each([
    [['reset-password', 'ingen@test.no'], 1, 'Fant ingen bruker med e-postadressen ingen@test.no.'],
    [['reset-password'], 2, '--email'],
    [['reset-password', 'ikke-epost'], 2, 'Skriv en gyldig e-postadresse'],
    [['reset-password', 'reader@test.no', '--role', 'architect'], 2, 'reset-password tar bare e-postadressen og --password-stdin, ikke --role'],
    [['reset-password', 'reader@test.no', 'ekstra'], 2, 'Bruk: npm run user'],
  ])('refuses %j with a message that says what to do', async (args, code, message) => {
    const ctx = await testApp();
    await createTestUser(ctx, 'reader');
    const result = await run(ctx, args);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(result.out).not.toContain('/nytt-passord/');
    expect(await ctx.db.selectFrom('invite').selectAll().execute()).toEqual([]);
    await ctx.db.destroy();
  });

  it('makes no link for a disabled user', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    await ctx.db.updateTable('app_user').set({ disabled_at: ctx.clock.now().toISOString() }).where('id', '=', user.id).execute();
    const result = await run(ctx, ['reset-password', user.email]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('er deaktivert');
    expect(await ctx.db.selectFrom('invite').selectAll().execute()).toEqual([]);
    await ctx.db.destroy();
  });
});
