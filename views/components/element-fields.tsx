import type { Child } from 'hono/jsx';
import type { FieldSpec, RefOptions } from '../../model/editing.ts';
import { ErrorSummary } from './form.tsx';
import { useI18n } from '../i18n/index.ts';

/*
 * The element forms of the architect's workspace, drawn from the field specs in
 * model/editing.ts. Ids carry a prefix because a page can hold two element forms at once (a new
 * element's and an edit).
 */

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function SpecErrorSummary({ errors, fields, idPrefix }: { errors: Record<string, string>; fields: FieldSpec[]; idPrefix: string }) {
  const { t } = useI18n();
  return (
    <ErrorSummary errors={errors} labels={Object.fromEntries(fields.map((f) => [f.name, t(f.label)]))} anchor={(field) => `${idPrefix}-${field}`} />
  );
}

/** One field, with its label, hint and (when invalid) the message beside it. */
export function Field({ field, state, options, idPrefix }: { field: FieldSpec; state: FormState; options: RefOptions; idPrefix: string }) {
  const { t } = useI18n();
  const id = `${idPrefix}-${field.name}`;
  const error = state.errors[field.name];
  const value = state.values[field.name] ?? '';
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-feil` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  let control: Child;
  switch (field.type) {
    case 'textarea':
      control = (
        <textarea class="ds-input" rows={4} {...common} required={field.required}>
          {value}
        </textarea>
      );
      break;
    case 'checkbox':
      return (
        <div class="ds-field field-checkbox">
          <input class="ds-input" type="checkbox" {...common} checked={value === 'on'} />
          <label class="ds-label" for={id} data-weight="regular">
            {t(field.label)}
          </label>
          {error ? <p class="ds-validation-message" id={`${id}-feil`} data-field="validation">{error}</p> : null}
        </div>
      );
    case 'ref':
      control = (
        <select class="ds-input" {...common} required={field.required}>
          <option value="">{field.required ? t('scope.form.choose') : t('scope.form.none')}</option>
          {(options[field.kind] ?? []).map((o) => (
            <option value={o.key} selected={o.key === value}>
              {'– '.repeat(o.depth ?? 0)}
              {o.name}
            </option>
          ))}
        </select>
      );
      break;
    case 'choice':
      control = (
        <select class="ds-input" {...common} required={field.required}>
          <option value="">{field.required ? t('scope.form.choose') : t('scope.form.none')}</option>
          {(options.lists?.[field.list] ?? []).map((o) => (
            <option value={o.key} selected={o.key === value}>
              {'– '.repeat(o.depth ?? 0)}
              {o.name}
            </option>
          ))}
        </select>
      );
      break;
    case 'enum':
      control = (
        <select class="ds-input" {...common} required={field.required}>
          <option value="">{field.required ? t('scope.form.choose') : t('scope.form.none')}</option>
          {field.options.map(([v, label]) => (
            <option value={v} selected={v === value}>
              {t(label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      control = <input class="ds-input" type="date" {...common} value={value} required={field.required} />;
      break;
    case 'number':
      control = <input class="ds-input" type="text" inputmode="numeric" {...common} value={value} required={field.required} />;
      break;
    default:
      control = <input class="ds-input" type="text" {...common} value={value} required={field.required} />;
  }
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {t(field.label)}
        {field.required ? <span class="required">{t('scope.form.required')}</span> : null}
      </label>
      {field.hint ? (
        <p class="ds-paragraph" data-size="sm" id={`${id}-hint`} data-field="description">
          {t(field.hint)}
        </p>
      ) : null}
      {control}
      {error ? (
        <p class="ds-validation-message" id={`${id}-feil`} data-field="validation">
          {error}
        </p>
      ) : null}
    </div>
  );
}
