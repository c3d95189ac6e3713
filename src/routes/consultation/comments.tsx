import { Hono } from 'hono';
import { z } from 'zod';
import { acceptsComments, commentInputSchema, pageQuerySchema, proposalProblem, replyInputSchema } from '../../../model/consultation.ts';
import { proposalRefusal } from '../../../model/consultation-proposals.ts';
import { say } from '../../../model/messages.ts';
import { commentHref } from '../../../views/pages/consultation/comment.tsx';
import { callerOf } from '../../auth/context.ts';
import { replyToComment, writeComment } from '../../commands/consultation-comments.ts';
import { itemById } from '../../db/queries/consultation-rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { respondError } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { commentPages, deletedItem } from './comment-pages.tsx';
import { closedForComments, commentParam, loadRound, missing, roundParam, translated } from './common.ts';

const itemMessage = say('consultation.error.itemParam');
const itemQuery = validParams('query', z.object({ punkt: z.coerce.number({ error: itemMessage }).int(itemMessage).positive(itemMessage) }));

/** Organisations write comments; everyone reads them and replies in threads. Changes to a comment are in `comment-changes.tsx`. */
export function commentRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  const { formPage, loadComment, commentPage } = commentPages(deps);

  app.get('/horing/:id/kommentarer/ny', roundParam, itemQuery, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    if (!acceptsComments(found.state)) return closedForComments(c, found.round, found.state);
    const item = await itemById(db, found.round.id, c.req.valid('query').punkt);
    if (!item) return missing(c, c.var.i18n.t('consultation.notFound.item'));
    if (item.currentText === null) return deletedItem(c);
    return formPage(c, { round: found.round, item, values: item.proposalTarget !== null ? { proposal: item.currentText } : {} });
  });

  app.post('/horing/:id/kommentarer', roundParam, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    const { round, state } = found;
    if (!acceptsComments(state)) return closedForComments(c, round, state);
    const form = await formInput(c);
    const itemId = z.coerce.number().int().positive().safeParse(form.punkt);
    const item = itemId.success ? await itemById(db, round.id, itemId.data) : undefined;
    if (!item) return missing(c, c.var.i18n.t('consultation.notFound.item'));
    if (item.currentText === null) return deletedItem(c);
    const refused = proposalRefusal(form, item.proposalTarget);
    if (refused) return formPage(c, { round, item, values: form, errors: translated(c, refused) });
    if (form.handling === 'forhandsvis') return formPage(c, { round, item, values: form, preview: true });
    const parsed = commentInputSchema.safeParse(form);
    if (!parsed.success) return formPage(c, { round, item, values: form, errors: fieldErrors(parsed.error) });
    const problem = proposalProblem(parsed.data, item.currentText);
    if (problem) return formPage(c, { round, item, values: form, errors: translated(c, { proposal: problem }) });
    const id = await writeComment(db, callerOf(c), { roundId: round.id, itemId: item.id }, parsed.data);
    return c.redirect(`/horing/${round.id}/kommentarer/${id}?lagret=kommentar`, 303);
  });

  app.get('/horing/:id/kommentarer/:kommentar', commentParam, validParams('query', pageQuerySchema), async (c) => {
    const loaded = await loadComment(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    return commentPage(c, { ...loaded, page: c.req.valid('query').side });
  });

  app.post('/horing/:id/kommentarer/:kommentar/svar', commentParam, async (c) => {
    const loaded = await loadComment(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { round, state, comment } = loaded;
    if (!acceptsComments(state)) return closedForComments(c, round, state);
    if (comment.hidden) return respondError(c, { status: 409, title: c.var.i18n.t('consultation.refused.hiddenTitle'), message: c.var.i18n.t('consultation.refused.hiddenThread') });
    const form = await formInput(c);
    const parsed = replyInputSchema.safeParse(form);
    if (!parsed.success) return commentPage(c, { ...loaded, status: 422, forms: { reply: { values: form, errors: fieldErrors(parsed.error) } } });
    await replyToComment(db, callerOf(c), { roundId: round.id, commentId: comment.id }, parsed.data.text);
    const lastPage = Math.max(1, Math.ceil((comment.replyCount + 1) / deps.config.CONSULTATION_PAGE_SIZE));
    return c.redirect(`${commentHref(comment)}?lagret=innlegg${lastPage > 1 ? `&side=${lastPage}` : ''}#traden`, 303);
  });

  return app;
}
