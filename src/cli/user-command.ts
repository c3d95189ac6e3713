import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailSchema, municipalityNumberSchema, passwordSchema, personNameSchema, roleLabel, roleSchema } from '../../model/accounts.ts';
import { generatePassword } from '../auth/password.ts';
import { createUser } from '../auth/users.ts';
import { listOrganisations } from '../db/queries/accounts.ts';
import type { Db } from '../db/index.ts';

export const userUsage = `Bruk: npm run user -- add --email E --role R [--name NAVN] [--municipality NNNN | --organisation NAVN] [--password-stdin]
Roller: ${roleSchema.options.join(', ')}.
Uten --password-stdin lages et passord som skrives ut én gang.`;

export interface CommandIo {
  db: Db;
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

/** `npm run user -- add …`: creates a user from the command line. Returns the exit code. */
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
  if (parsed.positionals[0] !== 'add' || parsed.positionals.length !== 1) {
    io.err(userUsage);
    return 2;
  }
  const options = addOptions.safeParse(parsed.values);
  if (!options.success) {
    io.err(`${options.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n')}\n${userUsage}`);
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

  let password: string;
  if (options.data['password-stdin']) {
    // One line from standard input; the final line break is not part of the password.
    const checked = passwordSchema.safeParse((await io.readStdin()).replace(/\r?\n$/, ''));
    if (!checked.success) {
      io.err(checked.error.issues[0]?.message ?? 'Ugyldig passord.');
      return 2;
    }
    password = checked.data;
  } else {
    password = generatePassword();
  }

  const name = options.data.name ?? email.split('@')[0]!;
  const result = await createUser(
    io.db,
    { email, name, role, municipalityNumber: municipality ?? null, organisationId, password },
    { at: io.now(), userId: null, clientAddress: null },
  );
  if (result.kind === 'problems') {
    io.err(Object.values(result.errors).join('\n'));
    return 1;
  }
  io.out(`Opprettet brukeren ${email} med rollen ${roleLabel[role]} (id ${result.id}).`);
  if (!options.data['password-stdin']) io.out(`Passord: ${password}\nGi det til brukeren på en trygg måte. Det vises ikke igjen.`);
  return 0;
}
