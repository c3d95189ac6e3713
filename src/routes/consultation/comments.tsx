import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  acceptsComments,
  answerInputSchema,
  commentInputSchema,
  hideInputSchema,
  pageQuerySchema,
  proposalProblem,
  replyInputSchema,
  type Comment,
  type Round,
  type RoundItem,
  type RoundState,
} from '../../../model/consultation.ts';
import { diffWords } from '../../../model/word-diff.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { CommentFormPage, CommentPage, commentHref, type CommentPageProps, type FormState } from '../../../views/pages/consultation/comment.tsx';
import { auditActor } from '../../auth/context.ts';
import { requireOwnership } from '../../auth/middleware.tsx';
import { recordAudit } from '../../db/queries/audit.ts';
import {
  answerComment,
  commentById,
  commentRecord,
  commentVersions,
  hideComment,
  insertComment,
  insertReply,
  repliesPage,
  reviseComment,
} from '../../db/queries/consultation-comments.ts';
import { itemById } from '../../db/queries/consultation-rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { respond, respondError } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { closedForComments, commentParam, loadRound, mayTake, missing, readerOf, roundParam } from './common.ts';

const itemQuery = validParams('query', z.object({ punkt: z.coerce.number({ error: 'punkt må være et tall.' }).int().positive('punkt må være et positivt tall.') }));

const deletedItem = (c: Context) =>
  respondError(c, { status: 409, title: 'Elementet er slettet', message: 'Elementet er slettet fra omfanget, så det kan ikke kommenteres lenger. Kommentarene som alt er skrevet, står.' });

/** Organisations comment and edit their comments; everyone replies in threads; architects answer and hide. */
export function commentRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  const formPage = (c: Context, parts: { round: Round; item: RoundItem; comment?: Comment; values: Record<string, string | undefined>; errors?: FieldErrors; preview?: boolean }) => {
    const preview = parts.preview ? diffWords(parts.item.currentText ?? '', parts.values.proposal ?? '') : undefined;
    return respond(c, {
      title: parts.comment ? `Endre kommentar ${parts.comment.id}` : 'Ny kommentar',
      status: parts.errors ? 422 : 200,
      body: <CommentFormPage round={parts.round} item={parts.item} comment={parts.comment} values={parts.values} errors={parts.errors} preview={preview} />,
    });
  };

  app.get('/horing/:id/kommentarer/ny', roundParam, itemQuery, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, 'Det finnes ingen høringsrunde med den id-en.');
    if (!acceptsComments(found.state)) return closedForComments(c, found.round, found.state);
    const item = await itemById(db, found.round.id, c.req.valid('query').punkt);
    if (!item) return missing(c, 'Elementet er ikke med i denne høringen.');
    if (item.currentText === null) return deletedItem(c);
    return formPage(c, { round: found.round, item, values: { proposal: item.currentText } });
  });

  app.post('/horing/:id/kommentarer', roundParam, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, 'Det finnes ingen høringsrunde med den id-en.');
    const { round, state } = found;
    if (!acceptsComments(state)) return closedForComments(c, round, state);
    const form = await formInput(c);
    const itemId = z.coerce.number().int().positive().safeParse(form.punkt);
    const item = itemId.success ? await itemById(db, round.id, itemId.data) : undefined;
    if (!item) return missing(c, 'Elementet er ikke med i denne høringen.');
    if (item.currentText === null) return deletedItem(c);
    if (form.handling === 'forhandsvis') return formPage(c, { round, item, values: form, preview: true });
    const parsed = commentInputSchema.safeParse(form);
    if (!parsed.success) return formPage(c, { round, item, values: form, errors: fieldErrors(parsed.error) });
    const problem = proposalProblem(parsed.data, item.currentText);
    if (problem) return formPage(c, { round, item, values: form, errors: { proposal: problem } });
    const viewer = c.var.viewer!;
    const actor = auditActor(c);
    const id = await db.transaction().execute(async (trx) => {
      const comment = {
        roundId: round.id,
        itemId: item.id,
        organisationId: viewer.organisationId!,
        authorId: viewer.id,
        ...parsed.data,
        baseText: parsed.data.proposal !== null ? item.currentText : null,
      };
      const newId = await insertComment(trx, comment, actor.at);
      await recordAudit(trx, {
        ...actor,
        action: 'consultation.comment.create',
        entity: 'consultation_comment',
        entityId: newId,
        after: commentRecord({ ...parsed.data, status: 'mottatt', answer: null, itemId: item.id, organisationId: comment.organisationId }),
      });
      return newId;
    });
    return c.redirect(`/horing/${round.id}/kommentarer/${id}?lagret=kommentar`, 303);
  });

  /** The round, the comment (as this viewer may see it) and its item; or the answer to give instead. */
  const loadComment = async (c: Context, ids: { id: number; kommentar: number }) => {
    const found = await loadRound(deps, c, ids.id);
    const comment = found && (await commentById(db, found.round.id, ids.kommentar, readerOf(c)));
    const item = comment && (await itemById(db, comment.roundId, comment.itemId));
    if (!found || !comment || !item) return { response: await missing(c, 'Det finnes ingen slik kommentar i denne høringen.') };
    return { ...found, comment, item };
  };

  const commentPage = async (c: Context, parts: { round: Round; state: RoundState; comment: Comment; item: RoundItem; page?: number; forms?: CommentPageProps['forms']; status?: 200 | 409 | 422 }) => {
    const { round, state, comment, item } = parts;
    const page = parts.page ?? 1;
    const pageSize = deps.config.CONSULTATION_PAGE_SIZE;
    const access = readerOf(c).access;
    const [versions, replies] = await Promise.all([
      comment.text === null ? Promise.resolve([]) : commentVersions(db, comment.id),
      repliesPage(db, comment, { page, pageSize, access }),
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
      },
      forms: parts.forms,
      saved: c.req.query('lagret'),
    };
    return respond(c, { title: `Kommentar ${comment.id}`, status: parts.status ?? 200, body: <CommentPage {...props} /> });
  };

  app.get('/horing/:id/kommentarer/:kommentar', commentParam, validParams('query', pageQuerySchema), async (c) => {
    const loaded = await loadComment(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    return commentPage(c, { ...loaded, page: c.req.valid('query').side });
  });

  /** Editing is for the comment's own organisation, while the round is open and the comment is not hidden. */
  const editable = async (c: Context, ids: { id: number; kommentar: number }) => {
    const loaded = await loadComment(c, ids);
    if ('response' in loaded) return loaded;
    requireOwnership(c, { organisationId: loaded.comment.organisationId });
    if (!acceptsComments(loaded.state)) return { response: await closedForComments(c, loaded.round, loaded.state) };
    if (loaded.comment.hidden) {
      return { response: await respondError(c, { status: 409, title: 'Kommentaren er skjult', message: 'Prosjektet har skjult kommentaren, så den kan ikke endres. Skriv heller en ny kommentar.' }) };
    }
    if (loaded.item.currentText === null) return { response: await deletedItem(c) };
    return loaded;
  };

  app.get('/horing/:id/kommentarer/:kommentar/rediger', commentParam, async (c) => {
    const loaded = await editable(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { comment, item } = loaded;
    const values = { kind: comment.kind, text: comment.text ?? '', proposal: comment.proposal ?? item.currentText ?? '' };
    return formPage(c, { ...loaded, values });
  });

  app.post('/horing/:id/kommentarer/:kommentar', commentParam, async (c) => {
    const loaded = await editable(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { round, comment, item } = loaded;
    const currentText = item.currentText ?? '';
    const form = await formInput(c);
    if (form.handling === 'forhandsvis') return formPage(c, { ...loaded, values: form, preview: true });
    const parsed = commentInputSchema.safeParse(form);
    if (!parsed.success) return formPage(c, { ...loaded, values: form, errors: fieldErrors(parsed.error) });
    const problem = proposalProblem(parsed.data, currentText);
    if (problem) return formPage(c, { ...loaded, values: form, errors: { proposal: problem } });
    const unchanged = parsed.data.kind === comment.kind && parsed.data.text === comment.text && parsed.data.proposal === comment.proposal;
    if (!unchanged) {
      const actor = auditActor(c);
      await db.transaction().execute(async (trx) => {
        const baseText = parsed.data.proposal !== null ? currentText : null;
        await reviseComment(trx, comment.id, { ...parsed.data, baseText, editorId: c.var.viewer!.id }, actor.at);
        await recordAudit(trx, {
          ...actor,
          action: 'consultation.comment.update',
          entity: 'consultation_comment',
          entityId: comment.id,
          before: commentRecord(comment),
          after: commentRecord({ ...comment, ...parsed.data }),
          details: `Versjon ${comment.version} → ${comment.version + 1}`,
        });
      });
    }
    return c.redirect(`${commentHref({ roundId: round.id, id: comment.id })}?lagret=endret`, 303);
  });

  app.post('/horing/:id/kommentarer/:kommentar/svar', commentParam, async (c) => {
    const loaded = await loadComment(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { round, state, comment } = loaded;
    if (!acceptsComments(state)) return closedForComments(c, round, state);
    if (comment.hidden) return respondError(c, { status: 409, title: 'Kommentaren er skjult', message: 'Tråden under en skjult kommentar tar ikke imot nye innlegg.' });
    const form = await formInput(c);
    const parsed = replyInputSchema.safeParse(form);
    if (!parsed.success) return commentPage(c, { ...loaded, status: 422, forms: { reply: { values: form, errors: fieldErrors(parsed.error) } } });
    const viewer = c.var.viewer!;
    const actor = auditActor(c);
    await db.transaction().execute(async (trx) => {
      const organisationId = viewer.role === 'organisation' ? viewer.organisationId : null;
      const id = await insertReply(trx, { commentId: comment.id, authorId: viewer.id, organisationId, text: parsed.data.text }, actor.at);
      await recordAudit(trx, { ...actor, action: 'consultation.comment.reply', entity: 'consultation_reply', entityId: id, after: { commentId: comment.id, organisationId, text: parsed.data.text } });
    });
    const lastPage = Math.max(1, Math.ceil((comment.replyCount + 1) / deps.config.CONSULTATION_PAGE_SIZE));
    return c.redirect(`${commentHref(comment)}?lagret=innlegg${lastPage > 1 ? `&side=${lastPage}` : ''}#traden`, 303);
  });

  app.post('/horing/:id/kommentarer/:kommentar/behandling', commentParam, async (c) => {
    const loaded = await loadComment(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { comment } = loaded;
    const form = await formInput(c);
    const parsed = answerInputSchema.safeParse(form);
    if (!parsed.success) return commentPage(c, { ...loaded, status: 422, forms: { answer: { values: form, errors: fieldErrors(parsed.error) } satisfies FormState } });
    const actor = auditActor(c);
    await db.transaction().execute(async (trx) => {
      await answerComment(trx, comment.id, { ...parsed.data, by: c.var.viewer!.id }, actor.at);
      await recordAudit(trx, {
        ...actor,
        action: 'consultation.comment.answer',
        entity: 'consultation_comment',
        entityId: comment.id,
        before: { status: comment.status, answer: comment.answer },
        after: { status: parsed.data.status, answer: parsed.data.answer === '' ? null : parsed.data.answer },
      });
    });
    return c.redirect(`${commentHref(comment)}?lagret=behandling`, 303);
  });

  app.post('/horing/:id/kommentarer/:kommentar/skjul', commentParam, async (c) => {
    const loaded = await loadComment(c, c.req.valid('param'));
    if ('response' in loaded) return loaded.response;
    const { comment } = loaded;
    if (comment.hidden) return respondError(c, { status: 409, title: 'Allerede skjult', message: 'Kommentaren er allerede skjult.' });
    const form = await formInput(c);
    const parsed = hideInputSchema.safeParse(form);
    if (!parsed.success) return commentPage(c, { ...loaded, status: 422, forms: { hide: { values: form, errors: fieldErrors(parsed.error) } } });
    const actor = auditActor(c);
    await db.transaction().execute(async (trx) => {
      await hideComment(trx, comment.id, { reason: parsed.data.reason, by: c.var.viewer!.id }, actor.at);
      await recordAudit(trx, {
        ...actor,
        action: 'consultation.comment.hide',
        entity: 'consultation_comment',
        entityId: comment.id,
        before: { hidden: false },
        after: { hidden: true, reason: parsed.data.reason },
      });
    });
    return c.redirect(`${commentHref(comment)}?lagret=skjult`, 303);
  });

  return app;
}
