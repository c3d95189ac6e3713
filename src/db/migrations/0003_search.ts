import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Full-text search over element names and descriptions and requirement texts. On SQLite this is
 * an FTS5 table kept in step by triggers (the rowid is the element's id). On PostgreSQL the same
 * is a generated tsvector column with a GIN index; that branch is written when PostgreSQL lands.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) throw new Error('Søk på PostgreSQL er ikke laget ennå (tsvector + GIN).');
  await sql`create virtual table element_search using fts5(name, description, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into element_search(rowid, name, description, body) select id, name, description, '' from element`.execute(db);
  await sql`update element_search set body = (select r.ref || ' ' || r.text || ' ' || r.rationale from requirement r where r.element_id = element_search.rowid)
            where rowid in (select element_id from requirement)`.execute(db);

  await sql`create trigger element_search_insert after insert on element begin
      insert into element_search(rowid, name, description, body) values (new.id, new.name, new.description, '');
    end`.execute(db);
  await sql`create trigger element_search_update after update of name, description on element begin
      update element_search set name = new.name, description = new.description where rowid = new.id;
    end`.execute(db);
  await sql`create trigger element_search_delete after delete on element begin
      delete from element_search where rowid = old.id;
    end`.execute(db);
  await sql`create trigger requirement_search_insert after insert on requirement begin
      update element_search set body = new.ref || ' ' || new.text || ' ' || new.rationale where rowid = new.element_id;
    end`.execute(db);
  await sql`create trigger requirement_search_update after update on requirement begin
      update element_search set body = new.ref || ' ' || new.text || ' ' || new.rationale where rowid = new.element_id;
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'requirement_search_update',
    'requirement_search_insert',
    'element_search_delete',
    'element_search_update',
    'element_search_insert',
  ]) {
    await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
  }
  await sql`drop table if exists element_search`.execute(db);
}
