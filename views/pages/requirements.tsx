import type { Child } from 'hono/jsx';
import type { RequirementQuery } from '../../model/filters.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import {
  requirementPriorities,
  requirementPriorityLabel,
  requirementStatuses,
  requirementStatusLabel,
  type Requirement,
  type ScopeModel,
} from '../../model/schemas.ts';
import { ElementLink, Empty, PageHeader, TentativeTag } from '../components/common.tsx';
import { FilterSelect } from '../components/form.tsx';

export function RequirementsPage(props: { model: ScopeModel; index: ModelIndex; rows: Requirement[]; query: RequirementQuery; selfUrl: string; createPanel?: Child }) {
  const { query } = props;
  return (
    <>
      <PageHeader
        title="Krav"
        lead="Kravene til løsningen, som «skal»-utsagn med nummer, prioritet og status, knyttet til elementene i omfanget."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Krav' }]}
      />
      <p class="ds-paragraph">
        <a class="ds-link" href="/baselines">
          Baselines: frys modellen og se hva som er endret
        </a>
      </p>
      {props.createPanel}
      <form class="filter-form" method="get" action="/krav" hx-get="/krav" hx-target="#kravliste" hx-swap="outerHTML" hx-trigger="change delay:500ms" hx-push-url="true" role="search" aria-label="Filtrer krav">
        <FilterSelect id="filter-status" name="status" label="Status" all="Alle" options={requirementStatuses.map((s) => ({ value: s, label: requirementStatusLabel[s] }))} value={query.status} />
        <FilterSelect id="filter-priority" name="priority" label="Prioritet" all="Alle" options={requirementPriorities.map((p) => ({ value: p, label: requirementPriorityLabel[p] }))} value={query.priority} />
        <button class="ds-button" data-variant="secondary" type="submit">
          Vis
        </button>
      </form>
      <RequirementTable {...props} />
    </>
  );
}

export function RequirementTable({ model, index, rows, selfUrl }: { model: ScopeModel; index: ModelIndex; rows: Requirement[]; selfUrl: string }) {
  const about = new Map<number, number[]>();
  for (const l of model.links.requirementElements) about.set(l.requirementId, [...(about.get(l.requirementId) ?? []), l.elementId]);
  return (
    <div id="kravliste" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      <p class="ds-paragraph">{rows.length} krav.</p>
      {rows.length === 0 ? (
        <Empty>Ingen krav passer filteret.</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label="Krav">
        <table class="ds-table" data-border data-zebra>
          <caption class="ds-sr-only">Krav</caption>
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Krav</th>
              <th scope="col">Prioritet</th>
              <th scope="col">Status</th>
              <th scope="col">Gjelder</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.ref}</td>
                <th scope="row">
                  <ElementLink element={r} /> <TentativeTag show={r.tentative} />
                  <div class="muted">{r.text}</div>
                </th>
                <td>{requirementPriorityLabel[r.priority]}</td>
                <td>{requirementStatusLabel[r.status]}</td>
                <td>
                  <ul class="cell-list">
                    {(about.get(r.id) ?? []).map((id) => (
                      <li>
                        <ElementLink element={index.byId.get(id)} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </section>
      )}
    </div>
  );
}
