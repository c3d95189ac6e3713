import { commentKindLabel, commentStatusLabel, roundPhaseLabel, roundStateLabel, type Comment } from '../../../model/consultation.ts';
import { itemLabel, replyAuthor, type ConsultationReport, type ReportComment as ReportCommentData } from '../../../model/consultation-report.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { Answer, CommentBody, ItemName, UserText } from '../../components/consultation.tsx';
import { FigureTables } from './round.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';

/** The consultation report: printable, grouped by element, every comment with its status and answer. */
export function ReportPage({ report }: { report: ConsultationReport }) {
  const { round, figures } = report;
  return (
    <>
      <PageHeader title={`Høringsrapport: ${round.title}`} crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/horing', label: 'Høring' }, { href: `/horing/${round.id}`, label: round.title }, { label: 'Rapport' }]} />
      <dl class="facts">
        <dt>Fase</dt>
        <dd>{roundPhaseLabel[round.phase]}</dd>
        <dt>Høringsperiode</dt>
        <dd>
          <DateText date={round.opensOn} /> til og med <DateText date={round.closesOn} /> ({roundStateLabel[report.state].toLowerCase()})
        </dd>
        <dt>Kommentarer</dt>
        <dd>
          {figures.all.total}, herav {figures.all.hidden} skjult
        </dd>
        <dt>Laget</dt>
        <dd>
          <DateTimeText at={report.generatedAt} />
        </dd>
      </dl>
      <ul class="link-list actions-list no-print">
        <li>
          <a class="ds-link" href={`/horing/${round.id}/rapport.csv`} download>
            Last ned som CSV (regneark)
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/horing/${round.id}/rapport.md`} download>
            Last ned som Markdown
          </a>
        </li>
      </ul>
      {round.description ? <UserText text={round.description} /> : null}
      <section aria-labelledby="rapport-tall">
        <h2 class="ds-heading" data-size="sm" id="rapport-tall">
          Tall per status og per organisasjon
        </h2>
        <FigureTables roundId={null} figures={figures} />
      </section>
      <section aria-labelledby="rapport-elementer">
        <h2 class="ds-heading" data-size="sm" id="rapport-elementer">
          Kommentarer per element
        </h2>
        {report.groups.map(({ item, comments }) => (
          <section class="report-group" aria-label={itemLabel(item)}>
            <h3 class="ds-heading" data-size="xs">
              <ItemName item={{ ...item, deleted: item.currentText === null }} /> ({comments.length})
            </h3>
            {item.currentText !== null ? (
              <blockquote class="requirement-text">
                <UserText text={item.currentText} />
              </blockquote>
            ) : (
              <p class="ds-paragraph muted">Elementet er slettet fra omfanget.</p>
            )}
            {comments.length === 0 ? <Empty>Ingen kommentarer.</Empty> : comments.map((c) => <ReportComment comment={c} />)}
          </section>
        ))}
      </section>
    </>
  );
}

function ReportComment({ comment: c }: { comment: ReportCommentData }) {
  return (
    <article class="comment report-comment" aria-labelledby={`rapport-${c.id}`}>
      <h4 class="ds-heading" data-size="2xs" id={`rapport-${c.id}`}>
        Kommentar {c.id}: {commentKindLabel[c.kind]} fra {c.organisationName}
      </h4>
      <p class="comment__meta ds-paragraph" data-size="sm">
        <span>
          Skrevet <DateTimeText at={c.createdAt} />
        </span>
        {c.version > 1 ? <span>versjon {c.version}</span> : null}
        <span>Status: {commentStatusLabel[c.status]}</span>
        {c.hidden ? <strong>Skjult av prosjektet</strong> : null}
      </p>
      <CommentBody comment={c} />
      <Answer comment={c} />
      {c.replies.length > 0 ? (
        <section class="report-thread" aria-labelledby={`rapport-${c.id}-traden`}>
          <h5 class="ds-heading" data-size="2xs" id={`rapport-${c.id}-traden`}>
            Innlegg i tråden ({c.replies.length})
          </h5>
          <ol class="reply-list">
            {c.replies.map((r) => (
              <li class="reply">
                <p class="comment__meta ds-paragraph" data-size="sm">
                  <strong>{replyAuthor(r)}</strong> <DateTimeText at={r.createdAt} />
                </p>
                {r.text === null ? <p class="ds-paragraph muted">(Teksten er skjult.)</p> : <UserText text={r.text} />}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
