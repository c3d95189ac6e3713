import type { DeletionImpact } from '../../model/deletion.ts';
import { fieldsByKind } from '../../model/editing.ts';
import { elementHref, kindInfo, type ElementKind } from '../../model/kinds.ts';
import type { ScopeElement } from '../../model/schemas.ts';
import { ElementLink, kindCrumb, PageHeader } from '../components/common.tsx';
import { ConflictTable } from '../components/stale.tsx';
import type { RefOptions } from '../../model/editing.ts';
import { Field, SpecErrorSummary as ErrorSummary, type FormState } from '../components/element-fields.tsx';
import { useI18n } from '../i18n/index.ts';

/** The region on a list page (or a matrix page) where a new element is added. */
export function createRegionId(kind: ElementKind): string {
  return `ny-${kindInfo[kind].path}`;
}

/**
 * The "new element" region: a button that opens the form, the form itself, or (after a save) a
 * confirmation with the form ready for the next one.
 */
export function CreatePanel({
  kind,
  open,
  state,
  options,
  created,
}: {
  kind: ElementKind;
  open: boolean;
  state: FormState;
  options: RefOptions;
  created?: { key: string; name: string } | undefined;
}) {
  const info = kindInfo[kind];
  const id = createRegionId(kind);
  const { t, tx } = useI18n();
  // "Ny løsningsdel", "Nytt krav": the adjective agrees with the noun's gender, so each is its own message.
  const newLabel = t(`kinds.${kind}.new`);
  return (
    <section id={id} class="create-panel" aria-label={newLabel}>
      {created ? (
        <p class="ds-alert" data-color="success" role="status">
          {tx('scope.create.done', {
            name: created.name,
            link: (chunks) => (
              <a class="ds-link" href={elementHref(kind, created.key)}>
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}
      {open ? (
        <form
          class="element-form"
          method="post"
          action={`/${info.path}`}
          hx-post={`/${info.path}`}
          hx-target={`#${id}`}
          hx-swap="outerHTML"
          novalidate
        >
          <h2 class="ds-heading" data-size="xs">
            {newLabel}
          </h2>
          <ErrorSummary errors={state.errors} fields={fieldsByKind[kind]} idPrefix={id} />
          {fieldsByKind[kind].map((field) => (
            <Field field={field} state={state} options={options} idPrefix={id} />
          ))}
          <div class="form-actions">
            <button class="ds-button" type="submit">
              {t('scope.create.submit')}
            </button>
            <a class="ds-button" data-variant="tertiary" href={`/${info.path}`} hx-get={`/${info.path}/ny?lukk=1`} hx-target={`#${id}`} hx-swap="outerHTML">
              {t('common.cancel')}
            </a>
          </div>
        </form>
      ) : (
        <a
          class="ds-button"
          data-variant="secondary"
          href={`/${info.path}/ny`}
          hx-get={`/${info.path}/ny`}
          hx-target={`#${id}`}
          hx-swap="outerHTML"
        >
          {newLabel}
        </a>
      )}
    </section>
  );
}

/** The edit form that replaces an element's page content in place. */
export function EditForm({
  element,
  state,
  options,
  version,
}: {
  element: ScopeElement;
  state: FormState;
  options: RefOptions;
  version: number;
}) {
  const { t, name } = useI18n();
  const href = elementHref(element.kind, element.key);
  return (
    <div id="element-innhold">
      <PageHeader
        title={t('scope.edit.title', { name: name(element) })}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, kindCrumb(element.kind), { href, label: name(element) }, { label: t('scope.detail.edit') }]}
        focus
      />
      <form class="element-form" method="post" action={href} hx-post={href} hx-target="#element-innhold" hx-swap="outerHTML" novalidate>
        <input type="hidden" name="version" value={String(version)} />
        <ErrorSummary errors={state.errors} fields={fieldsByKind[element.kind]} idPrefix="rediger" />
        {fieldsByKind[element.kind].map((field) => (
          <Field field={field} state={state} options={options} idPrefix="rediger" />
        ))}
        <div class="form-actions">
          <button class="ds-button" type="submit">
            {t('common.save')}
          </button>
          <a class="ds-button" data-variant="tertiary" href={href} hx-get={href} hx-target="#element-innhold" hx-swap="outerHTML" hx-select="#element-innhold">
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}

/**
 * Someone saved the element after this form was opened. Nothing is written until the architect
 * chooses: keep their own values, or take what is stored now.
 */
export function ConflictView({
  element,
  submitted,
  current,
  changed,
}: {
  element: ScopeElement;
  submitted: Record<string, string>;
  current: Record<string, string>;
  changed: string[];
}) {
  const { t, name } = useI18n();
  const fields = fieldsByKind[element.kind];
  const href = elementHref(element.kind, element.key);
  const show = (name: string, v: string | undefined) => {
    const field = fields.find((f) => f.name === name);
    if (field?.type === 'checkbox') return v === 'on' ? t('common.yes') : t('common.no');
    if (field?.type === 'enum') {
      const label = field.options.find(([value]) => value === v)?.[1];
      return label ? t(label) : v || '–';
    }
    return v ? v : '–';
  };
  return (
    <div id="element-innhold">
      <h1 class="ds-heading" data-size="lg">
        {t('scope.edit.title', { name: name(element) })}
      </h1>
      <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
        <h2 class="ds-heading" data-size="xs">
          {t('scope.conflict.title')}
        </h2>
        <p class="ds-paragraph">{t('scope.conflict.text')}</p>
      </div>
      <ConflictTable
        fields={changed.map((name) => ({
          label: ((label) => (label ? t(label) : name))(fields.find((f) => f.name === name)?.label),
          mine: show(name, submitted[name]),
          theirs: show(name, current[name]),
        }))}
      />
      <div class="form-actions">
        <form method="post" action={href} hx-post={href} hx-target="#element-innhold" hx-swap="outerHTML">
          <input type="hidden" name="version" value={String(element.version)} />
          {fields.map((f) =>
            f.type === 'checkbox' ? (
              submitted[f.name] === 'on' ? <input type="hidden" name={f.name} value="on" /> : null
            ) : (
              <input type="hidden" name={f.name} value={submitted[f.name] ?? ''} />
            ),
          )}
          <button class="ds-button" type="submit">
            {t('scope.conflict.keepMine')}
          </button>
        </form>
        <a class="ds-button" data-variant="secondary" href={`${href}/rediger`} hx-get={`${href}/rediger`} hx-target="#element-innhold" hx-swap="outerHTML">
          {t('scope.conflict.takeStored')}
        </a>
      </div>
    </div>
  );
}

/** Shown before a deletion that takes anything else with it; nothing is deleted until confirmed. */
export function DeleteConfirm({ impact, fingerprint, changed }: { impact: DeletionImpact; fingerprint: string; changed: boolean }) {
  const { element } = impact;
  const { t, tx, name } = useI18n();
  const href = elementHref(element.kind, element.key);
  return (
    <section id="slett-bekreft" class="delete-confirm" aria-labelledby="slett-tittel">
      <div class="ds-alert" data-color="danger" role="alert" tabindex={-1} autofocus>
        {changed ? (
          <p class="ds-paragraph">
            {tx('scope.delete.changed', { strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        ) : null}
        <h2 id="slett-tittel" class="ds-heading" data-size="xs">
          {t('scope.delete.title', { name: name(element) })}
        </h2>
        {impact.alsoDeleted.length > 0 ? (
          <>
            <p class="ds-paragraph">{t('scope.delete.alsoDeleted', { count: impact.alsoDeleted.length })}</p>
            <ul class="ds-list">
              {impact.alsoDeleted.map((e) => (
                <li>
                  <ElementLink element={e} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {impact.loseReference.length > 0 ? (
          <>
            <p class="ds-paragraph">{t('scope.delete.loseReference', { count: impact.loseReference.length })}</p>
            <ul class="ds-list">
              {impact.loseReference.map((r) => (
                <li>
                  {tx('scope.delete.losesField', { kind: r.kind, link: () => <ElementLink element={r.element} /> })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {impact.kept.length > 0 ? (
          <>
            <p class="ds-paragraph">{t('scope.delete.kept')}</p>
            <ul class="ds-list">
              {impact.kept.map((k) => (
                <li>{t(k.label, { count: k.count })}</li>
              ))}
            </ul>
          </>
        ) : null}
        {impact.links.length > 0 ? (
          <>
            <p class="ds-paragraph">{t('scope.delete.links')}</p>
            <ul class="ds-list">
              {impact.links.map((l) => (
                <li>{t(l.label, { count: l.count })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <div class="form-actions">
        <form method="post" action={`${href}/slett`} hx-post={`${href}/slett`} hx-target="#slett-bekreft" hx-swap="outerHTML">
          <input type="hidden" name="confirm" value={fingerprint} />
          <button class="ds-button" data-color="danger" type="submit">
            {t('scope.delete.confirm')}
          </button>
        </form>
        <a class="ds-button" data-variant="secondary" href={href}>
          {t('common.cancel')}
        </a>
      </div>
    </section>
  );
}
