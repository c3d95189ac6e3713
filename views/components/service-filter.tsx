import type { ServiceFilter } from '../../model/filters.ts';
import { byPosition } from '../../model/lookup.ts';
import type { ScopeModel } from '../../model/schemas.ts';
import { FilterSelect } from './form.tsx';

/**
 * Filters services by tier and category. With htmx a change redraws only the target and keeps
 * the address in step; without JavaScript the button submits the form as a normal GET.
 */
export function ServiceFilterForm({
  model,
  value,
  action,
  target,
}: {
  model: ScopeModel;
  value: ServiceFilter;
  action: string;
  target: string;
}) {
  const tiers = [...model.elements.deliveryTier].sort(byPosition);
  const categories = [...model.elements.informationCategory].sort(byPosition);
  return (
    <form
      class="filter-form"
      method="get"
      action={action}
      hx-get={action}
      hx-target={target}
      hx-swap="outerHTML"
      hx-trigger="change delay:500ms"
      hx-push-url="true"
      role="search"
      aria-label="Filtrer informasjonstjenester"
    >
      <FilterSelect id="filter-tier" name="tier" label="Leveransetrinn" all="Alle trinn" options={tiers.map((t) => ({ value: t.key, label: t.name }))} value={value.tier} />
      <FilterSelect id="filter-category" name="category" label="Informasjonskategori" all="Alle kategorier" options={categories.map((c) => ({ value: c.key, label: c.name }))} value={value.category} />
      <button class="ds-button" data-variant="secondary" type="submit">
        Vis
      </button>
    </form>
  );
}
