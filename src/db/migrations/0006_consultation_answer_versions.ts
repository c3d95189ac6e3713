import { sql, type Kysely } from 'kysely';

import { allOrNothing } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * An answer belongs to the wording it answered. Until now an organisation could edit a comment
 * after the programme had answered it, and the old status and answer stood under the new words.
 *
 * - `consultation_comment.revision` counts every change to a comment's wording or its handling
 *   (status and answer); the edit and answer forms carry it, and a save based on an older one is
 *   refused (optimistic locking). `version` still counts wordings only.
 * - `answered_version` and `answered_status`: the wording the answer was given to, and the status
 *   given with it. An edit after an answer leaves the answer standing, labelled with its version.
 * - `consultation_comment_version.status`, `answer`, `answered_at`: the answer an earlier wording
 *   got, kept with it when the organisation rewrites the comment.
 *
 * Comments edited after their answer before this fix are repaired as the application now does it:
 * the answer is labelled with the version it answered and kept with that version, the status goes
 * back to "under vurdering", and the audit log records each repair. The status list is copied here,
 * not imported, so this file stays frozen.
 */
const statuses = sql`('mottatt', 'under-vurdering', 'tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge')`;

export async function up(db: Kysely<any>): Promise<void> {
  // All or nothing: the migrator does not wrap migrations in a transaction on SQLite, and a run
  // that stopped between the new columns and the repair could not be run again.
  await allOrNothing(db, addAnswerVersions);
}

async function addAnswerVersions(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultation_comment').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('consultation_comment').addColumn('answered_version', 'integer').execute();
  await db.schema
    .alterTable('consultation_comment')
    .addColumn('answered_status', 'varchar(30)', (c) => c.check(sql`answered_status is null or answered_status in ${statuses}`))
    .execute();
  await db.schema.alterTable('consultation_comment_version').addColumn('status', 'varchar(30)', (c) => c.check(sql`status is null or status in ${statuses}`)).execute();
  await db.schema.alterTable('consultation_comment_version').addColumn('answer', 'text').execute();
  await db.schema.alterTable('consultation_comment_version').addColumn('answered_at', 'varchar(32)').execute();

  // The wording in force when the answer was given: the current one if it was written before the
  // answer, otherwise the latest earlier version written before it (timestamps are ISO strings).
  await sql`
    update consultation_comment
    set answered_status = status,
        answered_version = case
          when answered_at is null or updated_at <= answered_at then version
          else coalesce(
            (select max(v.version) from consultation_comment_version v
             where v.comment_id = consultation_comment.id and v.written_at <= consultation_comment.answered_at),
            1)
        end
    where answer is not null`.execute(db);

  const stale = await db
    .selectFrom('consultation_comment')
    .select(['id', 'version', 'status', 'answer', 'answered_at', 'answered_version', 'answered_status'])
    .where('answer', 'is not', null)
    .whereRef('answered_version', '<', 'version')
    .execute();
  if (stale.length === 0) return;
  const at = new Date().toISOString();
  for (const c of stale) {
    await db
      .updateTable('consultation_comment_version')
      .set({ status: c.answered_status, answer: c.answer, answered_at: c.answered_at })
      .where('comment_id', '=', c.id)
      .where('version', '=', c.answered_version)
      .execute();
  }
  await db
    .updateTable('consultation_comment')
    .set((eb: any) => ({ status: 'under-vurdering', revision: eb('revision', '+', 1) }))
    .where('id', 'in', stale.map((c) => c.id))
    .execute();
  await db
    .insertInto('audit_event')
    .values(
      stale.map((c) => ({
        at,
        user_id: null,
        action: 'consultation.comment.reopen',
        entity: 'consultation_comment',
        entity_id: String(c.id),
        element_id: null,
        before_json: JSON.stringify({ status: c.status, answer: c.answer }),
        after_json: JSON.stringify({ status: 'under-vurdering', answer: c.answer, answeredVersion: c.answered_version }),
        client_address: null,
        details: `Rettet ved oppgradering: kommentaren var endret etter svaret. Svaret gjaldt versjon ${c.answered_version}, kommentaren er nå versjon ${c.version}.`,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['answered_at', 'answer', 'status']) await db.schema.alterTable('consultation_comment_version').dropColumn(column).execute();
  for (const column of ['answered_status', 'answered_version', 'revision']) await db.schema.alterTable('consultation_comment').dropColumn(column).execute();
}
