import { sql } from 'kysely';
import type { ElementKind } from '../../../model/kinds.ts';
import { MATCH_END, MATCH_START, searchTerms, wordFormPrefix } from '../../../model/search.ts';
import { engineOf, type Db } from '../index.ts';

export interface SearchHit {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  nameEn: string | null;
  snippet: string;
}

/**
 * Full-text search over names, descriptions and requirement texts, best matches first, in one
 * query. The index is the dialect corner (migration 0003): SQLite's FTS5, or on PostgreSQL a
 * tsvector with the `norwegian` configuration and a GIN index.
 */
export async function searchElements(db: Db, query: string, limit = 60): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  if (engineOf(db) === 'postgres') return searchPostgres(db, terms, limit);
  // Each word as the prefix its forms share (`wordFormPrefix`): «legemiddel» finds «Legemidler i bruk».
  const match = terms.map((t) => `"${wordFormPrefix(t)}"*`).join(' ');
  const result = await sql<SearchHit>`
    select e.id as id, e.kind as kind, e.key as key, e.name as name, e.name_en as "nameEn",
           snippet(element_search, -1, ${MATCH_START}, ${MATCH_END}, '…', 16) as snippet
    from element_search
    join element e on e.id = element_search.rowid
    where element_search match ${match}
    order by bm25(element_search, 10.0, 3.0, 2.0), e.kind, e.position
    limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * One term on PostgreSQL: its stemmed form as a prefix («legemidler» is stored as «legemidl»), or
 * the prefix its forms share, as on SQLite (`wordFormPrefix`). Terms are only letters and digits (`searchTerms`), so no
 * tsquery syntax gets in.
 */
function termQuery(term: string) {
  const stemmed = sql`to_tsquery('norwegian', ${`${term}:*`})`;
  return sql`(${stemmed} || to_tsquery('simple', ${`${wordFormPrefix(term)}:*`}))`;
}

async function searchPostgres(db: Db, terms: string[], limit: number): Promise<SearchHit[]> {
  const query = sql.join(terms.map(termQuery), sql` && `);
  const options = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=16, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=…`;
  const result = await sql<SearchHit>`
    select e.id as id, e.kind as kind, e.key as key, e.name as name, e.name_en as "nameEn",
           ts_headline('norwegian', case when s.description || s.body = '' then s.name else trim(s.description || ' ' || s.body) end, q.query, ${options}) as snippet
    from (select ${query} as query) q
    join element_search s on s.document @@ q.query
    join element e on e.id = s.element_id
    order by ts_rank(s.document, q.query) desc, e.kind, e.position
    limit ${limit}`.execute(db);
  return result.rows;
}
