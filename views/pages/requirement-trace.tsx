import { LinkProvenanceNote } from '../components/link-provenance.tsx';
import { elementHref, elementKinds } from '../../model/kinds.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import { numberChapters, traceLinkKinds, type NumberedChapter, type TraceLinkKind } from '../../model/requirements.ts';
import {
  type Requirement,
  type ScopeElement,
  type ScopeModel,
} from '../../model/schemas.ts';
import type { TraceContext } from '../../src/db/queries/requirement-trace.ts';
import { ElementLink, Empty } from '../components/common.tsx';
import { TargetPicker } from '../components/target-picker.tsx';
import { useI18n } from '../i18n/index.ts';

/*
 * Traceability on both pages: the requirement's links (gjelder, upstream, downstream, lost)
 * and an element's requirements grouped by chapter, each with the architect's link form. The
 * POST that changes a link answers with the same section, so htmx swaps it in place.
 */

export interface SectionMessages {
  errors?: Record<string, string>;
  notice?: string;
  /** A stale form: the version the page showed and the version now. */
  conflict?: { seenVersion: number; currentVersion: number };
  /** What the user chose, shown again after an error. */
  values?: Record<string, string>;
}

function Messages({ notice, conflict, idPrefix }: SectionMessages & { idPrefix: string }) {
  const { t } = useI18n();
  return (
    <>
      {notice ? (
        <p class="ds-alert notice" data-color="success" role="status" id={`${idPrefix}-melding`}>
          {notice}
        </p>
      ) : null}
      {conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id={`${idPrefix}-konflikt`}>
          <p class="ds-paragraph">{t('requirement.trace.section.conflict', { seen: conflict.seenVersion, current: conflict.currentVersion })}</p>
        </div>
      ) : null}
    </>
  );
}

function UnlinkButton({ action, version, fields, label, target }: { action: string; version: number; fields: Record<string, string>; label: string; target: string }) {
  const { t } = useI18n();
  return (
    <form class="inline-form" method="post" action={action} hx-post={action} hx-target={target} hx-swap="outerHTML">
      <input type="hidden" name="version" value={String(version)} />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" aria-label={label}>
        {t('requirement.trace.section.remove')}
      </button>
    </form>
  );
}

/** "2.1 Name", or the words for "no chapter" in the reader's language. */
export function chapterLabel(chapter: NumberedChapter | undefined, noChapter: string): string {
  return chapter ? `${chapter.number} ${chapter.name}` : noChapter;
}

/** The requirement page's traceability: what it governs, upstream and downstream, lost links; the link form. */
export function RequirementTraceSection(props: {
  requirement: Requirement;
  model: ScopeModel;
  index: ModelIndex;
  trace: TraceContext;
  canEdit: boolean;
} & SectionMessages) {
  const { requirement, model, index, trace, canEdit } = props;
  const { t, dateTime } = useI18n();
  const action = `/krav/${requirement.key}/koblinger`;
  const governs = model.links.requirementElements
    .filter((l) => l.requirementId === requirement.id)
    .flatMap((l) => {
      const e = index.byId.get(l.elementId);
      return e ? [{ e, provenance: l.provenance }] : [];
    });
  const outgoing = trace.relations.filter((r) => r.fromId === requirement.id);
  const incoming = trace.relations.filter((r) => r.toId === requirement.id);
  const lost = trace.lostLinks.filter((l) => l.requirementId === requirement.id);
  const target = '#kravsporing';
  const unlink = (linkKind: TraceLinkKind, e: ScopeElement) => (
    <UnlinkButton
      action={`${action}/fjern`}
      version={requirement.version}
      fields={{ linkKind, target: `${e.kind}:${e.key}` }}
      label={t('requirement.trace.section.removeLink', { kind: t(`requirement.kind.${linkKind}`), name: e.name })}
      target={target}
    />
  );
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <section id="kravsporing" aria-labelledby="kravsporing-tittel" class="detail-section">
      <h2 id="kravsporing-tittel" class="ds-heading" data-size="sm">
        {t('requirement.trace.section.title')}
      </h2>
      <Messages {...props} idPrefix="kravsporing" />
      <h3 class="ds-heading" data-size="xs">
        {t('requirement.trace.section.governs', { count: governs.length })}
      </h3>
      {governs.length === 0 ? (
        <Empty>{t('requirement.trace.section.governsNothing')}</Empty>
      ) : (
        <ul class="link-list" id="kravsporing-gjelder">
          {governs.map(({ e, provenance }) => (
            <li>
              <ElementLink element={e} /> <span class="muted">({t(`kinds.${e.kind}.singular`)})</span> {canEdit ? unlink('governs', e) : null}
              <LinkProvenanceNote
                provenance={provenance}
                edit={canEdit ? { type: 'requirementElements', ends: [requirement.id, e.id], otherName: e.name, back: `/krav/${requirement.key}` } : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      <h3 class="ds-heading" data-size="xs">
        {t('requirement.trace.section.upstream')}
      </h3>
      {outgoing.length === 0 ? (
        <Empty>{t('requirement.trace.section.upstreamNone')}</Empty>
      ) : (
        <ul class="link-list">
          {outgoing.map((r) => {
            const other = index.byId.get(r.toId);
            return other ? (
              <li>
                {t(`requirement.kind.${r.kind}`)}: <ElementLink element={other} /> {canEdit ? unlink(r.kind, other) : null}
              </li>
            ) : null;
          })}
        </ul>
      )}
      <h3 class="ds-heading" data-size="xs">
        {t('requirement.trace.section.downstream')}
      </h3>
      {incoming.length === 0 ? (
        <Empty>{t('requirement.trace.section.downstreamNone')}</Empty>
      ) : (
        <ul class="link-list">
          {incoming.map((r) => (
            <li>
              {t(`requirement.kind.${r.kind}.incoming`)}: <ElementLink element={index.byId.get(r.fromId)} />
            </li>
          ))}
        </ul>
      )}
      {lost.length > 0 ? (
        <>
          <h3 class="ds-heading" data-size="xs">
            {t('requirement.trace.section.lost')}
          </h3>
          <ul class="link-list">
            {lost.map((l) => (
              <li>
                {l.elementName} <span class="muted">{t('requirement.trace.section.deletedAt', { at: dateTime(l.deletedAt) })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? (
        <form class="link-form" method="post" action={action} hx-post={action} hx-target={target} hx-swap="outerHTML" novalidate>
          <input type="hidden" name="version" value={String(requirement.version)} />
          <div class="ds-field">
            <label class="ds-label" for="kravsporing-type">
              {t('requirement.trace.section.linkKind')}
            </label>
            <select class="ds-input" id="kravsporing-type" name="linkKind">
              {traceLinkKinds.map((k) => (
                <option value={k} selected={values.linkKind === k}>
                  {t(`requirement.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TargetPicker
            id="kravsporing-mal"
            name="target"
            scope="element"
            label={t('requirement.trace.section.element')}
            hint={t('links.picker.elementHint')}
            value={values.target ?? ''}
            error={errors.target}
            back={`/krav/${requirement.key}#kravsporing`}
          />
          <button class="ds-button" data-variant="secondary" type="submit">
            {t('requirement.trace.section.link')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** An element's "Krav" section: the requirements that govern it, grouped by chapter, and the form to add one. */
export function ElementRequirementsSection(props: {
  element: ScopeElement;
  model: ScopeModel;
  index: ModelIndex;
  trace: TraceContext;
  canEdit: boolean;
} & SectionMessages) {
  const { element, model, index, trace, canEdit } = props;
  const { t } = useI18n();
  const chapters = numberChapters(trace.chapters);
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  const requirements = model.links.requirementElements
    .filter((l) => l.elementId === element.id)
    .flatMap((l) => index.get('requirement', l.requirementId) ?? []);
  const order = new Map(chapters.map((c, i) => [c.id, i]));
  const groups = new Map<number | null, Requirement[]>();
  for (const r of requirements) {
    const chapterId = r.chapterId != null && chapterById.has(r.chapterId) ? r.chapterId : null;
    groups.set(chapterId, [...(groups.get(chapterId) ?? []), r]);
  }
  const sortedGroups = [...groups.entries()].sort(([a], [b]) => (a === null ? 1e9 : order.get(a)!) - (b === null ? 1e9 : order.get(b)!));
  const action = `${elementHref(element.kind, element.key)}/krav`;
  const target = '#krav';
  const errors = props.errors ?? {};
  return (
    <section id="krav" aria-labelledby="krav-tittel" class="detail-section">
      <h2 id="krav-tittel" class="ds-heading" data-size="sm">
        {t('requirement.trace.section.requirements', { count: requirements.length })}
      </h2>
      <Messages {...props} idPrefix="krav" />
      {requirements.length === 0 ? <Empty>{t('requirement.trace.section.noRequirements')}</Empty> : null}
      {sortedGroups.map(([chapterId, list]) => (
        <>
          <h3 class="ds-heading" data-size="xs">
            {chapterLabel(chapterId === null ? undefined : chapterById.get(chapterId), t('requirement.trace.section.noChapter'))}
          </h3>
          <ul class="requirement-list">
            {list
              .sort((a, b) => a.ref.localeCompare(b.ref))
              .map((r) => (
                <li>
                  <a class="ds-link" href={`/krav/${r.key}`}>
                    {r.ref} {r.name}
                  </a>{' '}
                  <span class="ds-tag" data-size="sm" data-color="neutral">
                    {t(`requirementList.priority.${r.priority}`)}
                  </span>{' '}
                  <span class="ds-tag" data-size="sm" data-color="info">
                    {t(`requirementList.status.${r.status}`)}
                  </span>{' '}
                  {canEdit ? (
                    <UnlinkButton action={`${action}/fjern`} version={element.version} fields={{ requirement: r.ref }} label={t('requirement.trace.section.removeRequirement', { ref: r.ref })} target={target} />
                  ) : null}
                  <div class="muted">{r.text}</div>
                </li>
              ))}
          </ul>
        </>
      ))}
      {canEdit ? (
        <form class="link-form" method="post" action={action} hx-post={action} hx-target={target} hx-swap="outerHTML" novalidate>
          <input type="hidden" name="version" value={String(element.version)} />
          <TargetPicker
            id="krav-nummer"
            name="requirement"
            scope="krav"
            label={t('requirement.trace.section.linkTo', { name: element.name })}
            hint={t('requirement.trace.section.refHint')}
            value={props.values?.requirement ?? ''}
            error={errors.requirement}
            back={`${elementHref(element.kind, element.key)}#krav`}
          />
          <button class="ds-button" data-variant="secondary" type="submit">
            {t('requirement.trace.section.linkRequirement')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
