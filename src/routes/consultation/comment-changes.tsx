import { Hono, type Context } from 'hono';
import {
  acceptsComments,
  answerInputSchema,
  commentBasisSchema,
  commentInputSchema,
  hideInputSchema,
  proposalProblem,
  wordingBasisSchema,
} from '../../../model/consultation.ts';
import { proposalRefusal } from '../../../model/consultation-proposals.ts';
import { commentHref } from '../../../views/pages/consultation/comment.tsx';
import { callerOf } from '../../auth/context.ts';
import { requireOwnership } from '../../auth/middleware.tsx';
import { answerComment, editComment, hideComment } from '../../commands/consultation-comments.ts';
import { orStale, StaleVersion } from '../../commands/errors.ts';
import { issueText } from '../../../views/i18n/issues.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { respondError } from '../../http/render.tsx';
import { commentPages, deletedItem } from './comment-pages.tsx';
import { closedForComments, commentParam, translated } from './common.ts';

/** A form's version fields as posted, for a re-rendered form to carry on (never the stored ones: a retry must not skip past a change). */
const postedBasis = (form: Record<string, string>) => ({
  ...(/^\d+$/.test(form.version ?? '') ? { version: Number(form.version) } : {}),
  ...(/^\d+$/.test(form.revision ?? '') ? { revision: Number(form.revision) } : {}),
});

/**
 * Changes to an existing comment: its organisation edits it, architects answer and hide it. Each
 * form carries the version of the comment it was opened on; a save based on an older version
 * writes nothing and answers 409 with what changed, so nobody overwrites or answers words they
 * never saw.
 */
export function commentChangeRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();
  const { formPage, loadComment, commentPage } = commentPages(deps);

  /** Editing is for the comment's own organisation, while the round is open and the comment is not hidden. */
  const editable = async (c: Context, ids: { id: number; kommentar: number }) => {
    const loaded = await loadComment(c, ids);
    if ('response' in loaded) return loaded;
    requireOwnership(c, { organisationId: loaded.comment.organisationId });
    if (!acceptsComments(loaded.state)) return { response: await closedForComments(c, loaded.round, loaded.state) };
    if (loaded.comment.hidden) {
      return { response: await respondError(c, { status: 409, title: c.var.i18n.t('consultation.refused.hiddenTitle'), message: c.var.i18n.t('consultation.refused.hiddenEdit') }) };
    }
    if (loaded.item.currentText === null) return { response: await deletedItem(c) };
    return loaded;
  };

  app.get('/horing/:id/kommentarer/:kommentar/rediger', commentParam, async (c) => {
    const loaded = await editable(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { comment, item } = loaded;
    const values = { kind: comment.kind, text: comment.text ?? '', proposal: comment.proposal ?? (item.proposalTarget !== null ? (item.currentText ?? '') : '') };
    return formPage(c, { ...loaded, values });
  });

  app.post('/horing/:id/kommentarer/:kommentar', commentParam, async (c) => {
    const ids = c.req.valid('param');
    const loaded = await editable(c, ids);
    if ('response' in loaded) return loaded.response;
    const { comment, item } = loaded;
    const currentText = item.currentText ?? '';
    const form = await formInput(c);
    const basis = commentBasisSchema.safeParse(form);
    if (!basis.success) return formPage(c, { ...loaded, values: form, errors: { skjema: issueText(basis.error.issues[0]!, c.var.i18n) } });
    const again = { ...loaded, values: form, basis: basis.data };
    const refused = proposalRefusal(form, item.proposalTarget);
    if (refused) return formPage(c, { ...again, errors: translated(c, refused) });
    if (form.handling === 'forhandsvis') return formPage(c, { ...again, preview: true });
    const parsed = commentInputSchema.safeParse(form);
    if (!parsed.success) return formPage(c, { ...again, errors: fieldErrors(parsed.error) });
    const problem = proposalProblem(parsed.data, currentText);
    if (problem) return formPage(c, { ...again, errors: translated(c, { proposal: problem }) });
    const unchanged = parsed.data.kind === comment.kind && parsed.data.text === comment.text && parsed.data.proposal === comment.proposal;
    if (unchanged) return c.redirect(`${commentHref(comment)}?lagret=uendret`, 303);

    const saved = await orStale(editComment(db, callerOf(c), { roundId: ids.id, commentId: comment.id }, basis.data, parsed.data));
    if (saved instanceof StaleVersion) {
      // Someone saved first: show the comment as it is now beside what this writer sent.
      const now = await editable(c, ids);
      if ('response' in now) return now.response;
      return formPage(c, { ...now, values: form, conflict: { from: basis.data.version, submitted: form } });
    }
    return c.redirect(`${commentHref(comment)}?lagret=${saved.reopened ? 'endret-vurderes' : 'endret'}`, 303);
  });

  app.post('/horing/:id/kommentarer/:kommentar/behandling', commentParam, async (c) => {
    const ids = c.req.valid('param');
    const loaded = await loadComment(c, ids);
    if ('response' in loaded) return loaded.response;
    const { comment } = loaded;
    const form = await formInput(c);
    const basis = commentBasisSchema.safeParse(form);
    if (!basis.success) return commentPage(c, { ...loaded, status: 422, forms: { answer: { values: form, errors: { skjema: issueText(basis.error.issues[0]!, c.var.i18n) } } } });
    const parsed = answerInputSchema.safeParse(form);
    if (!parsed.success) return commentPage(c, { ...loaded, status: 422, forms: { answer: { values: form, errors: fieldErrors(parsed.error), basis: postedBasis(form) } } });
    const saved = await orStale(answerComment(db, callerOf(c), { roundId: ids.id, commentId: comment.id }, basis.data, parsed.data));
    if (saved instanceof StaleVersion) {
      const now = await loadComment(c, ids);
      if ('response' in now) return now.response;
      return commentPage(c, { ...now, status: 409, forms: { answer: { values: form, conflictFrom: basis.data.version } } });
    }
    return c.redirect(`${commentHref(comment)}?lagret=behandling`, 303);
  });

  app.post('/horing/:id/kommentarer/:kommentar/skjul', commentParam, async (c) => {
    const ids = c.req.valid('param');
    const loaded = await loadComment(c, ids);
    if ('response' in loaded) return loaded.response;
    const { comment } = loaded;
    const alreadyHidden = () => respondError(c, { status: 409, title: c.var.i18n.t('consultation.refused.alreadyHiddenTitle'), message: c.var.i18n.t('consultation.refused.alreadyHidden') });
    if (comment.hidden) return alreadyHidden();
    const form = await formInput(c);
    const basis = wordingBasisSchema.safeParse(form);
    if (!basis.success) return commentPage(c, { ...loaded, status: 422, forms: { hide: { values: form, errors: { skjema: issueText(basis.error.issues[0]!, c.var.i18n) } } } });
    const parsed = hideInputSchema.safeParse(form);
    if (!parsed.success) return commentPage(c, { ...loaded, status: 422, forms: { hide: { values: form, errors: fieldErrors(parsed.error), basis: basis.data } } });
    const saved = await orStale(hideComment(db, callerOf(c), { roundId: ids.id, commentId: comment.id }, basis.data, parsed.data.reason));
    if (saved instanceof StaleVersion) {
      const now = await loadComment(c, ids);
      if ('response' in now) return now.response;
      if (now.comment.hidden) return alreadyHidden();
      return commentPage(c, { ...now, status: 409, forms: { hide: { values: form, conflictFrom: basis.data.version } } });
    }
    return c.redirect(`${commentHref(comment)}?lagret=skjult`, 303);
  });

  return app;
}
