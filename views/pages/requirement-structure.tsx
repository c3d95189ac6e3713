import type { Child } from 'hono/jsx';
import { chapterSubtree, numberChapters, type NumberedChapter, type RequirementChapter } from '../../model/requirements.ts';
import type { StaleField } from '../../model/versions.ts';
import type { RequirementTypeRow } from '../../src/db/queries/requirement-structure.ts';
import { Empty, PageHeader } from '../components/common.tsx';
import { ConflictTable } from '../components/stale.tsx';
import { useI18n } from '../i18n/index.ts';

/*
 * The requirement set's structure (issue 13): the chapter tree (create, rename, move, reorder)
 * and the editable list of requirement types. Each POST answers with the same section, so htmx
 * swaps it in place; without JavaScript the forms post and come back to the page.
 */

/** The outcome of the last request, for the section to show beside the form it concerns. */
export interface StructureMessages {
  notice?: string | undefined;
  /** Which form failed ('ny' for the new-chapter form, or the chapter's id / the type's key), its values and errors. */
  failed?: { form: string; values: Record<string, string>; errors: Record<string, string> } | undefined;
  /** A stale form: what differs, and the form to show again with the user's values. */
  stale?: { form: string; fields: StaleField[]; values: Record<string, string> } | undefined;
}

function InlineField(props: { id: string; name: string; label: string; value: string; error?: string | undefined; children?: Child }) {
  const errorId = `${props.id}-feil`;
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      {props.children ?? (
        <input
          class="ds-input"
          id={props.id}
          name={props.name}
          type="text"
          value={props.value}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? errorId : undefined}
        />
      )}
      {props.error ? (
        <p class="ds-validation-message" data-field="validation" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function ParentSelect(props: { id: string; chapters: NumberedChapter[]; exclude: Set<number>; value: string; error?: string | undefined }) {
  const { t } = useI18n();
  const errorId = `${props.id}-feil`;
  return (
    <InlineField id={props.id} name="parent" label={t('requirement.chapters.parent')} value={props.value} error={props.error}>
      <select
        class="ds-input"
        id={props.id}
        name="parent"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        <option value="">{t('requirement.chapters.topLevel')}</option>
        {props.chapters.map((c) =>
          props.exclude.has(c.id) ? null : (
            <option value={String(c.id)} selected={props.value === String(c.id)}>
              {'– '.repeat(c.depth)}
              {c.number} {c.name}
            </option>
          ),
        )}
      </select>
    </InlineField>
  );
}

const target = '#kapitler';
const hx = (action: string) => ({ method: 'post' as const, action, 'hx-post': action, 'hx-target': target, 'hx-swap': 'outerHTML' });

export function ChaptersSection(props: { chapters: RequirementChapter[]; counts: Map<number, number>; canEdit: boolean } & StructureMessages) {
  const { t } = useI18n();
  const numbered = numberChapters(props.chapters);
  const children = new Map<number | null, NumberedChapter[]>();
  for (const c of numbered) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const failed = props.failed;
  const stale = props.stale;
  const valuesFor = (form: string, fallback: Record<string, string>) =>
    stale?.form === form ? stale.values : failed?.form === form ? failed.values : fallback;
  const errorsFor = (form: string) => (failed?.form === form ? failed.errors : {});

  const Tree = ({ parentId }: { parentId: number | null }): Child => {
    const list = children.get(parentId) ?? [];
    if (list.length === 0) return null;
    return (
      <ol class="chapter-tree">
        {list.map((c, i) => {
          const form = String(c.id);
          const values = valuesFor(form, { name: c.name, parent: c.parentId === null ? '' : String(c.parentId), version: String(c.version) });
          const errors = errorsFor(form);
          const open = failed?.form === form || stale?.form === form;
          return (
            <li id={`kapittel-${c.id}`}>
              <span class="chapter-tree__title">
                {c.number} {c.name}
              </span>{' '}
              <span class="muted">{t('requirement.chapters.count', { count: props.counts.get(c.id) ?? 0 })}</span>
              {props.canEdit ? (
                <>
                  {(['up', 'down'] as const).map((direction) =>
                    (direction === 'up' ? i === 0 : i === list.length - 1) ? null : (
                      <form class="inline-form" {...hx(`/krav/kapitler/${c.id}/flytt`)}>
                        <input type="hidden" name="version" value={String(c.version)} />
                        <input type="hidden" name="retning" value={direction === 'up' ? 'opp' : 'ned'} />
                        <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" aria-label={t(direction === 'up' ? 'requirement.chapters.moveUp' : 'requirement.chapters.moveDown', { name: c.name })}>
                          {t(direction === 'up' ? 'requirement.chapters.up' : 'requirement.chapters.down')}
                        </button>
                      </form>
                    ),
                  )}
                  <details class="chapter-edit" open={open}>
                    <summary>{t('requirement.chapters.edit', { name: c.name })}</summary>
                    {stale?.form === form ? <StaleAlert fields={stale.fields} /> : null}
                    <form class="link-form" {...hx(`/krav/kapitler/${c.id}`)} novalidate>
                      <input type="hidden" name="version" value={stale?.form === form ? String(c.version) : values.version ?? String(c.version)} />
                      <InlineField id={`kapittel-${c.id}-navn`} name="name" label={t('requirement.chapters.name')} value={values.name ?? ''} error={errors.name} />
                      <ParentSelect id={`kapittel-${c.id}-under`} chapters={numbered} exclude={chapterSubtree(props.chapters, c.id)} value={values.parent ?? ''} error={errors.parent} />
                      <button class="ds-button" data-variant="secondary" type="submit">
                        {t('requirement.chapters.save')}
                      </button>
                    </form>
                  </details>
                </>
              ) : null}
              <Tree parentId={c.id} />
            </li>
          );
        })}
      </ol>
    );
  };

  const newValues = valuesFor('ny', { name: '', parent: '' });
  const newErrors = errorsFor('ny');
  return (
    <section id="kapitler" aria-labelledby="kapitler-tittel" class="detail-section">
      <h2 id="kapitler-tittel" class="ds-heading" data-size="sm">
        {t('requirement.chapters.heading', { count: numbered.length })}
      </h2>
      {props.notice ? (
        <p class="ds-alert notice" data-color="success" role="status">
          {props.notice}
        </p>
      ) : null}
      {numbered.length === 0 ? <Empty>{t('requirement.chapters.none')}</Empty> : <Tree parentId={null} />}
      {props.canEdit ? (
        <form class="link-form" {...hx('/krav/kapitler')} novalidate>
          <h3 class="ds-heading" data-size="xs">
            {t('requirement.chapters.new')}
          </h3>
          <InlineField id="kapittel-ny-navn" name="name" label={t('requirement.chapters.name')} value={newValues.name ?? ''} error={newErrors.name} />
          <ParentSelect id="kapittel-ny-under" chapters={numbered} exclude={new Set()} value={newValues.parent ?? ''} error={newErrors.parent} />
          <button class="ds-button" type="submit">
            {t('requirement.chapters.create')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function StaleAlert({ fields }: { fields: StaleField[] }) {
  const { t } = useI18n();
  return (
    <div class="ds-alert" data-color="warning" role="alert">
      <p class="ds-paragraph">{t('requirement.stale')}</p>
      {fields.length > 0 ? <ConflictTable fields={fields} /> : null}
    </div>
  );
}

function StructureNav() {
  const { t } = useI18n();
  return (
    <p class="ds-paragraph">
      <a class="ds-link" href="/krav">
        {t('requirement.nav.list')}
      </a>{' '}
      ·{' '}
      <a class="ds-link" href="/krav/kapitler">
        {t('requirement.nav.chapters')}
      </a>{' '}
      ·{' '}
      <a class="ds-link" href="/krav/typer">
        {t('requirement.nav.types')}
      </a>{' '}
      ·{' '}
      <a class="ds-link" href="/krav/sporbarhet">
        {t('requirement.nav.trace')}
      </a>{' '}
      ·{' '}
      <a class="ds-link" href="/baselines">
        {t('requirement.nav.baselines')}
      </a>
    </p>
  );
}

export function ChaptersPage(props: Parameters<typeof ChaptersSection>[0]) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('requirement.chapters.title')}
        lead={t('requirement.chapters.lead')}
        crumbs={[{ href: '/', label: t('requirement.crumb.home') }, { href: '/krav', label: t('requirement.crumb.requirements') }, { label: t('requirement.chapters.title') }]}
      />
      <StructureNav />
      <ChaptersSection {...props} />
    </>
  );
}

export function TypesSection(props: { types: RequirementTypeRow[]; canEdit: boolean } & StructureMessages) {
  const { t } = useI18n();
  const failed = props.failed;
  const stale = props.stale;
  const action = '/krav/typer';
  const hxTypes = (to: string) => ({ method: 'post' as const, action: to, 'hx-post': to, 'hx-target': '#kravtyper', 'hx-swap': 'outerHTML' });
  return (
    <section id="kravtyper" aria-labelledby="kravtyper-tittel" class="detail-section">
      <h2 id="kravtyper-tittel" class="ds-heading" data-size="sm">
        {t('requirement.types.heading', { count: props.types.length })}
      </h2>
      {props.notice ? (
        <p class="ds-alert notice" data-color="success" role="status">
          {props.notice}
        </p>
      ) : null}
      <ul class="link-list">
        {props.types.map((type) => {
          const form = `type-${type.key}`;
          const values = stale?.form === form ? stale.values : failed?.form === form ? failed.values : { label: type.label };
          const errors = failed?.form === form ? failed.errors : {};
          return (
            <li id={`kravtype-${type.key}`}>
              {type.label} <span class="muted">{t('requirement.types.used', { count: type.used })}</span>
              {props.canEdit ? (
                <details class="chapter-edit" open={failed?.form === form || stale?.form === form}>
                  <summary>{t('requirement.types.rename', { name: type.label })}</summary>
                  {stale?.form === form ? <StaleAlert fields={stale.fields} /> : null}
                  <form class="link-form" {...hxTypes(`${action}/${type.key}`)} novalidate>
                    <input type="hidden" name="shown" value={type.label} />
                    <InlineField id={`kravtype-${type.key}-navn`} name="label" label={t('requirement.types.label')} value={values.label ?? ''} error={errors.label} />
                    <button class="ds-button" data-variant="secondary" type="submit">
                      {t('requirement.chapters.save')}
                    </button>
                  </form>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {props.canEdit ? (
        <form class="link-form" {...hxTypes(action)} novalidate>
          <h3 class="ds-heading" data-size="xs">
            {t('requirement.types.new')}
          </h3>
          <InlineField
            id="kravtype-ny-navn"
            name="label"
            label={t('requirement.types.label')}
            value={failed?.form === 'ny' ? (failed.values.label ?? '') : ''}
            error={failed?.form === 'ny' ? failed.errors.label : undefined}
          />
          <button class="ds-button" type="submit">
            {t('requirement.types.create')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function TypesPage(props: Parameters<typeof TypesSection>[0]) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('requirement.types.title')}
        lead={t('requirement.types.lead')}
        crumbs={[{ href: '/', label: t('requirement.crumb.home') }, { href: '/krav', label: t('requirement.crumb.requirements') }, { label: t('requirement.types.title') }]}
      />
      <StructureNav />
      <TypesSection {...props} />
    </>
  );
}

export { StructureNav };
