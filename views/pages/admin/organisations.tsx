import type { StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { organisationKindLabel, organisationKinds, roleLabel, type Organisation, type UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/form.tsx';
import { AdminHeader } from './common.tsx';

export interface OrganisationFormValues {
  name?: string | undefined;
  kind?: string | undefined;
  contact?: string | undefined;
  /** The version of the organisation the edit form showed (`model/versions.ts`). */
  version?: string | undefined;
}

export const organisationLabels = { name: 'Navn', kind: 'Type', contact: 'Kontakt' };
const labels = organisationLabels;

/** An organisation's values as a person reads them, for the 409's side-by-side table. */
export function organisationReadable(v: OrganisationFormValues): Record<string, string> {
  const kind = organisationKinds.find((k) => k === v.kind);
  return { name: v.name ?? '', kind: kind ? organisationKindLabel[kind] : (v.kind ?? ''), contact: v.contact ?? '' };
}

function OrganisationForm({ action, values, errors, submit }: { action: string; values: OrganisationFormValues; errors?: FieldErrors | undefined; submit: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} class="form-narrow">
        <VersionField version={values.version} />
        <TextField name="name" label={labels.name} value={values.name} errors={errors} required />
        <SelectField
          name="kind"
          label={labels.kind}
          value={values.kind}
          errors={errors}
          options={organisationKinds.map((k) => ({ value: k, label: organisationKindLabel[k] }))}
        />
        <TextAreaField name="contact" label={labels.contact} description="Hvem i organisasjonen prosjektet kontakter, og hvordan." value={values.contact} errors={errors} />
        <button class="ds-button" type="submit">
          {submit}
        </button>
      </form>
    </>
  );
}

export function OrganisationsPage({
  organisations,
  values = {},
  errors,
  saved,
}: {
  organisations: Organisation[];
  values?: OrganisationFormValues;
  errors?: FieldErrors | undefined;
  saved?: string | undefined;
}) {
  return (
    <>
      <AdminHeader
        title="Organisasjoner"
        current="/admin/organisasjoner"
        lead="Profesjons-, pasient- og interesseorganisasjoner og KS. Organisasjonsbrukere skriver på vegne av én av dem."
      />
      {saved ? <Notice color="success">{saved} er lagret.</Notice> : null}
      {organisations.length === 0 ? (
        <Empty>Ingen organisasjoner ennå.</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Alle organisasjoner</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Type</th>
                <th scope="col">Kontakt</th>
                <th scope="col" class="num">
                  Brukere
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/admin/organisasjoner/${o.id}`}>
                      {o.name}
                    </a>
                  </th>
                  <td>{organisationKindLabel[o.kind]}</td>
                  <td>{o.contact || <span class="muted">–</span>}</td>
                  <td class="num">{o.userCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-organisasjon">
        <h2 class="ds-heading" data-size="sm" id="ny-organisasjon">
          Ny organisasjon
        </h2>
        <OrganisationForm action="/admin/organisasjoner" values={values} errors={errors} submit="Opprett organisasjon" />
      </section>
    </>
  );
}

export function OrganisationEditPage({
  organisation,
  members,
  values,
  errors,
  stale,
}: {
  organisation: Organisation;
  members: UserSummary[];
  values: OrganisationFormValues;
  errors?: FieldErrors | undefined;
  stale?: StaleField[] | undefined;
}) {
  return (
    <>
      <AdminHeader title={organisation.name} current="/admin/organisasjoner" crumbs={[{ href: '/admin/organisasjoner', label: 'Organisasjoner' }]} />
      {stale ? <StaleNotice what="organisasjonen" fields={stale} reload={`/admin/organisasjoner/${organisation.id}`} /> : null}
      <OrganisationForm action={`/admin/organisasjoner/${organisation.id}`} values={values} errors={errors} submit="Lagre" />
      <section aria-labelledby="medlemmer">
        <h2 class="ds-heading" data-size="sm" id="medlemmer">
          Brukere i organisasjonen
        </h2>
        {members.length === 0 ? (
          <Empty>Ingen brukere hører til organisasjonen.</Empty>
        ) : (
          <ul class="link-list">
            {members.map((u) => (
              <li>
                <a class="ds-link" href={`/admin/brukere/${u.id}`}>
                  {u.name}
                </a>{' '}
                ({roleLabel[u.role]}, {u.email})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
