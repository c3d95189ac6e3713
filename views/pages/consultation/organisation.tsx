import { commentStatuses, commentStatusLabel, type Comment } from '../../../model/consultation.ts';
import type { Tally } from '../../../model/consultation-report.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { CommentCard } from '../../components/consultation.tsx';
import { Pager } from '../../components/pager.tsx';
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
  return (
    <>
      <PageHeader
        title={own ? `Kommentarene fra ${organisation.name}` : `Høringskommentarer fra ${organisation.name}`}
        lead="Alle kommentarene organisasjonen har skrevet i høringene, nyeste først, med status og prosjektets svar."
        crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/horing', label: 'Høring' }, { label: organisation.name }]}
      />
      <ul class="count-grid" aria-label="Kommentarer per status">
        <li class="ds-card count-card">
          <span class="count-card__number">{tally.total}</span> i alt
        </li>
        {commentStatuses.map((s) => (
          <li class="ds-card count-card">
            <span class="count-card__number">{tally.byStatus[s]}</span> {commentStatusLabel[s].toLowerCase()}
          </li>
        ))}
      </ul>
      <h2 class="ds-heading" data-size="sm">
        Kommentarer
      </h2>
      {comments.length === 0 ? (
        <Empty>{tally.total === 0 ? 'Organisasjonen har ikke kommentert i noen høring ennå.' : `Ingen kommentarer på side ${page}.`}</Empty>
      ) : (
        <div class="comment-list">
          {comments.map((c) => (
            <CommentCard comment={c} href={commentHref(c)} headingLevel={3} showItem showRound />
          ))}
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={tally.total} href={(p) => `/horing/organisasjon/${organisation.id}${p > 1 ? `?side=${p}` : ''}`} label="Sider med kommentarer" />
    </>
  );
}
