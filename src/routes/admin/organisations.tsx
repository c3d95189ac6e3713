import { Hono } from 'hono';
import { organisationInputSchema, type Organisation, type OrganisationInput } from '../../../model/accounts.ts';
import { contentVersion, shownVersionSchema, staleFields, versionField, type StaleField } from '../../../model/versions.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { OrganisationEditPage, OrganisationsPage, organisationLabels, organisationReadable, type OrganisationFormValues } from '../../../views/pages/admin/organisations.tsx';
import { auditActor } from '../../auth/context.ts';
import { listOrganisations, listUsers, organisationById, organisationNameTaken } from '../../db/queries/accounts.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond } from '../../http/render.tsx';
import { idParam } from './users.tsx';

const record = (o: Pick<Organisation, 'name' | 'kind' | 'contact'>) => ({ name: o.name, kind: o.kind, contact: o.contact });
/** What the edit form shows, with the version those values are. */
const formValues = (o: Organisation) => ({ ...record(o), version: contentVersion(record(o)) });
const nameTaken: FieldErrors = { name: 'Det finnes allerede en organisasjon med dette navnet.' };

/** Administrators keep the organisations (name, kind, contact) that organisation users belong to. */
export function organisationRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.get('/admin/organisasjoner', async (c) => {
    const organisations = await listOrganisations(db);
    const saved = organisations.find((o) => String(o.id) === c.req.query('lagret'))?.name;
    return respond(c, { title: 'Organisasjoner', body: <OrganisationsPage organisations={organisations} saved={saved} values={{ kind: 'profesjonsforening' }} /> });
  });

  app.post('/admin/organisasjoner', async (c) => {
    const form = await formInput(c);
    const again = async (errors: FieldErrors) =>
      respond(c, { title: 'Organisasjoner', status: 422, body: <OrganisationsPage organisations={await listOrganisations(db)} values={form} errors={errors} /> });
    const parsed = organisationInputSchema.safeParse(form);
    if (!parsed.success) return again(fieldErrors(parsed.error));
    const actor = auditActor(c);
    const id = await db.transaction().execute(async (trx) => {
      if (await organisationNameTaken(trx, parsed.data.name)) return null;
      const at = actor.at.toISOString();
      const row = await trx.insertInto('organisation').values({ ...parsed.data, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, { ...actor, action: 'organisation.create', entity: 'organisation', entityId: row.id, after: record(parsed.data) });
      return row.id;
    });
    if (id === null) return again(nameTaken);
    return c.redirect(`/admin/organisasjoner?lagret=${id}`, 303);
  });

  const editPage = async (organisation: Organisation, values: OrganisationFormValues, errors?: FieldErrors, stale?: StaleField[]) => {
    const members = (await listUsers(db)).filter((u) => u.organisationId === organisation.id);
    return <OrganisationEditPage organisation={organisation} members={members} values={values} errors={errors} stale={stale} />;
  };

  app.get('/admin/organisasjoner/:id', idParam, async (c) => {
    const organisation = await organisationById(db, c.req.valid('param').id);
    if (!organisation) return notFound(c, 'Det finnes ingen organisasjon med den id-en.');
    return respond(c, { title: organisation.name, body: await editPage(organisation, formValues(organisation)) });
  });

  app.post('/admin/organisasjoner/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const organisation = await organisationById(db, id);
    if (!organisation) return notFound(c, 'Det finnes ingen organisasjon med den id-en.');
    const form = await formInput(c);
    const again = async (errors: FieldErrors) => respond(c, { title: organisation.name, status: 422, body: await editPage(organisation, form, errors) });
    const parsed = organisationInputSchema.safeParse(form);
    const shown = shownVersionSchema.safeParse(form[versionField]);
    if (!shown.success) return again({ skjema: shown.error.issues[0]?.message ?? '' });
    if (!parsed.success) return again(fieldErrors(parsed.error));
    const saved = await updateOrganisation(db, organisation.id, parsed.data, shown.data, auditActor(c));
    if (saved === 'missing') return notFound(c, 'Det finnes ingen organisasjon med den id-en.');
    if (saved === 'name-taken') return again(nameTaken);
    if (saved !== 'ok') {
      const stored = formValues(saved.stale);
      const body = await editPage(saved.stale, { ...form, version: stored.version }, undefined, staleFields(organisationLabels, organisationReadable(form), organisationReadable(stored)));
      return respond(c, { title: organisation.name, status: 409, body });
    }
    return c.redirect(`/admin/organisasjoner?lagret=${id}`, 303);
  });

  return app;
}

type UpdateOutcome = 'ok' | 'missing' | 'name-taken' | { stale: Organisation };

/** Changes an organisation unless someone changed it since the form showed `shown` (then nothing is written). */
async function updateOrganisation(db: AppDeps['db'], id: number, input: OrganisationInput, shown: string | undefined, actor: ReturnType<typeof auditActor>): Promise<UpdateOutcome> {
  return db.transaction().execute(async (trx): Promise<UpdateOutcome> => {
    const before = await organisationById(trx, id);
    if (!before) return 'missing';
    if (shown !== undefined && shown !== contentVersion(record(before))) return { stale: before };
    if (await organisationNameTaken(trx, input.name, before.id)) return 'name-taken';
    await trx.updateTable('organisation').set({ ...input, updated_at: actor.at.toISOString() }).where('id', '=', before.id).execute();
    await recordAudit(trx, { ...actor, action: 'organisation.update', entity: 'organisation', entityId: before.id, before: record(before), after: record(input) });
    return 'ok';
  });
}
