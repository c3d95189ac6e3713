import { Hono, type Context } from 'hono';
import { norwegianDate, noveltyOf, roundInputSchema, roundQuerySchema, visitInputSchema, visitMark, type Round } from '../../../model/consultation.ts';
import { tally } from '../../../model/consultation-report.ts';
import { dbIdMax } from '../../../model/schemas.ts';
import { elementKinds } from '../../../model/kinds.ts';
import { shownVersionSchema, staleFields, versionField } from '../../../model/versions.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { CommentList, RoundPage, type RoundPageProps } from '../../../views/pages/consultation/round.tsx';
import { ElementChoiceFields, RoundFormPage, RoundsPage, roundLabels, roundReadable, type ElementGroup, type RoundFormValues } from '../../../views/pages/consultation/rounds.tsx';
import { callerOf } from '../../auth/context.ts';
import { parseBaselineChoice } from '../../../views/components/baseline-choice.tsx';
import { consultationRoundVersion, createConsultationRound, updateConsultationRound } from '../../commands/consultation-rounds.ts';
import { markRoundSeen } from '../../commands/own.ts';
import { commentsPage, countComments, newSummary, tallyRows } from '../../db/queries/consultation-comments.ts';
import { lastVisit, listRounds, roundBaseline, roundElementByCode, roundElementChoices, roundItems, type RoundElementChoice } from '../../db/queries/consultation-rounds.ts';
import { issueText } from '../../../views/i18n/issues.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput, readForm } from '../../http/forms.ts';
import { isFragmentRequest, respond, respondError } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import type { I18n } from '../../../views/i18n/index.ts';
import { loadRound, mayTake, missing, readerOf, roundParam, said } from './common.ts';

/** The elements a round can open for comment: requirements first (by number), then every other kind. */
function elementGroups(choices: RoundElementChoice[], i18n: I18n): ElementGroup[] {
  const byKind = new Map<string, RoundElementChoice[]>();
  for (const e of choices) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  const requirements = [...(byKind.get('requirement') ?? [])].sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? ''));
  const groups: ElementGroup[] = [{ kind: 'requirement', elements: requirements.map((r) => ({ id: r.id, label: `${r.ref ?? ''} ${r.name}` })) }];
  for (const kind of elementKinds) {
    if (kind === 'requirement') continue;
    const elements = byKind.get(kind) ?? [];
    if (elements.length > 0) groups.push({ kind, elements: elements.map((e) => ({ id: e.id, label: e.name.trim() === '' ? i18n.t('common.unnamed') : i18n.name(e) })) });
  }
  return groups;
}

/** The round form's fields as posted: text fields as strings, the chosen elements as a list. */
async function roundForm(c: Context): Promise<{ raw: Record<string, unknown>; values: RoundFormValues }> {
  const body = await readForm(c);
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  const chosen = body.elements === undefined ? [] : ([] as string[]).concat(body.elements);
  const version = text(versionField);
  const raw = { title: text('title'), description: text('description'), phase: text('phase'), opensOn: text('opensOn'), closesOn: text('closesOn'), elements: chosen };
  const values = { ...raw, elements: chosen.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= dbIdMax), version, baseline: text('baseline'), add: text('add') };
  return { raw, values };
}

/** The longest code the picker takes, as `/koblingsmal` takes a search: anything longer is not echoed back. */
const addMax = 200;

/**
 * The element a round form's picker names: none when it is empty, else the one found, or the
 * message to say beside the picker (too long, or not found).
 */
async function pickedElement(db: AppDeps['db'], code: string, i18n: I18n): Promise<{ found?: RoundElementChoice; error?: string }> {
  if (code === '') return {};
  if (code.length > addMax) return { error: i18n.t('consultation.form.addTooLong', { max: addMax }) };
  const found = await roundElementByCode(db, code);
  return found ? { found } : { error: i18n.t('consultation.form.addNotFound', { code }) };
}

/** Consultation rounds: the list, creating and changing a round, and a round's page. */
export function roundRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  app.get('/horing', async (c) => {
    const viewer = c.var.viewer;
    const rounds = await listRounds(db, viewer && { id: viewer.id, organisationId: viewer.role === 'organisation' ? viewer.organisationId : null, sessionId: viewer.sessionId });
    return respond(c, {
      title: c.var.i18n.t('consultation.rounds.title'),
      body: (
        <RoundsPage
          rounds={rounds}
          now={c.var.clock()}
          mayManage={mayTake(c, deps, 'consultation.manage')}
          organisationId={viewer?.role === 'organisation' ? viewer.organisationId : null}
          signedIn={viewer !== null}
        />
      ),
    });
  });

  /**
   * The round form. It names only the elements chosen (and, on a stale save, those stored), never
   * every element; `added` says what «Legg til» just did, and an htmx request for that gets the
   * elements' fieldset alone.
   */
  const formPage = async (c: Context, values: RoundFormValues, errors?: FieldErrors, round?: Round, stored?: RoundFormValues, added?: string) => {
    const i18n = c.var.i18n;
    const groups = elementGroups(await roundElementChoices(db, [...values.elements, ...(stored?.elements ?? [])]), i18n);
    const baselines = round ? [] : await db.selectFrom('baseline').select(['id', 'name']).orderBy('id', 'desc').execute();
    const stale = stored ? staleFields(roundLabels(i18n), roundReadable(i18n, values, groups), roundReadable(i18n, stored, groups)) : undefined;
    return respond(c, {
      title: round ? i18n.t('consultation.form.editTitle', { title: round.title }) : i18n.t('consultation.form.newTitle'),
      status: stale ? 409 : errors ? 422 : 200,
      body: <RoundFormPage round={round} values={values} errors={errors} groups={groups} stale={stale} baselines={baselines} added={added} />,
      ...(added === undefined ? {} : { fragment: <ElementChoiceFields values={values} errors={errors} groups={groups} addAction={round ? `/horing/${round.id}/rediger` : '/horing/ny'} added={added} />, announce: added }),
    });
  };

  /**
   * «Legg til» on the round form: the form as posted, with the element its picker names added to
   * the chosen ones and the picker emptied; nothing is saved. One it cannot find is said beside
   * the picker (422), everything typed kept. With htmx the answer is the elements' fieldset alone.
   */
  const addElement = async (c: Context, round?: Round) => {
    const { values } = await roundForm(c);
    const { t } = c.var.i18n;
    const code = values.add?.trim() ?? '';
    // Nothing typed: said, not an error.
    if (code === '') return formPage(c, values, undefined, round, undefined, t('consultation.form.addMissing'));
    const { found, error } = await pickedElement(db, code, c.var.i18n);
    if (!found) return formPage(c, { ...values, add: values.add?.slice(0, addMax) }, { add: error! }, round, undefined, '');
    const name = found.ref ? `${found.ref} ${found.name}` : found.name.trim() === '' ? t('common.unnamed') : c.var.i18n.name(found);
    const already = values.elements.includes(found.id);
    return formPage(c, { ...values, elements: already ? values.elements : [...values.elements, found.id], add: '' }, undefined, round, undefined, already ? t('consultation.form.alreadyChosen', { name }) : t('consultation.form.added', { name }));
  };

  app.get('/horing/ny', (c) => formPage(c, { phase: 'forprosjekt', opensOn: norwegianDate(c.var.clock()), elements: [] }));

  app.post('/horing/ny', (c) => addElement(c));

  /**
   * A save with a code still in the picker (typed, «Legg til» not pressed): the element it names
   * is saved with the others, as «Legg til» would have added it. One that cannot be found is
   * said beside the picker, everything typed kept and nothing written.
   */
  const withPicked = async (c: Context, form: { raw: Record<string, unknown>; values: RoundFormValues }) => {
    const code = form.values.add?.trim() ?? '';
    const { found, error } = await pickedElement(db, code, c.var.i18n);
    if (error) return { error: { add: error }, values: { ...form.values, add: form.values.add?.slice(0, addMax) } };
    if (!found) return form;
    const chosen = form.values.elements.includes(found.id) ? form.values.elements : [...form.values.elements, found.id];
    return { raw: { ...form.raw, elements: [...(form.raw.elements as string[]), String(found.id)] }, values: { ...form.values, elements: chosen, add: '' } };
  };

  app.post('/horing', async (c) => {
    const picked = await withPicked(c, await roundForm(c));
    if ('error' in picked) return formPage(c, picked.values, picked.error);
    const { raw, values } = picked;
    const parsed = roundInputSchema.safeParse(raw);
    const baseline = parseBaselineChoice(values.baseline);
    if (!parsed.success || baseline === undefined) {
      const errors = parsed.success ? {} : fieldErrors(parsed.error);
      return formPage(c, values, baseline === undefined ? { ...errors, baseline: c.var.i18n.t('requirement.round.baselineMissing') } : errors);
    }
    const result = await createConsultationRound(db, callerOf(c), parsed.data, baseline);
    if (result.kind === 'invalid') return formPage(c, values, said(c, result.errors));
    return c.redirect(`/horing/${result.id}?lagret=runde`, 303);
  });

  app.get('/horing/:id/rediger', roundParam, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    const { round } = found;
    const items = await roundItems(db, round.id);
    const elements = items.flatMap((i) => (i.elementId === null ? [] : [i.elementId]));
    return formPage(c, { ...round, elements, version: consultationRoundVersion(round, elements) }, undefined, round);
  });

  app.post('/horing/:id/rediger', roundParam, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    return addElement(c, found.round);
  });

  app.post('/horing/:id', roundParam, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    const { round } = found;
    const picked = await withPicked(c, await roundForm(c));
    if ('error' in picked) return formPage(c, picked.values, picked.error, round);
    const { raw, values } = picked;
    const parsed = roundInputSchema.safeParse(raw);
    const shown = shownVersionSchema.safeParse(values.version);
    if (!shown.success) return formPage(c, values, { skjema: issueText(shown.error.issues[0]!, c.var.i18n) }, round);
    if (!parsed.success) return formPage(c, values, fieldErrors(parsed.error), round);
    const result = await updateConsultationRound(db, callerOf(c), round.id, parsed.data, shown.data);
    if (result.kind === 'stale') return formPage(c, { ...values, version: result.stored.version }, undefined, round, result.stored);
    if (result.kind === 'invalid') return formPage(c, values, said(c, result.errors), round);
    return c.redirect(`/horing/${round.id}?lagret=runde`, 303);
  });

  app.get('/horing/:id', roundParam, validParams('query', roundQuerySchema), async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    const { round, state } = found;
    const query = c.req.valid('query');
    const viewer = c.var.viewer;
    const reader = readerOf(c);
    const pageSize = deps.config.CONSULTATION_PAGE_SIZE;
    // The mark for "new" comes from the visit before this session. Reading only: the page itself
    // reports that it was seen (a POST, below), so a GET changes nothing.
    const readAt = c.var.clock();
    const since = viewer ? visitMark(await lastVisit(db, { userId: viewer.id, roundId: round.id }), viewer.sessionId) : null;
    const filter = { itemId: query.punkt, organisationId: query.organisasjon, status: query.status, newSince: query.nye && since !== null ? since : undefined };
    const [items, rows, total, comments, summary, baseline] = await Promise.all([
      roundItems(db, round.id),
      tallyRows(db, { roundId: round.id }),
      countComments(db, round.id, filter, reader),
      commentsPage(db, round.id, { view: query.vis, filter, page: query.side, pageSize, reader }),
      since !== null ? newSummary(db, round.id, since, reader) : Promise.resolve(null),
      roundBaseline(db, round.id),
    ]);
    const props: RoundPageProps = {
      round,
      state,
      items,
      figures: tally(rows, items),
      comments,
      total,
      pageSize,
      query,
      novelty: new Map(comments.map((cm) => [cm.id, noveltyOf(cm, since, reader.organisationId)])),
      visit: { signedIn: viewer !== null, since, summary, readAt: readAt.toISOString() },
      can: {
        comment: mayTake(c, deps, 'consultation.comment'),
        manage: mayTake(c, deps, 'consultation.manage'),
        organisationId: reader.organisationId,
      },
      saved: query.lagret,
      baseline,
    };
    return respond(c, { title: round.title, body: <RoundPage {...props} />, fragment: <CommentList {...props} /> });
  });

  /**
   * The round page reports that it was seen, once loaded (htmx, `hx-trigger="load"`), with the
   * instant its data was read: what arrived while the page loaded stays new for next time.
   */
  app.post('/horing/:id/besok', roundParam, async (c) => {
    const found = await loadRound(deps, c, c.req.valid('param').id);
    if (!found) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    const parsed = visitInputSchema.safeParse(await formInput(c));
    if (!parsed.success) return respondError(c, { status: 400, title: c.var.i18n.t('consultation.error.badRequest'), message: c.var.i18n.t('consultation.error.visitTime') });
    const now = c.var.clock();
    const seen = new Date(parsed.data.sett);
    await markRoundSeen(db, callerOf(c), { roundId: found.round.id, sessionId: c.var.viewer!.sessionId, at: seen < now ? seen : now });
    // From the page's own script nothing more is needed; without JavaScript, the button's form goes back to the round.
    if (isFragmentRequest(c)) return c.body(null, 204);
    return c.redirect(`/horing/${found.round.id}`, 303);
  });

  return app;
}
