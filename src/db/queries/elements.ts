import type { Transaction } from 'kysely';
import type { ElementKind } from '../../../model/kinds.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import { capabilitySubtree } from './capability-tree.ts';
import type { ModelSlice } from './model.ts';

type Trx = Transaction<Database>;

/**
 * What deleting an element touches, as a slice: the frame, the services that refer to or link to
 * the element (or, for a capability, anything below it), the requirements about it, and the element
 * itself. Enough for `deletionImpact`, in a fixed number of queries whatever the model's size.
 */
export async function deletionSlice(db: Trx | Db, kind: ElementKind, id: number): Promise<ModelSlice> {
  const gone =
    kind === 'capability'
      ? (
          await capabilitySubtree(db, id).selectFrom('subtree').select('id').execute()
        ).map((r) => r.id)
      : [id];
  return {
    services: (q) =>
      q
        .selectFrom('information_service')
        .select('element_id as id')
        .where((eb) =>
          eb.or([
            eb('element_id', 'in', gone),
            eb('category_id', 'in', gone),
            eb('tier_id', 'in', gone),
            eb('solution_part_id', 'in', gone),
            eb('element_id', 'in', eb.selectFrom('service_capability').select('service_id').where('capability_id', 'in', gone)),
            eb('element_id', 'in', eb.selectFrom('service_goal').select('service_id').where('goal_id', 'in', gone)),
            eb('element_id', 'in', eb.selectFrom('service_dependency').select('service_id').where('project_id', 'in', gone)),
            eb('element_id', 'in', eb.selectFrom('service_personnel').select('service_id').where('personnel_group_id', 'in', gone)),
            eb(
              'element_id',
              'in',
              eb
                .selectFrom('service_exchange')
                .select('service_id')
                .where((x) => x.or([x('actor_id', 'in', gone), x('mode_id', 'in', gone), x('need_level_id', 'in', gone)])),
            ),
          ]),
        ),
    requirements: (q) =>
      q
        .selectFrom('element')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('id', 'in', gone), eb('kind', '=', 'requirement')]),
            eb('id', 'in', eb.selectFrom('requirement_element').select('requirement_id').where('element_id', 'in', gone)),
          ]),
        ),
    municipalities: false,
  };
}
