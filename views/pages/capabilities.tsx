import type { Child } from 'hono/jsx';
import { byPosition, type ModelIndex } from '../../model/lookup.ts';
import type { ListCounts } from '../../src/db/queries/element-lists.ts';
import type { Capability, ScopeModel } from '../../model/schemas.ts';
import { ElementLink, PageHeader, TentativeTag } from '../components/common.tsx';
import { MoveButton } from './elements.tsx';
import { useI18n } from '../i18n/index.ts';

export interface CapabilityTreeProps {
  model: ScopeModel;
  index: ModelIndex;
  /** Per capability, the distinct services it or anything below it supports (`capabilityServiceCounts`). */
  serviceCounts: ListCounts;
  canEdit?: boolean;
  moved?: { key: string; direction: 'up' | 'down' } | undefined;
}

/** The capability tree page, grouped by the solution part each top-level capability sits in. */
export function CapabilityTreePage(props: CapabilityTreeProps & { createPanel?: Child }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('kinds.capability.plural')}
        lead={t('scope.capabilities.lead')}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, { label: t('kinds.capability.plural') }]}
      />
      {props.createPanel ?? null}
      <CapabilityTree {...props} />
    </>
  );
}

export function CapabilityTree({ model, index, serviceCounts, canEdit = false, moved }: CapabilityTreeProps) {
  const { t } = useI18n();
  const serviceCount = (c: Capability) => serviceCounts.get(c.id) ?? 0;
  const roots = index.childrenOf(null);
  const parts = [...model.elements.solutionPart].sort(byPosition);
  const groups = [
    ...parts.map((p) => ({ key: p.key, title: p.name, part: p, roots: roots.filter((r) => r.solutionPartId === p.id) })),
    { key: 'uten-losningsdel', title: t('scope.capabilities.noSolutionPart'), part: undefined, roots: roots.filter((r) => r.solutionPartId === null) },
  ].filter((g) => g.roots.length > 0);

  const Node = ({ capability, depth, first, last }: { capability: Capability; depth: number; first: boolean; last: boolean }) => {
    const children = index.childrenOf(capability.id);
    const count = serviceCount(capability);
    return (
      <li class="tree__node">
        <ElementLink element={capability} /> <TentativeTag show={capability.tentative} />{' '}
        <span class={count === 0 ? 'tree__count tree__count--none' : 'tree__count'}>
          {t('scope.capabilities.services', { count })}
        </span>
        {canEdit ? (
          <div class="reorder">
            <MoveButton kind="capability" element={capability} direction="up" disabled={first} focus={moved?.key === capability.key && moved.direction === 'up'} target="#funksjonstre" />
            <MoveButton kind="capability" element={capability} direction="down" disabled={last} focus={moved?.key === capability.key && moved.direction === 'down'} target="#funksjonstre" />
          </div>
        ) : null}
        {children.length > 0 && depth < 30 ? (
          <ul class="tree__children">
            {children.map((child, i) => (
              <Node capability={child} depth={depth + 1} first={i === 0} last={i === children.length - 1} />
            ))}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <div id="funksjonstre" hx-get="/funksjonsomrader" hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {groups.map((g) => (
        <section aria-labelledby={`del-${g.key}`} class="tree-section">
          <h2 id={`del-${g.key}`} class="ds-heading" data-size="sm">
            {g.part ? <ElementLink element={g.part} /> : g.title}
          </h2>
          <ul class="tree">
            {g.roots.map((r, i) => (
              <Node capability={r} depth={0} first={i === 0} last={i === g.roots.length - 1} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
