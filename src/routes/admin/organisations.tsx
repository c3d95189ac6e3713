import { Hono } from 'hono';
import { organisationInputSchema, type Organisation } from '../../../model/accounts.ts';
import { shownVersionSchema, staleFields, versionField, type StaleField } from '../../../model/versions.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { OrganisationEditPage, OrganisationsPage, organisationLabels, organisationReadable, type OrganisationFormValues } from '../../../views/pages/admin/organisations.tsx';
import { callerOf } from '../../auth/context.ts';
import { createOrganisation, organisationRecord, organisationVersion, updateOrganisation } from '../../commands/admin.ts';
import { listOrganisations, listUsers, organisationById } from '../../db/queries/accounts.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond } from '../../http/render.tsx';
import { idParam } from './users.tsx';
import { issueText } from '../../../views/i18n/issues.ts';

/** What the edit form shows, with the version those values are. */
const formValues = (o: Organisation) => ({ ...organisationRecord(o), version: organisationVersion(o) });

/** Administrators keep the organisations (name, kind, contact) that organisation users belong to. */
export function organisationRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.get('/admin/organisasjoner', async (c) => {
    const organisations = await listOrganisations(db);
    const saved = organisations.find((o) => String(o.id) === c.req.query('lagret'))?.name;
    return respond(c, { title: c.var.i18n.t('admin.nav.organisations'), body: <OrganisationsPage organisations={organisations} saved={saved} values={{ kind: 'profesjonsforening' }} /> });
  });

  app.post('/admin/organisasjoner', async (c) => {
    const form = await formInput(c);
    const again = async (errors: FieldErrors) =>
      respond(c, { title: c.var.i18n.t('admin.nav.organisations'), status: 422, body: <OrganisationsPage organisations={await listOrganisations(db)} values={form} errors={errors} /> });
    const parsed = organisationInputSchema.safeParse(form);
    if (!parsed.success) return again(fieldErrors(parsed.error));
    const created = await createOrganisation(db, callerOf(c), parsed.data);
    if (created.kind === 'name-taken') return again({ name: c.var.i18n.t('admin.organisations.nameTaken') });
    return c.redirect(`/admin/organisasjoner?lagret=${created.id}`, 303);
  });

  const editPage = async (organisation: Organisation, values: OrganisationFormValues, errors?: FieldErrors, stale?: StaleField[]) => {
    const members = (await listUsers(db)).filter((u) => u.organisationId === organisation.id);
    return <OrganisationEditPage organisation={organisation} members={members} values={values} errors={errors} stale={stale} />;
  };

  app.get('/admin/organisasjoner/:id', idParam, async (c) => {
    const organisation = await organisationById(db, c.req.valid('param').id);
    if (!organisation) return notFound(c, c.var.i18n.t('admin.organisations.notFound'));
    return respond(c, { title: organisation.name, body: await editPage(organisation, formValues(organisation)) });
  });

  app.post('/admin/organisasjoner/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const organisation = await organisationById(db, id);
    if (!organisation) return notFound(c, c.var.i18n.t('admin.organisations.notFound'));
    const form = await formInput(c);
    const again = async (errors: FieldErrors) => respond(c, { title: organisation.name, status: 422, body: await editPage(organisation, form, errors) });
    const parsed = organisationInputSchema.safeParse(form);
    const shown = shownVersionSchema.safeParse(form[versionField]);
    if (!shown.success) return again({ skjema: shown.error.issues[0] ? issueText(shown.error.issues[0], c.var.i18n) : '' });
    if (!parsed.success) return again(fieldErrors(parsed.error));
    const saved = await updateOrganisation(db, callerOf(c), organisation.id, parsed.data, shown.data);
    if (saved.kind === 'name-taken') return again({ name: c.var.i18n.t('admin.organisations.nameTaken') });
    if (saved.kind === 'stale') {
      const stored = formValues(saved.stored);
      const body = await editPage(saved.stored, { ...form, version: stored.version }, undefined, staleFields(organisationLabels(c.var.i18n.t), organisationReadable(form, c.var.i18n), organisationReadable(stored, c.var.i18n)));
      return respond(c, { title: organisation.name, status: 409, body });
    }
    return c.redirect(`/admin/organisasjoner?lagret=${id}`, 303);
  });

  return app;
}
