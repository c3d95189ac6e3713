import { Hono } from 'hono';
import { organisationInputSchema, type Organisation, type OrganisationInput } from '../../../model/accounts.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { OrganisationEditPage, OrganisationsPage, type OrganisationFormValues } from '../../../views/pages/admin/organisations.tsx';
import { auditActor } from '../../auth/context.ts';
import { listOrganisations, listUsers, organisationById, organisationNameTaken } from '../../db/queries/accounts.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond } from '../../http/render.tsx';
import { idParam } from './users.tsx';

const record = (o: Pick<Organisation, 'name' | 'kind' | 'contact'>) => ({ name: o.name, kind: o.kind, contact: o.contact });
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

  const editPage = async (organisation: Organisation, values: OrganisationFormValues, errors?: FieldErrors) => {
    const members = (await listUsers(db)).filter((u) => u.organisationId === organisation.id);
    return <OrganisationEditPage organisation={organisation} members={members} values={values} errors={errors} />;
  };

  app.get('/admin/organisasjoner/:id', idParam, async (c) => {
    const organisation = await organisationById(db, c.req.valid('param').id);
    if (!organisation) return notFound(c, 'Det finnes ingen organisasjon med den id-en.');
    return respond(c, { title: organisation.name, body: await editPage(organisation, record(organisation)) });
  });

  app.post('/admin/organisasjoner/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const organisation = await organisationById(db, id);
    if (!organisation) return notFound(c, 'Det finnes ingen organisasjon med den id-en.');
    const form = await formInput(c);
    const again = async (errors: FieldErrors) => respond(c, { title: organisation.name, status: 422, body: await editPage(organisation, form, errors) });
    const parsed = organisationInputSchema.safeParse(form);
    if (!parsed.success) return again(fieldErrors(parsed.error));
    const saved = await updateOrganisation(db, organisation, parsed.data, auditActor(c));
    if (!saved) return again(nameTaken);
    return c.redirect(`/admin/organisasjoner?lagret=${id}`, 303);
  });

  return app;
}

async function updateOrganisation(db: AppDeps['db'], before: Organisation, input: OrganisationInput, actor: ReturnType<typeof auditActor>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (await organisationNameTaken(trx, input.name, before.id)) return false;
    await trx.updateTable('organisation').set({ ...input, updated_at: actor.at.toISOString() }).where('id', '=', before.id).execute();
    await recordAudit(trx, { ...actor, action: 'organisation.update', entity: 'organisation', entityId: before.id, before: record(before), after: record(input) });
    return true;
  });
}
