import { useI18n } from '../i18n/index.ts';
import { byPosition, type ModelIndex } from '../../model/lookup.ts';
import type { InformationService, ScopeModel } from '../../model/schemas.ts';
import { StatusTag } from '../components/common.tsx';

/** Checkbox groups for a service's capabilities, goals and national-project dependencies. */
export function ServiceLinksForm({
  service,
  model,
  index,
  selected,
  errors = [],
}: {
  service: InformationService;
  model: ScopeModel;
  index: ModelIndex;
  selected: { capabilities: Set<string>; goals: Set<string>; projects: Set<string> };
  errors?: string[];
}) {
  const { t, name } = useI18n();
  const action = `/informasjonstjenester/${service.key}/koblinger`;
  const tree: Array<{ key: string; name: string; depth: number }> = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const c of index.childrenOf(parentId)) {
      tree.push({ key: c.key, name: name(c), depth });
      if (depth < 30) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  const goals = [...model.elements.goal].sort(byPosition);
  const projects = [...model.elements.nationalProject].sort((a, b) => a.projectNo - b.projectNo);
  return (
    <form id="tjeneste-koblinger" class="element-form links-form" method="post" action={action} hx-post={action} hx-target="#element-innhold" hx-swap="outerHTML">
      <input type="hidden" name="version" value={String(service.version)} />
      <h2 class="ds-heading" data-size="xs" tabindex={-1} autofocus={errors.length === 0}>
        {t('scope.service.editLinks')}
      </h2>
      {errors.length > 0 ? (
        <div class="ds-error-summary" role="alert" tabindex={-1} autofocus>
          <h2 class="ds-heading" data-size="2xs">
            {t('scope.serviceLinks.notSaved')}
          </h2>
          <ul class="ds-list">
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{t('scope.serviceLinks.capabilities')}</legend>
        <ul class="check-list">
          {tree.map((c) => (
            <li class={`depth-${Math.min(c.depth, 4)}`}>
              <input class="ds-input" type="checkbox" id={`kobling-cap-${c.key}`} name="capabilities" value={c.key} checked={selected.capabilities.has(c.key)} />
              <label class="ds-label" data-weight="regular" for={`kobling-cap-${c.key}`}>
                {c.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{t('scope.serviceLinks.goals')}</legend>
        <ul class="check-list">
          {goals.map((g) => (
            <li>
              <input class="ds-input" type="checkbox" id={`kobling-goal-${g.key}`} name="goals" value={g.key} checked={selected.goals.has(g.key)} />
              <label class="ds-label" data-weight="regular" for={`kobling-goal-${g.key}`}>
                {name(g)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{t('scope.serviceLinks.projects')}</legend>
        <ul class="check-list check-list--columns">
          {projects.map((p) => (
            <li>
              <input class="ds-input" type="checkbox" id={`kobling-project-${p.key}`} name="projects" value={p.key} checked={selected.projects.has(p.key)} />
              <label class="ds-label" data-weight="regular" for={`kobling-project-${p.key}`}>
                {p.projectNo} {p.name} <StatusTag status={p.status} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div class="form-actions">
        <button class="ds-button" type="submit">
          {t('scope.serviceLinks.save')}
        </button>
        <a
          class="ds-button"
          data-variant="tertiary"
          href={`/informasjonstjenester/${service.key}`}
          hx-get={`/informasjonstjenester/${service.key}`}
          hx-target="#element-innhold"
          hx-swap="outerHTML"
        >
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}
