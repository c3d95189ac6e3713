import { sql, type SqlBool } from 'kysely';
import type { ElementKind } from '../../../model/kinds.ts';
import { likePattern } from '../../../model/requirement-list.ts';
import type { Db } from '../index.ts';
import type { LinkTarget } from './requirement-trace.ts';

/** What a link picker looks for: requirements (by number or name), or any element (by key or name). */
export type LinkTargetScope = 'krav' | 'element';

/** How many matches a picker is offered at a time; the user narrows the search for more. */
export const linkTargetLimit = 20;

/**
 * The link targets whose number, key or name contains `text` (case-insensitive), at most `limit`:
 * requirements by number first; elements by kind, then their order. One query, whatever the size of the model.
 */
export async function searchLinkTargets(db: Db, scope: LinkTargetScope, text: string, limit = linkTargetLimit): Promise<LinkTarget[]> {
  const pattern = likePattern(text.trim());
  const like = (column: 'r.ref' | 'e.name' | 'e.key') => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
  let q = db.selectFrom('element as e').leftJoin('requirement as r', 'r.element_id', 'e.id').select(['e.id', 'e.kind', 'e.key', 'e.name', 'r.ref']);
  q =
    scope === 'krav'
      ? q.where('e.kind', '=', 'requirement').where((eb) => eb.or([like('r.ref'), like('e.name')])).orderBy('r.ref')
      : q.where((eb) => eb.or([like('r.ref'), like('e.name'), like('e.key')])).orderBy('e.kind').orderBy('e.position');
  const rows = await q.orderBy('e.id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ElementKind, key: r.key, name: r.name, ref: r.ref }));
}
