import type { Child } from 'hono/jsx';
import type { FieldSpec, RefOptions } from '../../model/editing.ts';

export type { RefOptions };

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

/** A summary of the errors at the top of a form, linking to each field at fault. */
export function ErrorSummary({ errors, fields, idPrefix }: { errors: Record<string, string>; fields: FieldSpec[]; idPrefix: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  const label = (name: string) => fields.find((f) => f.name === name)?.label ?? 'Skjemaet';
  return (
    <div class="ds-error-summary" role="alert" tabindex={-1} aria-labelledby={`${idPrefix}-feil-tittel`} autofocus>
      <h2 id={`${idPrefix}-feil-tittel`} class="ds-heading" data-size="2xs">
        Rett opp {entries.length === 1 ? 'feilen' : `de ${entries.length} feilene`} før du lagrer
      </h2>
      <ul class="ds-list">
        {entries.map(([name, message]) => (
          <li>
            {fields.some((f) => f.name === name) ? (
              <a class="ds-link" href={`#${idPrefix}-${name}`}>
                {label(name)}: {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One field, with its label, hint and (when invalid) the message beside it. */
export function Field({ field, state, options, idPrefix }: { field: FieldSpec; state: FormState; options: RefOptions; idPrefix: string }) {
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
            {field.label}
          </label>
          {error ? <p class="ds-validation-message" id={`${id}-feil`} data-field="validation">{error}</p> : null}
        </div>
      );
    case 'ref':
      control = (
        <select class="ds-input" {...common} required={field.required}>
          <option value="">{field.required ? 'Velg …' : '(ingen)'}</option>
          {(options[field.kind] ?? []).map((o) => (
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
          <option value="">{field.required ? 'Velg …' : '(ingen)'}</option>
          {field.options.map(([v, label]) => (
            <option value={v} selected={v === value}>
              {label}
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
        {field.label}
        {field.required ? <span class="required"> (må fylles ut)</span> : null}
      </label>
      {field.hint ? (
        <p class="ds-paragraph" data-size="sm" id={`${id}-hint`} data-field="description">
          {field.hint}
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
