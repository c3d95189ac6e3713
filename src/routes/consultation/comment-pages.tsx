import type { Context } from 'hono';
import { acceptsComments, type Comment, type CommentBasis, type Round, type RoundItem, type RoundState } from '../../../model/consultation.ts';
import { diffWords } from '../../../model/word-diff.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { CommentPage, type CommentPageProps } from '../../../views/pages/consultation/comment.tsx';
import { CommentFormPage, type EditConflict } from '../../../views/pages/consultation/comment-form.tsx';
import { commentById, commentVersions, repliesPage } from '../../db/queries/consultation-comments.ts';
import { itemById, roundBaseline } from '../../db/queries/consultation-rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { respond, respondError } from '../../http/render.tsx';
import { loadRound, mayTake, missing, readerOf } from './common.ts';

export const deletedItem = (c: Context) => respondError(c, { status: 409, title: c.var.i18n.t('consultation.refused.deletedTitle'), message: c.var.i18n.t('consultation.refused.deleted') });

export interface FormPageParts {
  round: Round;
  item: RoundItem;
  comment?: Comment;
  values: Record<string, string | undefined>;
  errors?: FieldErrors;
  preview?: boolean;
  /** What an edit is based on, as posted; the stored comment's when left out. */
  basis?: CommentBasis;
  conflict?: EditConflict;
}

/** The pages the comment routes answer with: the form to write or edit a comment, and a comment's own page. */
export function commentPages(deps: AppDeps) {
  const { db } = deps;

  const formPage = (c: Context, parts: FormPageParts) => {
    const preview = parts.preview ? diffWords(parts.item.currentText ?? '', parts.values.proposal ?? '') : undefined;
    return respond(c, {
      title: parts.comment ? c.var.i18n.t('consultation.form.editComment', { id: parts.comment.id }) : c.var.i18n.t('consultation.form.newComment'),
      status: parts.conflict ? 409 : parts.errors ? 422 : 200,
      body: (
        <CommentFormPage
          round={parts.round}
          item={parts.item}
          comment={parts.comment}
          basis={parts.basis}
          values={parts.values}
          errors={parts.errors}
          preview={preview}
          conflict={parts.conflict}
        />
      ),
    });
  };

  /** The round, the comment (as this viewer may see it) and its item; or the answer to give instead. */
  const loadComment = async (c: Context, ids: { id: number; kommentar: number }) => {
    const found = await loadRound(deps, c, ids.id);
    const comment = found && (await commentById(db, found.round.id, ids.kommentar, readerOf(c)));
    const item = comment && (await itemById(db, comment.roundId, comment.itemId));
    if (!found || !comment || !item) return { response: await missing(c, c.var.i18n.t('consultation.notFound.comment')) };
    return { ...found, comment, item };
  };

  const commentPage = async (
    c: Context,
    parts: { round: Round; state: RoundState; comment: Comment; item: RoundItem; page?: number; forms?: CommentPageProps['forms']; status?: 200 | 409 | 422 },
  ) => {
    const { round, state, comment, item } = parts;
    const page = parts.page ?? 1;
    const pageSize = deps.config.CONSULTATION_PAGE_SIZE;
    const access = readerOf(c).access;
    const [versions, replies, baseline] = await Promise.all([
      comment.text === null ? Promise.resolve([]) : commentVersions(db, comment.id),
      repliesPage(db, comment, { page, pageSize, access }),
      roundBaseline(db, round.id),
    ]);
    const open = acceptsComments(state) && !comment.hidden;
    const viewer = c.var.viewer;
    const props: CommentPageProps = {
      round,
      state,
      item,
      comment,
      versions,
      replies,
      page,
      pageSize,
      can: {
        edit: open && viewer?.role === 'organisation' && viewer.organisationId === comment.organisationId,
        reply: open && mayTake(c, deps, 'consultation.reply'),
        answer: mayTake(c, deps, 'consultation.answer'),
        hide: mayTake(c, deps, 'consultation.hide'),
        apply: mayTake(c, deps, 'consultation.apply'),
      },
      forms: parts.forms,
      saved: c.req.query('lagret'),
      baseline,
    };
    return respond(c, { title: c.var.i18n.t('consultation.comment.number', { id: comment.id }), status: parts.status ?? 200, body: <CommentPage {...props} /> });
  };

  return { formPage, loadComment, commentPage };
}
