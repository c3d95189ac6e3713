import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Full-text search over element names and descriptions and requirement texts. On SQLite this is
 * an FTS5 table kept in step by triggers (the rowid is the element's id). On PostgreSQL the same
 * is a table of the same texts with a generated tsvector column (the built-in `norwegian`
 * configuration, so words are stemmed) and a GIN index, kept in step by PL/pgSQL triggers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return upPostgres(db);
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

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`create table element_search (
      element_id integer primary key references element(id) on delete cascade,
      name text not null,
      description text not null,
      body text not null default '',
      document tsvector generated always as (
        setweight(to_tsvector('norwegian', name), 'A') ||
        setweight(to_tsvector('norwegian', description), 'B') ||
        setweight(to_tsvector('norwegian', body), 'C')) stored)`.execute(db);
  await sql`create index element_search_document_idx on element_search using gin (document)`.execute(db);
  await sql`insert into element_search (element_id, name, description, body)
      select e.id, e.name, e.description, coalesce((select r.ref || ' ' || r.text || ' ' || r.rationale from requirement r where r.element_id = e.id), '')
      from element e`.execute(db);
  await sql`create function element_search_sync() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into element_search (element_id, name, description) values (new.id, new.name, new.description);
      else
        update element_search set name = new.name, description = new.description where element_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger element_search_insert after insert on element for each row execute function element_search_sync()`.execute(db);
  await sql`create trigger element_search_update after update of name, description on element for each row execute function element_search_sync()`.execute(db);
  await sql`create function requirement_search_sync() returns trigger language plpgsql as $$
    begin
      update element_search set body = new.ref || ' ' || new.text || ' ' || new.rationale where element_id = new.element_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger requirement_search_insert after insert or update on requirement for each row execute function requirement_search_sync()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop table if exists element_search`.execute(db);
    await sql`drop trigger if exists element_search_insert on element`.execute(db);
    await sql`drop trigger if exists element_search_update on element`.execute(db);
    await sql`drop trigger if exists requirement_search_insert on requirement`.execute(db);
    await sql`drop function if exists element_search_sync()`.execute(db);
    await sql`drop function if exists requirement_search_sync()`.execute(db);
    return;
  }
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
