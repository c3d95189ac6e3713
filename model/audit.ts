import { z } from 'zod';
import { isoDateSchema } from './schemas.ts';

/** One row of the audit log, with the acting user's name if the user still exists. */
export interface AuditEvent {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  userEmail: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  elementId: number | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
  details: string | null;
}

/** One field that an audited change altered. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A field that is absent and one that is null say the same: nothing there. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between an audit event's `before` and `after` (as stored by
 * `recordAudit`): a creation has no `before`, a deletion no `after`. Fields keep the order they
 * first appear in, `before` first.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => !same(b[field], a[field]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Cells that a spreadsheet would run as a formula are prefixed with ', so a CSV export is safe to open. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',');
}

/** What each recorded action is called on the audit page; later features add theirs. */
export const auditActionLabel: Record<string, string> = {
  login: 'Innlogging',
  'login.failed': 'Mislykket innlogging',
  'login.limited': 'Innlogging stoppet av grensen',
  'session.end': 'Økt avsluttet',
  'request.denied': 'Avvist forespørsel',
  'user.create': 'Bruker opprettet',
  'user.update': 'Bruker endret',
  'invite.create': 'Invitasjon laget',
  'invite.use': 'Invitasjon brukt',
  'invite.revoke': 'Invitasjon trukket tilbake',
  'password-reset.create': 'Lenke for nytt passord laget',
  'password-reset.use': 'Nytt passord valgt med lenke',
  'password.set': 'Passord satt på kommandolinjen',
  'organisation.create': 'Organisasjon opprettet',
  'organisation.update': 'Organisasjon endret',
  'audit.export': 'Revisjonsloggen lastet ned',
  'element.create': 'Element opprettet',
  'element.update': 'Element endret',
  'element.delete': 'Element slettet',
  'element.move': 'Rekkefølge endret',
  'element.links': 'Koblinger endret',
  'element.bulk-move': 'Flyttet sammen med andre',
  'link.personnel': 'Kobling til tjenesteområde endret',
  'link.exchange': 'Kobling til aktør endret',
  'consultation.round.create': 'Høringsrunde opprettet',
  'consultation.round.update': 'Høringsrunde endret',
  'consultation.comment.create': 'Høringskommentar skrevet',
  'consultation.comment.update': 'Høringskommentar endret',
  'consultation.comment.reply': 'Svar i tråd under høringskommentar',
  'consultation.comment.answer': 'Høringskommentar behandlet',
  'consultation.comment.hide': 'Høringskommentar skjult',
  'consultation.comment.reopen': 'Høringskommentar satt tilbake til vurdering (endret etter svaret)',
  'consultation.comment.apply': 'Endringsforslag innarbeidet i elementets tekst',
  'review-round.open': 'Vurderingsrunde åpnet',
  'review-round.close': 'Vurderingsrunde lukket',
  'review-round.reopen': 'Vurderingsrunde åpnet igjen',
  'review.save': 'Kommunevurdering lagret som utkast',
  'review.submit': 'Kommunevurdering sendt inn',
  'review.reopen': 'Kommunevurdering åpnet for endringer',
  'review.export': 'Svarene i en vurderingsrunde lastet ned',
  'intention.update': 'Intensjonserklæring registrert',
};

export const labelOfAction = (action: string) => auditActionLabel[action] ?? action;

const blank = (v: unknown) => (v === '' ? undefined : v);

/** The audit page's filters, from its query string; an empty field means "all". */
export const auditQuerySchema = z
  .strictObject(
    {
      handling: z.preprocess(blank, z.string().max(60, 'Handlingen kan ha høyst 60 tegn.').regex(/^[a-z.\-]+$/, 'Velg en handling i listen.').optional()),
      bruker: z.preprocess(blank, z.coerce.number({ error: 'Velg en bruker i listen.' }).int().positive('Velg en bruker i listen.').optional()),
      tabell: z.preprocess(blank, z.string().max(60).regex(/^[a-z_]+$/, 'Tabellnavnet kan bare ha små bokstaver og _.').optional()),
      element: z.preprocess(blank, z.coerce.number({ error: 'Element-id må være et tall.' }).int().positive('Element-id må være et positivt tall.').optional()),
      fra: z.preprocess(blank, isoDateSchema.optional()),
      til: z.preprocess(blank, isoDateSchema.optional()),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined) },
  )
  .refine((q) => !q.fra || !q.til || q.fra <= q.til, { path: ['til'], message: 'Til-datoen må være samme dag som eller etter fra-datoen.' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** What walking the audit log's hash chain found: whole (with the newest entry to keep elsewhere), or the first entry that breaks it and why. */
export type ChainReport = { whole: true; entries: number; latest: { id: number; hash: string } | null } | { whole: false; entries: number; brokenAt: number; reason: string };
