import { byPosition, subtreeIds, type ModelIndex } from '../../model/lookup.ts';
import type { Capability, ScopeModel } from '../../model/schemas.ts';
import { ElementLink, PageHeader, TentativeTag } from '../components/common.tsx';

/** The capability tree, grouped by the solution part each top-level capability sits in. */
export function CapabilityTreePage({ model, index }: { model: ScopeModel; index: ModelIndex }) {
  const supported = new Map<number, number>();
  for (const l of model.links.serviceCapabilities) supported.set(l.capabilityId, (supported.get(l.capabilityId) ?? 0) + 1);
  const serviceCount = (c: Capability) => {
    const ids = new Set(subtreeIds(index, c.id));
    return new Set(model.links.serviceCapabilities.filter((l) => ids.has(l.capabilityId)).map((l) => l.serviceId)).size;
  };
  const roots = index.childrenOf(null);
  const parts = [...model.elements.solutionPart].sort(byPosition);
  const groups = [
    ...parts.map((p) => ({ key: p.key, title: p.name, part: p, roots: roots.filter((r) => r.solutionPartId === p.id) })),
    { key: 'uten-losningsdel', title: 'Uten løsningsdel', part: undefined, roots: roots.filter((r) => r.solutionPartId === null) },
  ].filter((g) => g.roots.length > 0);

  const Node = ({ capability, depth }: { capability: Capability; depth: number }) => {
    const children = index.childrenOf(capability.id);
    const count = serviceCount(capability);
    return (
      <li class="tree__node">
        <ElementLink element={capability} /> <TentativeTag show={capability.tentative} />{' '}
        <span class={count === 0 ? 'tree__count tree__count--none' : 'tree__count'}>
          {count === 0 ? 'ingen tjenester' : `${count} ${count === 1 ? 'tjeneste' : 'tjenester'}`}
        </span>
        {children.length > 0 && depth < 30 ? (
          <ul class="tree__children">
            {children.map((child) => (
              <Node capability={child} depth={depth + 1} />
            ))}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <PageHeader
        title="Funksjonsområder"
        lead="Funksjonaliteten en fremtidig journalløsning og samhandlingsplattform bør ha, som et tre under løsningsdelene. Tallet viser hvor mange informasjonstjenester som støttes av området eller noe under det."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Funksjonsområder' }]}
      />
      {groups.map((g) => (
        <section aria-labelledby={`del-${g.key}`} class="tree-section">
          <h2 id={`del-${g.key}`} class="ds-heading" data-size="sm">
            {g.part ? <ElementLink element={g.part} /> : g.title}
          </h2>
          <ul class="tree">
            {g.roots.map((r) => (
              <Node capability={r} depth={0} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
