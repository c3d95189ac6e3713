import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { elementKeySchema } from '../../model/schemas.ts';
import { elementHref, kindByPath, kindPathParam, type ElementKind } from '../../model/kinds.ts';
import { linkProvenanceInputSchema, linkTypeSchema, parseLinkEnds } from '../../model/link-types.ts';
import { relationTypeSchema } from '../../model/schemas.ts';
import type { LinkProvenance } from '../../model/provenance.ts';
import { LinkProvenanceNote, type LinkEditState, type RelationFormState } from '../../views/components/link-provenance.tsx';
import { ElementDetailPage } from '../../views/pages/element-detail.tsx';
import { callerOf } from '../auth/context.ts';
import { addRelation, RelationRefused, removeRelation, setLinkProvenance } from '../commands/element-links.ts';
import { NotFound, spoken, StaleVersion } from '../commands/errors.ts';
import { readLinkProvenance } from '../db/queries/link-provenance.ts';
import { loadNeighbourhood } from '../db/queries/neighbourhood.ts';
import { loadTraceContextFor } from '../db/queries/requirement-trace.ts';
import { sourceLines } from '../db/queries/sources.ts';
import type { AppDeps } from '../deps.ts';
import { fieldErrors, readForm, singleValues } from '../http/forms.ts';
import { historyFor } from '../http/history.ts';
import { canEditRequirements, canEditScope } from '../http/permissions.ts';
import { isFragmentRequest, notFound, respond, respondError } from '../http/render.tsx';

/** A local path to return to after a save without JavaScript; anything else goes to the front page. */
const backSchema = z
  .string()
  .regex(/^\/[A-Za-z0-9\-._~/%]*$/)
  .refine((v) => !v.startsWith('//'))
  .catch('/');

const provenanceForm = z.object({
  kobling: linkTypeSchema,
  ender: z.string().max(80),
  navn: z.string().max(300).catch(''),
  tilbake: backSchema,
  version: z.string().max(40),
  level: z.string(),
  note: z.string(),
  fromLine: z.string().max(20),
  toLine: z.string().max(20),
});

const relationForm = z.object({
  relation: relationTypeSchema,
  version: z.coerce.number().int().nonnegative(),
  target: z.string().max(20).default(''),
  targetKey: z.string().max(200).default(''),
  level: z.string().default('inferred'),
  note: z.string().default(''),
  fromLine: z.string().max(20).default(''),
  toLine: z.string().max(20).default(''),
});

const removeForm = z.object({
  relation: relationTypeSchema,
  version: z.coerce.number().int().nonnegative(),
  other: z.coerce.number().int().positive(),
  outgoing: z.enum(['1', '0']),
});

/**
 * The architect's edits of links as links (issue 16): a link's provenance (level, reason, lines),
 * and the typed relations between elements (an interface a service goes through, the national
 * solution that delivers it, what a risk threatens, …). Each route parses, calls one use case from
 * `src/commands/element-links.ts`, and redraws what changed; without JavaScript it returns to the page.
 */
export function elementLinkRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();

  app.post('/koblinger/kildegrunnlag', async (c) => {
    const { t } = c.var.i18n;
    const parsed = provenanceForm.safeParse(singleValues(await readForm(c)));
    const ends = parsed.success ? parseLinkEnds(parsed.data.kobling, parsed.data.ender) : undefined;
    if (!parsed.success || !ends) return respondError(c, { status: 400, title: c.var.i18n.t('errors.form.title'), message: c.var.i18n.t('validation.element.notThisPage') });
    const form = parsed.data;
    const edit = { type: form.kobling, ends, otherName: form.navn, back: form.tilbake };
    const values = { level: form.level, note: form.note, fromLine: form.fromLine, toLine: form.toLine };
    const input = linkProvenanceInputSchema.safeParse(values);
    const redraw = (state: LinkEditState, status: 200 | 404 | 409 | 422) => {
      if (!isFragmentRequest(c) && status === 200) return c.redirect(form.tilbake, 303);
      const body = <LinkProvenanceNote provenance={state.stored} edit={edit} state={state} />;
      return respond(c, { title: t('links.provenance.edit'), body, fragment: body, status });
    };
    const shown: LinkProvenance = { level: 'inferred', note: '', fromLine: null, toLine: null };
    if (!input.success) {
      const stored = await readLinkProvenance(db, form.kobling, ends);
      if (!stored) return redraw({ values, errors: {}, message: { tone: 'danger', text: t('links.provenance.gone') }, stored: shown }, 404);
      return redraw({ values, errors: fieldErrors(input.error), stored }, 422);
    }
    try {
      const { after } = await setLinkProvenance(db, callerOf(c), { type: form.kobling, ends, seen: form.version, provenance: input.data });
      return redraw({ values, errors: {}, message: { tone: 'success', text: t('links.provenance.saved') }, stored: after }, 200);
    } catch (error) {
      if (error instanceof StaleVersion) {
        const stored = (await readLinkProvenance(db, form.kobling, ends)) ?? shown;
        const current = { level: t(`domain.provenance.${stored.level}`), note: stored.note, noted: stored.note ? 'yes' : 'no' };
        return redraw({ values, errors: {}, message: { tone: 'warning', text: t('links.provenance.stale', current) }, stored }, 409);
      }
      if (error instanceof NotFound) return redraw({ values, errors: {}, message: { tone: 'danger', text: t('links.provenance.gone') }, stored: shown }, 404);
      throw error;
    }
  });

  const kindOf = (c: Context): ElementKind | undefined => kindByPath.get(c.req.param('kindPath') ?? '');

  /** The element's whole page, redrawn after a relation changed (both ends' versions moved). */
  async function elementPage(c: Context, kind: ElementKind, key: string, extra: { notice?: string; relationForm?: RelationFormState; status?: 200 | 409 | 422 }) {
    const found = await loadNeighbourhood(db, kind, key);
    if (!found) return notFound(c, c.var.i18n.t('errors.refused.elementGone'));
    const { element, model, index, services } = found;
    const excerpt = element.source ? await sourceLines(db, element.source) : null;
    const history = await historyFor(c, db, element.id);
    const trace = await loadTraceContextFor(db, model);
    const props = {
      element,
      model,
      index,
      services,
      excerpt,
      canEdit: canEditScope(c),
      canLink: canEditRequirements(c),
      history,
      trace,
      notice: extra.notice,
      relationForm: extra.relationForm,
    };
    return respond(c, { title: element.name, body: <ElementDetailPage {...props} />, fragment: <ElementDetailPage {...props} />, status: extra.status ?? 200 });
  }

  app.post(`/${kindPathParam}/:key/relasjoner`, async (c) => {
    const kind = kindOf(c);
    const key = c.req.param('key');
    if (!kind || !elementKeySchema.safeParse(key).success) return notFound(c, c.var.i18n.t('errors.notFound.page'));
    const { t } = c.var.i18n;
    const parsed = relationForm.safeParse(singleValues(await readForm(c)));
    if (!parsed.success) return respondError(c, { status: 400, title: c.var.i18n.t('errors.form.title'), message: c.var.i18n.t('validation.element.notThisPage') });
    const form = parsed.data;
    const values = { target: form.target, targetKey: form.targetKey.trim(), level: form.level, note: form.note, fromLine: form.fromLine, toLine: form.toLine };
    const refuse = (errors: Record<string, string>, status: 409 | 422 = 422) => elementPage(c, kind, key, { relationForm: { relation: form.relation, values, errors }, status });
    const provenance = linkProvenanceInputSchema.safeParse(values);
    if (!provenance.success) return refuse(fieldErrors(provenance.error));
    let other: { id: number } | { kind: ElementKind; key: string };
    if (values.targetKey !== '') {
      if (!elementKeySchema.safeParse(values.targetKey).success) return refuse({ targetKey: t('validation.key.format') });
      other = { kind: 'informationService', key: values.targetKey };
    } else if (/^[1-9][0-9]{0,11}$/.test(values.target)) {
      other = { id: Number(values.target) };
    } else {
      return refuse({ target: t('links.relations.chooseTarget') });
    }
    try {
      await addRelation(db, callerOf(c), { relation: form.relation, page: { kind, key, version: form.version }, other, outgoing: true, provenance: provenance.data });
    } catch (error) {
      if (error instanceof StaleVersion) return refuse({ form: t('links.relations.stale') }, 409);
      if (error instanceof RelationRefused) return refuse({ [values.targetKey !== '' && error.field === 'target' ? 'targetKey' : error.field]: spoken(error, c.var.i18n) });
      if (error instanceof NotFound) return notFound(c, spoken(error, c.var.i18n));
      throw error;
    }
    if (!isFragmentRequest(c)) return c.redirect(`${elementHref(kind, key)}#koblinger-redigering`, 303);
    return elementPage(c, kind, key, { notice: t('links.relations.added') });
  });

  app.post(`/${kindPathParam}/:key/relasjoner/fjern`, async (c) => {
    const kind = kindOf(c);
    const key = c.req.param('key');
    if (!kind || !elementKeySchema.safeParse(key).success) return notFound(c, c.var.i18n.t('errors.notFound.page'));
    const { t } = c.var.i18n;
    const parsed = removeForm.safeParse(singleValues(await readForm(c)));
    if (!parsed.success) return respondError(c, { status: 400, title: c.var.i18n.t('errors.form.title'), message: c.var.i18n.t('validation.element.notThisPage') });
    const form = parsed.data;
    try {
      await removeRelation(db, callerOf(c), { relation: form.relation, page: { kind, key, version: form.version }, other: { id: form.other }, outgoing: form.outgoing === '1' });
    } catch (error) {
      if (error instanceof StaleVersion) return elementPage(c, kind, key, { notice: t('links.relations.stale'), status: 409 });
      if (error instanceof RelationRefused) return elementPage(c, kind, key, { notice: spoken(error, c.var.i18n), status: 422 });
      if (error instanceof NotFound) return notFound(c, spoken(error, c.var.i18n));
      throw error;
    }
    if (!isFragmentRequest(c)) return c.redirect(`${elementHref(kind, key)}#koblinger-redigering`, 303);
    return elementPage(c, kind, key, { notice: t('links.relations.removed') });
  });

  void now;
  return app;
}
