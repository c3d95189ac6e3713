import { groupDiff, type BaselineDiff, type BaselineSummary, type DiffGrouping, type ElementRef } from '../../model/baselines.ts';
import { elementHref } from '../../model/kinds.ts';
import { Empty, PageHeader } from '../components/common.tsx';
import { WordDiff } from '../components/consultation.tsx';
import { DateTimeText } from '../components/dates.tsx';
import { useI18n } from '../i18n/index.ts';
import { baselineWording } from './baseline-wording.ts';

const srOnly = (chunks: unknown) => <span class="ds-sr-only">{chunks}</span>;

/*
 * Baselines (issue 13): the list with the freeze form, and the comparison of two baselines (or a
 * baseline and now) that doubles as the printable change report.
 */

export function BaselineFreezeForm({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <form id="frys-baseline" class="link-form" method="post" action="/baselines" hx-post="/baselines" hx-target="#innhold" hx-swap="innerHTML" novalidate>
      <h2 class="ds-heading" data-size="sm">
        {t('baselines.freeze.heading')}
      </h2>
      <p class="ds-paragraph">{t('baselines.freeze.lead')}</p>
      <div class="ds-field">
        <label class="ds-label" for="baseline-navn">
          {t('baselines.freeze.name')}
        </label>
        <input
          class="ds-input"
          id="baseline-navn"
          type="text"
          name="name"
          value={values.name ?? ''}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? 'baseline-navn-feil' : undefined}
        />
        {errors.name ? (
          <p class="ds-validation-message" data-field="validation" id="baseline-navn-feil">
            {errors.name}
          </p>
        ) : null}
      </div>
      <div class="ds-field">
        <label class="ds-label" for="baseline-beskrivelse">
          {t('baselines.freeze.description')}
        </label>
        <textarea class="ds-input" id="baseline-beskrivelse" name="description" rows={2}>
          {values.description ?? ''}
        </textarea>
      </div>
      <button class="ds-button" type="submit">
        {t('baselines.freeze.submit')}
      </button>
    </form>
  );
}

export function BaselineListPage(props: {
  baselines: BaselineSummary[];
  canFreeze: boolean;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
}) {
  const { baselines } = props;
  const { t, tx, number } = useI18n();
  return (
    <>
      <PageHeader
        title={t('baselines.title')}
        lead={t('baselines.lead')}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { href: '/krav', label: t('kinds.requirement.plural') }, { label: t('baselines.title') }]}
      />
      {props.notice ? (
        <p class="ds-alert notice" data-color="success" role="status">
          {props.notice}
        </p>
      ) : null}
      {baselines.length === 0 ? (
        <Empty>{t('baselines.empty')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('baselines.title')}>
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('baselines.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('baselines.column.name')}</th>
                <th scope="col">{t('baselines.column.frozen')}</th>
                <th scope="col">{t('baselines.column.by')}</th>
                <th scope="col">{t('baselines.column.elements')}</th>
                <th scope="col">{t('baselines.column.requirements')}</th>
                <th scope="col">{t('baselines.column.compare')}</th>
              </tr>
            </thead>
            <tbody>
              {baselines.map((b) => (
                <tr>
                  <th scope="row">
                    {b.name}
                    {b.description ? <div class="muted">{b.description}</div> : null}
                  </th>
                  <td>
                    <DateTimeText at={b.createdAt} />
                  </td>
                  <td>{b.createdByName}</td>
                  <td>{number(b.elementCount)}</td>
                  <td>{number(b.requirementCount)}</td>
                  <td>
                    <a class="ds-link" href={`/baselines/sammenlign?fra=${b.id}&til=naa`}>
                      {tx('baselines.compareWithNow', { name: b.name, sr: srOnly })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {baselines.length > 1 ? <CompareChooser baselines={baselines} from={String(baselines[1]!.id)} to={String(baselines[0]!.id)} grouping="kind" /> : null}
      {props.canFreeze ? <BaselineFreezeForm values={props.values ?? {}} errors={props.errors ?? {}} /> : null}
    </>
  );
}

function CompareChooser({ baselines, from, to, grouping }: { baselines: BaselineSummary[]; from: string; to: string; grouping: DiffGrouping }) {
  const { t } = useI18n();
  const options = (selected: string, withNow: boolean) => (
    <>
      {withNow ? (
        <option value="naa" selected={selected === 'naa'}>
          {t('baselines.chooser.now')}
        </option>
      ) : null}
      {baselines.map((b) => (
        <option value={String(b.id)} selected={selected === String(b.id)}>
          {b.name}
        </option>
      ))}
    </>
  );
  return (
    <form class="filter-form no-print" method="get" action="/baselines/sammenlign" role="search" aria-label={t('baselines.chooser.label')}>
      <div class="ds-field">
        <label class="ds-label" for="sammenlign-fra">
          {t('baselines.chooser.from')}
        </label>
        <select class="ds-input" id="sammenlign-fra" name="fra">
          {options(from, false)}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="sammenlign-til">
          {t('baselines.chooser.to')}
        </label>
        <select class="ds-input" id="sammenlign-til" name="til">
          {options(to, true)}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="sammenlign-gruppering">
          {t('baselines.chooser.grouping')}
        </label>
        <select class="ds-input" id="sammenlign-gruppering" name="gruppering">
          <option value="type" selected={grouping === 'kind'}>
            {t('baselines.chooser.byKind')}
          </option>
          <option value="kapittel" selected={grouping === 'chapter'}>
            {t('baselines.chooser.byChapter')}
          </option>
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        {t('baselines.chooser.submit')}
      </button>
    </form>
  );
}

function Name({ e, link }: { e: ElementRef; link: boolean }) {
  const label = e.ref ? `${e.ref} ${e.name}` : e.name;
  return link ? (
    <a class="ds-link" href={elementHref(e.kind, e.key)}>
      {label}
    </a>
  ) : (
    <>{label}</>
  );
}

export function BaselineComparePage(props: {
  baselines: BaselineSummary[];
  from: { id: string; label: string };
  to: { id: string; label: string };
  grouping: DiffGrouping;
  diff: BaselineDiff;
}) {
  const { diff, from, to } = props;
  const i18n = useI18n();
  const { t, tx, number } = i18n;
  const c = diff.counts;
  const query = `fra=${from.id}&til=${to.id}&gruppering=${props.grouping === 'chapter' ? 'kapittel' : 'type'}`;
  const nothing = c.elementsAdded + c.elementsRemoved + c.elementsChanged + c.linksAdded + c.linksRemoved + c.chaptersChanged === 0;
  return (
    <>
      <PageHeader
        title={t('baselines.compare.title', { from: from.label, to: to.label })}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { href: '/baselines', label: t('baselines.title') }, { label: t('baselines.crumb.compare') }]}
      />
      <CompareChooser baselines={props.baselines} from={from.id} to={to.id} grouping={props.grouping} />
      <p class="ds-paragraph no-print">
        <a class="ds-link" href={`/baselines/sammenlign.csv?${query}`}>
          {t('baselines.compare.csv')}
        </a>{' '}
        ·{' '}
        <a class="ds-link" href={`/baselines/sammenlign.md?${query}`}>
          {t('baselines.compare.markdown')}
        </a>
      </p>
      <dl class="facts" id="endringer-tall">
        <dt>{t('baselines.compare.elementsAdded')}</dt>
        <dd>{number(c.elementsAdded)}</dd>
        <dt>{t('baselines.compare.elementsRemoved')}</dt>
        <dd>{number(c.elementsRemoved)}</dd>
        <dt>{t('baselines.compare.elementsChanged')}</dt>
        <dd>{number(c.elementsChanged)}</dd>
        <dt>{t('baselines.compare.requirementsMoved')}</dt>
        <dd>{number(c.requirementsMoved)}</dd>
        <dt>{t('baselines.compare.linksAdded')}</dt>
        <dd>{number(c.linksAdded)}</dd>
        <dt>{t('baselines.compare.linksRemoved')}</dt>
        <dd>{number(c.linksRemoved)}</dd>
        <dt>{t('baselines.compare.chaptersChanged')}</dt>
        <dd>{number(c.chaptersChanged)}</dd>
      </dl>
      {nothing ? <Empty>{t('baselines.compare.nothing')}</Empty> : null}
      {groupDiff(diff, props.grouping, baselineWording(i18n)).map((g) => (
        <section class="detail-section diff-group" aria-label={g.title}>
          <h2 class="ds-heading" data-size="sm">
            {g.title}
          </h2>
          <ul class="link-list">
            {g.added.map((e) => (
              <li>
                <span class="ds-tag" data-color="success" data-size="sm">
                  {t('baselines.compare.added')}
                </span>{' '}
                <Name e={e} link={to.id === 'naa'} />
              </li>
            ))}
            {g.removed.map((e) => (
              <li>
                <span class="ds-tag" data-color="danger" data-size="sm">
                  {t('baselines.compare.removed')}
                </span>{' '}
                <Name e={e} link={false} />
              </li>
            ))}
            {g.changed.map((ch) => (
              <li>
                <span class="ds-tag" data-color="warning" data-size="sm">
                  {t('baselines.compare.changed')}
                </span>{' '}
                <Name e={ch.element} link={to.id === 'naa'} /> <span class="muted">({t(`kinds.${ch.element.kind}.singular`)})</span>
                <dl class="facts">
                  {ch.fields.map((f) => (
                    <>
                      <dt>{f.label}</dt>
                      <dd>
                        {f.words ? (
                          <WordDiff segments={f.words} />
                        ) : (
                          <>
                            <del>{tx('baselines.compare.before', { value: f.before || '–', sr: srOnly })}</del> →{' '}
                            <ins>{tx('baselines.compare.after', { value: f.after || '–', sr: srOnly })}</ins>
                          </>
                        )}
                      </dd>
                    </>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {c.linksAdded + c.linksRemoved > 0 ? (
        <section class="detail-section" aria-labelledby="endrede-koblinger">
          <h2 class="ds-heading" data-size="sm" id="endrede-koblinger">
            {t('baselines.compare.links')}
          </h2>
          <ul class="link-list">
            {diff.links.added.map((l) => (
              <li>
                <span class="ds-tag" data-color="success" data-size="sm">
                  {t('baselines.compare.added')}
                </span>{' '}
                {l.label}: {l.from.name} → {l.to.name} {l.detail ? <span class="muted">({l.detail})</span> : null}
              </li>
            ))}
            {diff.links.removed.map((l) => (
              <li>
                <span class="ds-tag" data-color="danger" data-size="sm">
                  {t('baselines.compare.removed')}
                </span>{' '}
                {l.label}: {l.from.name} → {l.to.name} {l.detail ? <span class="muted">({l.detail})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.chaptersChanged > 0 ? (
        <section class="detail-section" aria-labelledby="endrede-kapitler">
          <h2 class="ds-heading" data-size="sm" id="endrede-kapitler">
            {t('baselines.compare.chapters')}
          </h2>
          <ul class="link-list">
            {diff.chapters.added.map((x) => (
              <li>{t('baselines.compare.chapterAdded', { name: x.name })}</li>
            ))}
            {diff.chapters.removed.map((x) => (
              <li>{t('baselines.compare.chapterRemoved', { name: x.name })}</li>
            ))}
            {diff.chapters.renamed.map((x) => (
              <li>{t('baselines.compare.chapterRenamed', { before: x.before ?? '', after: x.after ?? '' })}</li>
            ))}
            {diff.chapters.moved.map((x) => (
              <li>{t('baselines.compare.chapterMoved', { before: x.before ?? '', after: x.after ?? '' })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
