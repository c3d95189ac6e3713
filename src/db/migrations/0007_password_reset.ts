import { sql, type Kysely, type RawBuilder } from 'kysely';
import { allOrNothing, autoId, isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * One-time links get a third purpose: `reset`, an administrator's link for choosing a new
 * password. Such a link belongs to an existing user (`user_id` is set when it is made: the user it
 * resets), and a check says so.
 *
 * PostgreSQL alters the column's check constraint in place. SQLite cannot alter a constraint, so
 * it rebuilds the table (create, copy, drop, rename; nothing refers to `invite`) in one
 * transaction, so that a failure leaves the old table as it was.
 */
const purposes = sql`purpose in ('invite', 'setup', 'reset')`;
const formerPurposes = sql`purpose in ('invite', 'setup')`;
const resetHasUser = sql`purpose <> 'reset' or (user_id is not null and email is not null)`;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table invite drop constraint invite_purpose_check`.execute(db);
    await sql`alter table invite add constraint invite_purpose_check check (${purposes})`.execute(db);
    await sql`alter table invite add constraint invite_reset_user check (${resetHasUser})`.execute(db);
    return;
  }
  await rebuildSqlite(db, purposes, resetHasUser);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Reset links cannot exist under the old check: they go first.
  await db.deleteFrom('invite').where('purpose', '=', 'reset').execute();
  if (isPostgres(db)) {
    await sql`alter table invite drop constraint invite_reset_user`.execute(db);
    await sql`alter table invite drop constraint invite_purpose_check`.execute(db);
    await sql`alter table invite add constraint invite_purpose_check check (${formerPurposes})`.execute(db);
    return;
  }
  await rebuildSqlite(db, formerPurposes, null);
}

/** SQLite: the `invite` table of 0002 again, with these checks, its rows and indexes kept. */
async function rebuildSqlite(db: Kysely<any>, purposeCheck: RawBuilder<unknown>, tableCheck: RawBuilder<unknown> | null): Promise<void> {
  await allOrNothing(db, async (trx) => {
    let table = trx.schema
      .createTable('invite_next')
      .addColumn('id', 'integer', autoId(trx))
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('purpose', 'varchar(10)', (c) => c.notNull().check(purposeCheck))
      .addColumn('email', 'varchar(254)')
      .addColumn('role', 'varchar(20)', (c) => c.notNull())
      .addColumn('municipality_number', 'varchar(4)', (c) => c.references('municipality.number').onDelete('restrict'))
      .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('restrict'))
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('restrict'))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('used_at', 'varchar(32)')
      .addColumn('revoked_at', 'varchar(32)')
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('restrict'));
    if (tableCheck) table = table.addCheckConstraint('invite_reset_user', tableCheck);
    await table.execute();
    await sql`insert into invite_next (id, token_hash, purpose, email, role, municipality_number, organisation_id,
        created_by, created_at, expires_at, used_at, revoked_at, user_id)
      select id, token_hash, purpose, email, role, municipality_number, organisation_id,
        created_by, created_at, expires_at, used_at, revoked_at, user_id from invite`.execute(trx);
    await trx.schema.dropTable('invite').execute();
    await trx.schema.alterTable('invite_next').renameTo('invite').execute();
    // Dropping the old table took its indexes (from 0002) with it.
    await trx.schema.createIndex('invite_municipality_idx').on('invite').column('municipality_number').execute();
    await trx.schema.createIndex('invite_organisation_idx').on('invite').column('organisation_id').execute();
    await trx.schema.createIndex('invite_created_by_idx').on('invite').column('created_by').execute();
    await trx.schema.createIndex('invite_user_idx').on('invite').column('user_id').execute();
    await trx.schema.createIndex('invite_expires_idx').on('invite').columns(['purpose', 'expires_at']).execute();
    await trx.schema.createIndex('invite_email_idx').on('invite').column('email').execute();
  });
}
