import { groupDiff, type BaselineDiff, type BaselineSummary, type DiffGrouping, type ElementRef } from '../../model/baselines.ts';
import { elementHref, kindInfo } from '../../model/kinds.ts';
import { Empty, PageHeader } from '../components/common.tsx';
import { WordDiff } from '../components/consultation.tsx';
import { formatDateTime } from '../components/dates.tsx';

/*
 * Baselines (issue 13): the list with the freeze form, and the comparison of two baselines (or a
 * baseline and now) that doubles as the printable change report.
 */

export function BaselineFreezeForm({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <form id="frys-baseline" class="link-form" method="post" action="/baselines" hx-post="/baselines" hx-target="#innhold" hx-swap="innerHTML" novalidate>
      <h2 class="ds-heading" data-size="sm">
        Frys en ny baseline
      </h2>
      <p class="ds-paragraph">Hele modellen – elementer, koblinger, krav og kapitler – fryses slik den er nå. En baseline kan aldri endres eller slettes.</p>
      <div class="ds-field">
        <label class="ds-label" for="baseline-navn">
          Navn
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
          Beskrivelse (valgfri)
        </label>
        <textarea class="ds-input" id="baseline-beskrivelse" name="description" rows={2}>
          {values.description ?? ''}
        </textarea>
      </div>
      <button class="ds-button" type="submit">
        Frys baseline
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
  return (
    <>
      <PageHeader
        title="Baselines"
        lead="Frosne utgaver av hele modellen, f.eks. det som ble sendt på høring eller lagt til grunn for anskaffelsen. Sammenlign to baselines, eller en baseline med modellen slik den er nå."
        crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/krav', label: 'Krav' }, { label: 'Baselines' }]}
      />
      {props.notice ? (
        <p class="ds-alert notice" data-color="success" role="status">
          {props.notice}
        </p>
      ) : null}
      {baselines.length === 0 ? (
        <Empty>Ingen baselines er frosset ennå.</Empty>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Baselines">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Baselines</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Frosset</th>
                <th scope="col">Av</th>
                <th scope="col">Elementer</th>
                <th scope="col">Krav</th>
                <th scope="col">Sammenlign</th>
              </tr>
            </thead>
            <tbody>
              {baselines.map((b) => (
                <tr>
                  <th scope="row">
                    {b.name}
                    {b.description ? <div class="muted">{b.description}</div> : null}
                  </th>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{b.createdByName}</td>
                  <td>{b.elementCount}</td>
                  <td>{b.requirementCount}</td>
                  <td>
                    <a class="ds-link" href={`/baselines/sammenlign?fra=${b.id}&til=naa`}>
                      Med nå<span class="ds-sr-only">: {b.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {baselines.length > 1 ? <CompareChooser baselines={baselines} from={String(baselines[1]!.id)} to={String(baselines[0]!.id)} grouping="kind" /> : null}
      {props.canFreeze ? <BaselineFreezeForm values={props.values ?? {}} errors={props.errors ?? {}} /> : null}
    </>
  );
}

function CompareChooser({ baselines, from, to, grouping }: { baselines: BaselineSummary[]; from: string; to: string; grouping: DiffGrouping }) {
  const options = (selected: string, withNow: boolean) => (
    <>
      {withNow ? (
        <option value="naa" selected={selected === 'naa'}>
          Nå (modellen slik den er)
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
    <form class="filter-form no-print" method="get" action="/baselines/sammenlign" role="search" aria-label="Velg hva som skal sammenlignes">
      <div class="ds-field">
        <label class="ds-label" for="sammenlign-fra">
          Fra
        </label>
        <select class="ds-input" id="sammenlign-fra" name="fra">
          {options(from, false)}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="sammenlign-til">
          Til
        </label>
        <select class="ds-input" id="sammenlign-til" name="til">
          {options(to, true)}
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" for="sammenlign-gruppering">
          Grupper etter
        </label>
        <select class="ds-input" id="sammenlign-gruppering" name="gruppering">
          <option value="type" selected={grouping === 'kind'}>
            Type element
          </option>
          <option value="kapittel" selected={grouping === 'chapter'}>
            Kapittel (krav)
          </option>
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        Sammenlign
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
  const c = diff.counts;
  const query = `fra=${from.id}&til=${to.id}&gruppering=${props.grouping === 'chapter' ? 'kapittel' : 'type'}`;
  const nothing = c.elementsAdded + c.elementsRemoved + c.elementsChanged + c.linksAdded + c.linksRemoved + c.chaptersChanged === 0;
  return (
    <>
      <PageHeader
        title={`Endringer fra ${from.label} til ${to.label}`}
        crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/baselines', label: 'Baselines' }, { label: 'Sammenligning' }]}
      />
      <CompareChooser baselines={props.baselines} from={from.id} to={to.id} grouping={props.grouping} />
      <p class="ds-paragraph no-print">
        <a class="ds-link" href={`/baselines/sammenlign.csv?${query}`}>
          Last ned som CSV
        </a>{' '}
        ·{' '}
        <a class="ds-link" href={`/baselines/sammenlign.md?${query}`}>
          Last ned som Markdown
        </a>
      </p>
      <dl class="facts" id="endringer-tall">
        <dt>Elementer lagt til</dt>
        <dd>{c.elementsAdded}</dd>
        <dt>Elementer fjernet</dt>
        <dd>{c.elementsRemoved}</dd>
        <dt>Elementer endret</dt>
        <dd>{c.elementsChanged}</dd>
        <dt>Krav flyttet til et annet kapittel</dt>
        <dd>{c.requirementsMoved}</dd>
        <dt>Koblinger lagt til</dt>
        <dd>{c.linksAdded}</dd>
        <dt>Koblinger fjernet</dt>
        <dd>{c.linksRemoved}</dd>
        <dt>Kapittelendringer</dt>
        <dd>{c.chaptersChanged}</dd>
      </dl>
      {nothing ? <Empty>Ingen endringer.</Empty> : null}
      {groupDiff(diff, props.grouping).map((g) => (
        <section class="detail-section diff-group" aria-label={g.title}>
          <h2 class="ds-heading" data-size="sm">
            {g.title}
          </h2>
          <ul class="link-list">
            {g.added.map((e) => (
              <li>
                <span class="ds-tag" data-color="success" data-size="sm">
                  Lagt til
                </span>{' '}
                <Name e={e} link={to.id === 'naa'} />
              </li>
            ))}
            {g.removed.map((e) => (
              <li>
                <span class="ds-tag" data-color="danger" data-size="sm">
                  Fjernet
                </span>{' '}
                <Name e={e} link={false} />
              </li>
            ))}
            {g.changed.map((ch) => (
              <li>
                <span class="ds-tag" data-color="warning" data-size="sm">
                  Endret
                </span>{' '}
                <Name e={ch.element} link={to.id === 'naa'} /> <span class="muted">({kindInfo[ch.element.kind].singular})</span>
                <dl class="facts">
                  {ch.fields.map((f) => (
                    <>
                      <dt>{f.label}</dt>
                      <dd>
                        {f.words ? (
                          <WordDiff segments={f.words} />
                        ) : (
                          <>
                            <del>
                              <span class="ds-sr-only">[før: </span>
                              {f.before || '–'}
                              <span class="ds-sr-only">]</span>
                            </del>{' '}
                            →{' '}
                            <ins>
                              <span class="ds-sr-only">[etter: </span>
                              {f.after || '–'}
                              <span class="ds-sr-only">]</span>
                            </ins>
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
            Koblinger
          </h2>
          <ul class="link-list">
            {diff.links.added.map((l) => (
              <li>
                <span class="ds-tag" data-color="success" data-size="sm">
                  Lagt til
                </span>{' '}
                {l.label}: {l.from.name} → {l.to.name} {l.detail ? <span class="muted">({l.detail})</span> : null}
              </li>
            ))}
            {diff.links.removed.map((l) => (
              <li>
                <span class="ds-tag" data-color="danger" data-size="sm">
                  Fjernet
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
            Kapitler
          </h2>
          <ul class="link-list">
            {diff.chapters.added.map((x) => (
              <li>Lagt til: {x.name}</li>
            ))}
            {diff.chapters.removed.map((x) => (
              <li>Fjernet: {x.name}</li>
            ))}
            {diff.chapters.renamed.map((x) => (
              <li>
                Omdøpt: {x.before} → {x.after}
              </li>
            ))}
            {diff.chapters.moved.map((x) => (
              <li>
                Flyttet: {x.before} → {x.after}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
