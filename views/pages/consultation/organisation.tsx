import { commentStatuses, type Comment } from '../../../model/consultation.ts';
import type { Tally } from '../../../model/consultation-report.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { CommentCard } from '../../components/consultation.tsx';
import { Pager } from '../../components/pager.tsx';
import { useI18n } from '../../i18n/index.ts';
import { commentHref } from './comment.tsx';

export interface OrganisationCommentsProps {
  organisation: { id: number; name: string };
  tally: Tally;
  comments: Comment[];
  page: number;
  pageSize: number;
  own: boolean;
}

/** One organisation's comments over every round, each with its status and the programme's answer. */
export function OrganisationCommentsPage({ organisation, tally, comments, page, pageSize, own }: OrganisationCommentsProps) {
  const { t, number } = useI18n();
  return (
    <>
      <PageHeader
        title={t(own ? 'consultation.organisation.titleOwn' : 'consultation.organisation.title', { name: organisation.name })}
        lead={t('consultation.organisation.lead')}
        crumbs={[{ href: '/', label: t('consultation.crumb.home') }, { href: '/horing', label: t('consultation.crumb.consultation') }, { label: organisation.name }]}
      />
      <ul class="count-grid" aria-label={t('consultation.organisation.byStatus')}>
        <li class="ds-card count-card">
          <span class="count-card__number">{number(tally.total)}</span> {t('consultation.organisation.total')}
        </li>
        {commentStatuses.map((s) => (
          <li class="ds-card count-card">
            <span class="count-card__number">{number(tally.byStatus[s])}</span> {t(`consultation.statusInText.${s}`)}
          </li>
        ))}
      </ul>
      <h2 class="ds-heading" data-size="sm">
        {t('consultation.organisation.comments')}
      </h2>
      {comments.length === 0 ? (
        <Empty>{tally.total === 0 ? t('consultation.organisation.none') : t('consultation.organisation.nonePage', { page })}</Empty>
      ) : (
        <div class="comment-list">
          {comments.map((c) => (
            <CommentCard comment={c} href={commentHref(c)} headingLevel={3} showItem showRound />
          ))}
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={tally.total} href={(p) => `/horing/organisasjon/${organisation.id}${p > 1 ? `?side=${p}` : ''}`} label={t('consultation.pager.comments')} />
    </>
  );
}
