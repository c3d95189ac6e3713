import type { QueryCreator } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * `subtree(id)`: the capability `id` and every capability below it, walked down the tree in SQL (a
 * recursive common table expression), for a query to select from or to join.
 */
export function capabilitySubtree(q: QueryCreator<Database>, id: number) {
  return q.withRecursive('subtree(id)', (r) =>
    r
      .selectFrom('capability')
      .select('element_id as id')
      .where('element_id', '=', id)
      .unionAll((u) => u.selectFrom('capability').innerJoin('subtree', 'subtree.id', 'capability.parent_id').select('capability.element_id as id')),
  );
}
