import { sql, type Kysely } from 'kysely';
import { autoId, dropAppendOnly, refuseUpdateAndDelete } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Accounts and the security baseline: organisations, users with one role each, server-side
 * sessions, one-time invitations (and the first-start setup link), the sign-in throttle and the
 * append-only audit log. The role lists are copied here, not imported, so this file stays frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(40)', (c) =>
      c.notNull().check(sql`kind in ('profesjonsforening', 'pasientforening', 'interesseorganisasjon', 'KS', 'annet')`),
    )
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // "user" is reserved in PostgreSQL, hence app_user.
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) =>
      c.notNull().check(sql`role in ('administrator', 'architect', 'municipality', 'organisation', 'reader')`),
    )
    .addColumn('municipality_number', 'varchar(4)', (c) => c.references('municipality.number').onDelete('restrict'))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('restrict'))
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('disabled_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    // A municipality user belongs to exactly one municipality, an organisation user to one organisation, others to neither.
    .addCheckConstraint(
      'app_user_binding',
      sql`(role = 'municipality' and municipality_number is not null and organisation_id is null)
       or (role = 'organisation' and organisation_id is not null and municipality_number is null)
       or (role not in ('municipality', 'organisation') and municipality_number is null and organisation_id is null)`,
    )
    .execute();
  await db.schema.createIndex('app_user_municipality_idx').on('app_user').column('municipality_number').execute();
  await db.schema.createIndex('app_user_organisation_idx').on('app_user').column('organisation_id').execute();
  await db.schema.createIndex('app_user_role_idx').on('app_user').column('role').execute();

  // The id is a hash of the cookie's token, so a copy of the database does not hold live sessions.
  await db.schema
    .createTable('user_session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('client_address', 'varchar(64)')
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('invite')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('purpose', 'varchar(10)', (c) => c.notNull().check(sql`purpose in ('invite', 'setup')`))
    .addColumn('email', 'varchar(254)')
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('municipality_number', 'varchar(4)', (c) => c.references('municipality.number').onDelete('restrict'))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('restrict'))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('restrict'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('invite_municipality_idx').on('invite').column('municipality_number').execute();
  await db.schema.createIndex('invite_organisation_idx').on('invite').column('organisation_id').execute();
  await db.schema.createIndex('invite_created_by_idx').on('invite').column('created_by').execute();
  await db.schema.createIndex('invite_user_idx').on('invite').column('user_id').execute();
  await db.schema.createIndex('invite_expires_idx').on('invite').columns(['purpose', 'expires_at']).execute();
  await db.schema.createIndex('invite_email_idx').on('invite').column('email').execute();

  // Failed sign-ins per account ('account:<email>') and per client address ('address:<ip>').
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // No foreign keys: audit rows outlive what they describe, and can never be updated by a cascade.
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('entity', 'varchar(60)')
    .addColumn('entity_id', 'varchar(80)')
    .addColumn('element_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('client_address', 'varchar(64)')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
  await db.schema.createIndex('audit_event_user_idx').on('audit_event').column('user_id').execute();
  await db.schema.createIndex('audit_event_action_idx').on('audit_event').column('action').execute();
  await db.schema.createIndex('audit_event_entity_idx').on('audit_event').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_event_element_idx').on('audit_event').column('element_id').execute();
  await refuseUpdateAndDelete(db, 'audit_event');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_event', 'login_throttle', 'invite', 'user_session', 'app_user', 'organisation']) {
    await db.schema.dropTable(table).execute();
  }
  await dropAppendOnly(db, 'audit_event');
}
