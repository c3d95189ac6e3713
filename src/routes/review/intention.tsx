import { Hono, type Context } from 'hono';
import { say } from '../../../model/messages.ts';
import { z } from 'zod';
import { osloDate } from '../../../model/review/rounds.ts';
import { intentionInputSchema, intentionStatusSchema } from '../../../model/review/schemas.ts';
import { shownVersionSchema, staleFields, versionField, type StaleField } from '../../../model/versions.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { IntentionListPage, IntentionPage, intentionFormValues, intentionLabels, intentionReadable, type IntentionFormValues } from '../../../views/pages/review/intention.tsx';
import { callerOf } from '../../auth/context.ts';
import { declareIntention } from '../../commands/review.ts';
import { allDeclarations, declarationOf, listMunicipalities, municipalityByNumber } from '../../db/queries/review/intentions.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput, issueMessage } from '../../http/forms.ts';
import { notFound, respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { abilitiesOf, municipalityParam, noMunicipality } from './common.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const listQuery = z.strictObject(
  {
    status: z.preprocess(blank, intentionStatusSchema.optional()),
    fylke: z.preprocess(blank, z.string().regex(/^\d{2}$/, say('review.error.countyNumber')).optional()),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? say('review.error.unknownParameter') : undefined) },
);

/** Intention declarations: every municipality's status for architects, and one municipality's form. */
export function intentionRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  app.get('/vurdering/intensjon', validParams('query', listQuery), async (c) => {
    const filter = c.req.valid('query');
    const [municipalities, declarations] = await Promise.all([listMunicipalities(db), allDeclarations(db)]);
    const byNumber = new Map(declarations.map((d) => [d.municipalityNumber, d]));
    const counties = [...new Map(municipalities.map((m) => [m.countyNumber, { number: m.countyNumber, name: m.countyName }])).values()].sort((a, b) => a.number.localeCompare(b.number));
    const rows = municipalities
      .map((m) => ({ municipality: m, declaration: byNumber.get(m.number) }))
      .filter((r) => !filter.fylke || r.municipality.countyNumber === filter.fylke)
      .filter((r) => !filter.status || (r.declaration?.status ?? 'undecided') === filter.status)
      .sort((a, b) => a.municipality.countyNumber.localeCompare(b.municipality.countyNumber) || a.municipality.name.localeCompare(b.municipality.name, 'nb'));
    return respond(c, { title: c.var.i18n.t('review.intentions.title'), body: <IntentionListPage rows={rows} abilities={abilitiesOf(c, deps)} filter={filter} counties={counties} /> });
  });

  const page = async (c: Context, number: string, form: { values?: IntentionFormValues; errors?: FieldErrors; stale?: StaleField[] } = {}) => {
    const [municipality, declaration] = await Promise.all([municipalityByNumber(db, number), declarationOf(db, number)]);
    if (!municipality) return notFound(c, noMunicipality(c));
    return respond(c, {
      title: c.var.i18n.t('review.intention.title', { name: municipality.name }),
      status: form.stale ? 409 : form.errors ? 422 : 200,
      body: (
        <IntentionPage
          municipality={municipality}
          declaration={declaration}
          abilities={abilitiesOf(c, deps)}
          values={form.values ?? intentionFormValues(declaration)}
          errors={form.errors}
          stale={form.stale}
          notice={c.req.query('lagret') !== undefined ? c.var.i18n.t('review.intention.saved') : undefined}
        />
      ),
    });
  };

  app.get('/vurdering/intensjon/:kommune', municipalityParam, (c) => page(c, c.req.valid('param').kommune));

  app.post('/vurdering/intensjon/:kommune', municipalityParam, async (c) => {
    const { kommune } = c.req.valid('param');
    const form = await formInput(c);
    const now = c.var.clock();
    const parsed = intentionInputSchema(osloDate(now)).safeParse(form);
    const shown = shownVersionSchema.safeParse(form[versionField]);
    if (!parsed.success || !shown.success) return page(c, kommune, { values: form, errors: { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(shown.success ? {} : { skjema: issueMessage(shown.error.issues[0]) }) } });
    const saved = await declareIntention(db, callerOf(c), kommune, parsed.data, shown.data);
    if (saved.kind === 'stale') {
      const mine = { status: form.status, date: form.date, reference: form.reference };
      const stored = intentionFormValues(saved.stored);
      return page(c, kommune, {
        values: { ...mine, version: stored.version },
        stale: staleFields(intentionLabels(c.var.i18n.t), intentionReadable(mine, c.var.i18n.t), intentionReadable(stored, c.var.i18n.t)),
      });
    }
    return c.redirect(`/vurdering/intensjon/${kommune}?lagret`, 303);
  });

  return app;
}
