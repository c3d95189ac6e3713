import { Hono, type Context } from 'hono';
import type { ConsultationMessage } from '../../../model/consultation.ts';
import { applyBasisSchema, applyProblem } from '../../../model/consultation-proposals.ts';
import type { ElementKind } from '../../../model/kinds.ts';
import { say } from '../../../views/components/consultation.tsx';
import { commentHref } from '../../../views/pages/consultation/comment.tsx';
import { callerOf } from '../../auth/context.ts';
import { applyProposal } from '../../commands/scope.ts';
import { issueText } from '../../../views/i18n/issues.ts';
import type { AppDeps } from '../../deps.ts';
import { formInput } from '../../http/forms.ts';
import { respondError } from '../../http/render.tsx';
import { commentPages } from './comment-pages.tsx';
import { commentParam } from './common.ts';

/**
 * An architect writes an accepted change proposal into the requirement's text (or the element's
 * description): an ordinary element edit, audited with a reference to the comment, and a mark on
 * the comment that it was applied. The form carries the element version and the comment wording
 * the architect saw; if either has changed, or the element's rules refuse the text, nothing is written.
 */
export function applyProposalRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();
  const { loadComment, commentPage } = commentPages(deps);

  const refuse = (c: Context, problem: ConsultationMessage) => respondError(c, { status: 409, title: c.var.i18n.t('consultation.apply.refusedTitle'), message: say(c.var.i18n, problem) });

  app.post('/horing/:id/kommentarer/:kommentar/innarbeid', commentParam, async (c) => {
    const ids = c.req.valid('param');
    const loaded = await loadComment(c, ids);
    if ('response' in loaded) return loaded.response;
    const { comment, item } = loaded;
    const problem = applyProblem(comment, item);
    if (problem) return refuse(c, problem);
    const basis = applyBasisSchema.safeParse(await formInput(c));
    if (!basis.success) return respondError(c, { status: 400, title: c.var.i18n.t('consultation.error.badRequest'), message: issueText(basis.error.issues[0]!, c.var.i18n) });
    if (basis.data.commentVersion !== comment.version) return commentPage(c, { ...loaded, status: 409, forms: { apply: { commentChanged: true } } });
    if (basis.data.elementVersion !== item.elementVersion) return commentPage(c, { ...loaded, status: 409, forms: { apply: { elementChangedFrom: basis.data.elementVersion } } });

    const result = await applyProposal(db, callerOf(c), {
      commentId: comment.id,
      basis: basis.data,
      element: { kind: item.kind as ElementKind, key: item.key },
      target: item.proposalTarget!,
      previouslyApplied: comment.applied,
      details: `Endringsforslag i høringskommentar ${comment.id} fra ${comment.organisationName} («${comment.roundTitle}»), versjon ${comment.version} av kommentaren`,
    });
    if (result.ok) {
      c.header('HX-Trigger', 'scopeChanged');
      return c.redirect(`${commentHref(comment)}?lagret=innarbeidet`, 303);
    }
    // Nothing was written: show the comment and the element as they are now.
    const now = await loadComment(c, ids);
    if ('response' in now) return now.response;
    if (result.reason === 'invalid') return commentPage(c, { ...now, status: 422, forms: { apply: { invalid: result.message } } });
    const nowProblem = applyProblem(now.comment, now.item);
    if (nowProblem) return refuse(c, nowProblem);
    if (result.reason === 'element-changed') return commentPage(c, { ...now, status: 409, forms: { apply: { elementChangedFrom: basis.data.elementVersion } } });
    return commentPage(c, { ...now, status: 409, forms: { apply: { commentChanged: true } } });
  });

  return app;
}
