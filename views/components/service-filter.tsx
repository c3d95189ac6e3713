import type { ServiceFilter } from '../../model/filters.ts';
import { byPosition } from '../../model/lookup.ts';
import type { ScopeModel } from '../../model/schemas.ts';

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
      <div class="ds-field">
        <label class="ds-label" for="filter-tier">
          Leveransetrinn
        </label>
        <select class="ds-input" id="filter-tier" name="tier">
          <option value="">Alle trinn</option>
          {tiers.map((t) => (
            <option value={t.key} selected={value.tier === t.key}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="filter-category">
          Informasjonskategori
        </label>
        <select class="ds-input" id="filter-category" name="category">
          <option value="">Alle kategorier</option>
          {categories.map((c) => (
            <option value={c.key} selected={value.category === c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        Vis
      </button>
    </form>
  );
}
