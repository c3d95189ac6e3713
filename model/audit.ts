import { z } from 'zod';
import { isoDateSchema } from './schemas.ts';
import { say } from './messages.ts';

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
  /** The kind of the element the event is about, while it exists (for labelling its fields). */
  elementKind?: string | null;
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

const blank = (v: unknown) => (v === '' ? undefined : v);

/** The audit page's filters, from its query string; an empty field means "all". Messages are catalogue keys. */
export const auditQuerySchema = z
  .strictObject(
    {
      handling: z.preprocess(blank, z.string().max(60, 'history.query.actionTooLong').regex(/^[a-z.\-]+$/, 'history.query.action').optional()),
      bruker: z.preprocess(blank, z.coerce.number({ error: 'history.query.user' }).int().positive('history.query.user').optional()),
      tabell: z.preprocess(blank, z.string().max(60).regex(/^[a-z_]+$/, 'history.query.table').optional()),
      element: z.preprocess(blank, z.coerce.number({ error: 'history.query.elementNumber' }).int().positive('history.query.elementPositive').optional()),
      fra: z.preprocess(blank, isoDateSchema.optional()),
      til: z.preprocess(blank, isoDateSchema.optional()),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? say('validation.unknownParameter') : undefined) },
  )
  .refine((q) => !q.fra || !q.til || q.fra <= q.til, { path: ['til'], message: 'history.query.order' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Why an entry breaks the hash chain: it has no hash, it does not point at the entry before it, or its content does not match its hash. */
export type ChainBreak = 'unhashed' | 'unlinked' | 'changed';

/** What walking the audit log's hash chain found: whole (with the newest entry to keep elsewhere), or the first entry that breaks it and why. */
export type ChainReport = { whole: true; entries: number; latest: { id: number; hash: string } | null } | { whole: false; entries: number; brokenAt: number; reason: ChainBreak };
