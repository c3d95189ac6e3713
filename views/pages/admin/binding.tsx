import { bindingFieldOf, roles, type MunicipalityOption, type Organisation, type Role } from '../../../model/accounts.ts';
import { SelectField, type FieldErrors } from '../../components/form.tsx';
import { useI18n } from '../../i18n/index.ts';

export interface BindingValues {
  role?: string | undefined;
  municipality?: string | undefined;
  organisation?: string | undefined;
}

interface BindingProps {
  values: BindingValues;
  errors?: FieldErrors | undefined;
  municipalities: MunicipalityOption[];
  organisations: Organisation[];
}

/** The region htmx fills with the binding field the chosen role needs. */
const region = 'tilknytning';

/**
 * The role with what it is bound to; shared by the user form and the invitation form. Changing
 * the role asks `refreshUrl` (the page's own address, as an htmx request) for the binding field
 * the new role needs.
 */
export function BindingFields({ refreshUrl, ...props }: BindingProps & { refreshUrl: string }) {
  const { t } = useI18n();
  return (
    <>
      <div hx-get={refreshUrl} hx-trigger="change" hx-target={`#${region}`} hx-swap="innerHTML" hx-include={`#felt-role, #${region}`}>
        <SelectField
          name="role"
          label={t('admin.field.role')}
          value={props.values.role ?? 'reader'}
          errors={props.errors}
          options={roles.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
        />
      </div>
      <div id={region} aria-live="polite">
        <BindingChoiceFields {...props} />
      </div>
    </>
  );
}

/**
 * The binding field the role needs, and any other that holds a value or a message (a mismatch
 * is shown beside its field, never dropped). Without JavaScript the role can change without a
 * request, so the full page has the remaining fields too, inside `<noscript>`; the fragment htmx
 * asks for leaves them out (`fallback={false}`), as htmx parses `<noscript>` content into real,
 * hidden fields that the form would then send.
 */
export function BindingChoiceFields({ values, errors, municipalities, organisations, fallback = true }: BindingProps & { fallback?: boolean }) {
  const { t } = useI18n();
  const needed = bindingFieldOf[values.role as Role];
  const shows = (field: 'municipality' | 'organisation') => field === needed || Boolean(values[field]) || Boolean(errors?.[field]);
  const fields = {
    municipality: (
      <SelectField
        name="municipality"
        label={t('admin.field.municipality')}
        description={t('admin.binding.municipalityHelp')}
        value={values.municipality}
        errors={errors}
        empty={t('admin.binding.noMunicipality')}
        options={municipalities.map((m) => ({ value: m.number, label: `${m.name} (${m.number})` }))}
      />
    ),
    organisation: (
      <SelectField
        name="organisation"
        label={t('admin.field.organisation')}
        description={t('admin.binding.organisationHelp')}
        value={values.organisation}
        errors={errors}
        empty={t('admin.binding.noOrganisation')}
        options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
      />
    ),
  };
  const order = ['municipality', 'organisation'] as const;
  const others = order.filter((f) => !shows(f));
  return (
    <>
      {order.filter(shows).map((f) => fields[f])}
      {fallback && others.length > 0 ? <noscript>{others.map((f) => fields[f])}</noscript> : null}
    </>
  );
}
