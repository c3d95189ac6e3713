import type { ServiceFilter } from '../../model/filters.ts';
import { byPosition } from '../../model/lookup.ts';
import type { ScopeModel } from '../../model/schemas.ts';
import { useI18n } from '../i18n/index.ts';
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
  const { t, name } = useI18n();
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
      aria-label={t('scope.filter.label')}
    >
      <FilterSelect id="filter-tier" name="tier" label={t('scope.filter.tier')} all={t('scope.filter.tierAll')} options={tiers.map((e) => ({ value: e.key, label: name(e) }))} value={value.tier} />
      <FilterSelect id="filter-category" name="category" label={t('scope.filter.category')} all={t('scope.filter.categoryAll')} options={categories.map((e) => ({ value: e.key, label: name(e) }))} value={value.category} />
      <button class="ds-button" data-variant="secondary" type="submit">
        {t('scope.filter.show')}
      </button>
    </form>
  );
}
