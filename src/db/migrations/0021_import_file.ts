import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * An uploaded import file between its dry run and its apply (issue 15): the rows as read from the
 * file, the dry run's report and the fingerprint of its plan, bound to the user who uploaded it
 * and kept until it expires. Applying re-plans from exactly these rows and goes ahead only when
 * the plan is still the one the report showed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_file')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('fingerprint', 'varchar(64)')
    .addColumn('result', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('applied_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('import_file_user_idx').on('import_file').column('user_id').execute();
  await db.schema.createIndex('import_file_expires_idx').on('import_file').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_file').execute();
}
