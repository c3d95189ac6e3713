import { sql } from 'kysely';
import type { ElementKind } from '../../../model/kinds.ts';
import { MATCH_END, MATCH_START, searchTerms } from '../../../model/search.ts';
import type { Db } from '../index.ts';

export interface SearchHit {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  snippet: string;
}

/**
 * Full-text search over names, descriptions and requirement texts, best matches first, in one
 * query. SQLite's FTS5 (migration 0003) is the dialect corner here; PostgreSQL would use
 * `to_tsvector(...) @@ to_tsquery(...)` with `ts_headline` for the snippet.
 */
export async function searchElements(db: Db, query: string, limit = 60): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const match = terms.map((t) => `"${t}"*`).join(' ');
  const result = await sql<SearchHit>`
    select e.id as id, e.kind as kind, e.key as key, e.name as name,
           snippet(element_search, -1, ${MATCH_START}, ${MATCH_END}, '…', 16) as snippet
    from element_search
    join element e on e.id = element_search.rowid
    where element_search match ${match}
    order by bm25(element_search, 10.0, 3.0, 2.0), e.kind, e.position
    limit ${limit}`.execute(db);
  return result.rows;
}
