import type { Child } from 'hono/jsx';
import { itemLabel, type ConsultationReport, type ReportComment as ReportCommentData } from '../../../model/consultation-report.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { Answer, CommentBody, commentTitle, ItemName, UserText, type Markup } from '../../components/consultation.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';
import { FigureTables } from './round.tsx';

/** The consultation report: printable, grouped by element, every comment with its status and answer. */
export function ReportPage({ report }: { report: ConsultationReport }) {
  const { t, tx } = useI18n();
  const { round, figures } = report;
  return (
    <>
      <PageHeader
        title={t('consultation.report.pageTitle', { title: round.title })}
        crumbs={[
          { href: '/', label: t('consultation.crumb.home') },
          { href: '/horing', label: t('consultation.crumb.consultation') },
          { href: `/horing/${round.id}`, label: round.title },
          { label: t('consultation.report.crumb') },
        ]}
      />
      <dl class="facts">
        <dt>{t('consultation.report.factPhase')}</dt>
        <dd>{t(`consultation.phase.${round.phase}`)}</dd>
        <dt>{t('consultation.report.factPeriod')}</dt>
        <dd>
          {tx('consultation.report.periodValue', {
            opens: () => <DateText date={round.opensOn} />,
            closes: () => <DateText date={round.closesOn} />,
            state: t(`consultation.stateInText.${report.state}`),
          })}
        </dd>
        <dt>{t('consultation.report.factComments')}</dt>
        <dd>{t('consultation.report.commentsValue', { count: figures.all.total, hidden: figures.all.hidden })}</dd>
        <dt>{t('consultation.report.factGenerated')}</dt>
        <dd>
          <DateTimeText at={report.generatedAt} />
        </dd>
      </dl>
      <ul class="link-list actions-list no-print">
        <li>
          <a class="ds-link" href={`/horing/${round.id}/rapport.csv`} download>
            {t('consultation.report.downloadCsv')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/horing/${round.id}/rapport.md`} download>
            {t('consultation.report.downloadMarkdown')}
          </a>
        </li>
      </ul>
      {round.description ? <UserText text={round.description} /> : null}
      <section aria-labelledby="rapport-tall">
        <h2 class="ds-heading" data-size="sm" id="rapport-tall">
          {t('consultation.report.figuresHeading')}
        </h2>
        <FigureTables roundId={null} figures={figures} />
      </section>
      <section aria-labelledby="rapport-elementer">
        <h2 class="ds-heading" data-size="sm" id="rapport-elementer">
          {t('consultation.report.byElement')}
        </h2>
        {report.groups.map(({ item, comments }) => (
          <section class="report-group" aria-label={itemLabel(item)}>
            <h3 class="ds-heading" data-size="xs">
              {tx('consultation.report.groupHeading', { item: () => <ItemName item={{ ...item, deleted: item.currentText === null }} />, count: comments.length })}
            </h3>
            {item.currentText !== null ? (
              <blockquote class="requirement-text">
                <UserText text={item.currentText} />
              </blockquote>
            ) : (
              <p class="ds-paragraph muted">{t('consultation.report.deleted')}</p>
            )}
            {comments.length === 0 ? <Empty>{t('consultation.report.noComments')}</Empty> : comments.map((c) => <ReportComment comment={c} />)}
          </section>
        ))}
      </section>
    </>
  );
}

function ReportComment({ comment: c }: { comment: ReportCommentData }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const strong = (chunks: Array<string | Markup>) => <strong>{chunks}</strong>;
  return (
    <article class="comment report-comment" aria-labelledby={`rapport-${c.id}`}>
      <h4 class="ds-heading" data-size="2xs" id={`rapport-${c.id}`}>
        {t('consultation.comment.numbered', { id: c.id, title: commentTitle(i18n, c) })}
      </h4>
      <p class="comment__meta ds-paragraph" data-size="sm">
        <span>{tx('consultation.comment.writtenCapital', { at: i18n.dateTime(c.createdAt), time: (chunks: Array<string | Markup>) => <time datetime={c.createdAt}>{chunks}</time> })}</span>
        {c.version > 1 ? <span>{t('consultation.comment.version', { version: c.version })}</span> : null}
        <span>{t('consultation.report.status', { status: t(`consultation.status.${c.status}`) })}</span>
        {c.hidden ? strong([t('consultation.report.hiddenMark')]) : null}
      </p>
      <CommentBody comment={c} />
      <Answer comment={c} />
      {c.replies.length > 0 ? (
        <section class="report-thread" aria-labelledby={`rapport-${c.id}-traden`}>
          <h5 class="ds-heading" data-size="2xs" id={`rapport-${c.id}-traden`}>
            {t('consultation.report.threadHeading', { count: c.replies.length })}
          </h5>
          <ol class="reply-list">
            {c.replies.map((r) => (
              <li class="reply">
                <p class="comment__meta ds-paragraph" data-size="sm">
                  <strong>{r.organisationId === null ? t('consultation.report.programme') : (r.organisationName ?? t('consultation.report.unknownOrganisation'))}</strong> <DateTimeText at={r.createdAt} />
                </p>
                {r.text === null ? <p class="ds-paragraph muted">{t('consultation.report.hiddenText')}</p> : <UserText text={r.text} />}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
