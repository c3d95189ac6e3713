import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailSchema, municipalityNumberSchema, passwordSchema, personNameSchema, roleLabel, roleSchema } from '../../model/accounts.ts';
import { generatePassword } from '../auth/password.ts';
import { linkOrigin, resetPath } from '../auth/password-reset.ts';
import { setPassword } from '../commands/passwords.ts';
import { createPasswordResetAsOperator } from '../commands/admin.ts';
import { createUser } from '../commands/users.ts';
import type { Config } from '../config.ts';
import { credentialsByEmail, listOrganisations } from '../db/queries/accounts.ts';
import type { Db } from '../db/index.ts';
import { i18nFor } from '../../views/i18n/index.ts';
import { issueText, messageText } from '../../views/i18n/issues.ts';

/** The command line speaks bokmål: the model's messages (catalogue keys) said in it. */
const said = (issue: z.core.$ZodIssue) => issueText(issue, i18nFor('nb'));

export const userUsage = `Bruk: npm run user -- add --email E --role R [--name NAVN] [--municipality NNNN | --organisation NAVN] [--password-stdin]
     npm run user -- reset-password E [--password-stdin]
Roller: ${roleSchema.options.join(', ')}.
add: uten --password-stdin lages et passord som skrives ut én gang.
reset-password: uten --password-stdin skrives en lenke ut der brukeren velger nytt passord selv (den virker én gang);
med --password-stdin settes passordet som leses fra standard inn. Begge avslutter alle øktene brukeren har.`;

export interface CommandIo {
  db: Db;
  config: Config;
  now: () => Date;
  readStdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const addOptions = z.object({
  email: emailSchema,
  role: roleSchema,
  name: personNameSchema.optional(),
  municipality: municipalityNumberSchema.optional(),
  organisation: z.string().trim().min(1, 'Skriv navnet på organisasjonen.').optional(),
  'password-stdin': z.boolean().optional(),
});

const resetOptions = z.strictObject(
  { email: emailSchema, 'password-stdin': z.boolean().optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `reset-password tar bare e-postadressen og --password-stdin, ikke ${issue.keys.map((k) => `--${k}`).join(', ')}.` : undefined) },
);

/** One line from standard input; the final line break is not part of the password. */
async function passwordFromStdin(io: CommandIo): Promise<string | null> {
  const checked = passwordSchema.safeParse((await io.readStdin()).replace(/\r?\n$/, ''));
  if (checked.success) return checked.data;
  const first = checked.error.issues[0];
  io.err(first ? said(first) : 'Ugyldig passord.');
  return null;
}

/** The zod messages for command-line options, each naming its option. */
const optionProblems = (error: z.ZodError) => error.issues.map((i) => (i.path.length > 0 ? `--${String(i.path[0])}: ${said(i)}` : said(i))).join('\n');

/** `npm run user -- add …` or `reset-password …`: see `userUsage`. Returns the exit code. */
export async function runUserCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        municipality: { type: 'string' },
        organisation: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${userUsage}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  // reset-password names its user as `reset-password E` (or `--email E`, as `add` does).
  if (command === 'reset-password' && extra.length === 1 && parsed.values.email === undefined) {
    return resetPassword({ ...parsed.values, email: extra[0] }, io);
  }
  if (extra.length > 0 || (command !== 'add' && command !== 'reset-password')) {
    io.err(userUsage);
    return 2;
  }
  if (command === 'reset-password') return resetPassword(parsed.values, io);
  const options = addOptions.safeParse(parsed.values);
  if (!options.success) {
    io.err(`${optionProblems(options.error)}\n${userUsage}`);
    return 2;
  }
  const { email, role, municipality, organisation } = options.data;
  if (role === 'municipality' ? !municipality || organisation : role === 'organisation' ? !organisation || municipality : municipality || organisation) {
    io.err('En kommunebruker trenger --municipality, en organisasjonsbruker --organisation, og andre roller ingen av dem.');
    return 2;
  }

  let organisationId: number | null = null;
  if (organisation) {
    const all = await listOrganisations(io.db);
    const found = all.find((o) => o.name === organisation);
    if (!found) {
      const known = all.length > 0 ? `Disse finnes: ${all.map((o) => o.name).join(', ')}.` : 'Ingen organisasjoner finnes ennå; en administrator oppretter dem under Administrasjon.';
      io.err(`Fant ingen organisasjon som heter «${organisation}». ${known}`);
      return 1;
    }
    organisationId = found.id;
  }

  const password = options.data['password-stdin'] ? await passwordFromStdin(io) : generatePassword();
  if (password === null) return 2;

  const name = options.data.name ?? email.split('@')[0]!;
  const result = await createUser(
    io.db,
    { email, name, role, municipalityNumber: municipality ?? null, organisationId, password },
    { at: io.now(), userId: null, clientAddress: null },
  );
  if (result.kind === 'problems') {
    io.err(Object.values(result.errors).map((m) => messageText(m, i18nFor('nb'))).join('\n'));
    return 1;
  }
  io.out(`Opprettet brukeren ${email} med rollen ${roleLabel[role]} (id ${result.id}).`);
  if (!options.data['password-stdin']) io.out(`Passord: ${password}\nGi det til brukeren på en trygg måte. Det vises ikke igjen.`);
  return 0;
}

/**
 * `npm run user -- reset-password E`: prints a one-time link for a new password, or with
 * `--password-stdin` sets the password read from standard input. Either way the user's sessions end.
 */
async function resetPassword(values: Record<string, unknown>, io: CommandIo): Promise<number> {
  const options = resetOptions.safeParse(values);
  if (!options.success) {
    io.err(`${optionProblems(options.error)}\n${userUsage}`);
    return 2;
  }
  const { email } = options.data;
  const user = await credentialsByEmail(io.db, email);
  if (!user) {
    io.err(`Fant ingen bruker med e-postadressen ${email}.`);
    return 1;
  }
  const actor = { at: io.now(), userId: null, clientAddress: null };
  if (options.data['password-stdin']) {
    const password = await passwordFromStdin(io);
    if (password === null) return 2;
    const result = await setPassword(io.db, user.id, password, actor);
    if (result.kind !== 'ok') return refused(io, email, result.kind);
    io.out(`Nytt passord er satt for ${email}. Alle øktene brukeren hadde, er avsluttet.`);
    return 0;
  }
  const result = await createPasswordResetAsOperator(io.db, { user: null, at: actor.at, clientAddress: null }, io.config, user.id);
  if (result.kind !== 'ok') return refused(io, email, result.kind);
  io.out(
    `Lenke for nytt passord til ${email}. Den virker én gang, til ${result.expiresAt.toISOString()}; gi den til brukeren på en trygg måte:\n` +
      `  ${linkOrigin(io.config)}${resetPath(result.token)}`,
  );
  return 0;
}

function refused(io: CommandIo, email: string, why: 'missing' | 'disabled'): number {
  io.err(why === 'disabled' ? `Brukeren ${email} er deaktivert. En administrator må gjøre den aktiv først.` : `Fant ingen bruker med e-postadressen ${email}.`);
  return 1;
}
