import type { Child } from 'hono/jsx';
import { useI18n } from '../i18n/index.ts';

/** Field name → the message to show beside it. */
export type FieldErrors = Record<string, string>;

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  description?: string;
}

const ids = (name: string) => ({ input: `felt-${name}`, error: `felt-${name}-feil`, description: `felt-${name}-hjelp` });

function describedBy(name: string, errors: FieldErrors | undefined, description: string | undefined): string | undefined {
  const parts = [description ? ids(name).description : null, errors?.[name] ? ids(name).error : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function FieldFrame({ name, label, errors, description, children }: FieldProps & { children: Child }) {
  const error = errors?.[name];
  return (
    <div class="ds-field">
      <label class="ds-label" for={ids(name).input}>
        {label}
      </label>
      {description ? (
        <div data-field="description" id={ids(name).description}>
          {description}
        </div>
      ) : null}
      {children}
      {error ? (
        <div class="ds-validation-message" data-field="validation" id={ids(name).error}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function TextField(
  props: FieldProps & { value?: string | undefined; type?: 'text' | 'email' | 'password' | 'date' | 'number'; autocomplete?: string; required?: boolean },
) {
  const { name, errors, description } = props;
  return (
    <FieldFrame {...props}>
      <input
        class="ds-input"
        id={ids(name).input}
        name={name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, description)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { value?: string | undefined; rows?: number }) {
  const { name, errors, description } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        class="ds-input"
        id={ids(name).input}
        name={name}
        rows={props.rows ?? 3}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, description)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { value?: string | undefined; options: Option[]; empty?: string }) {
  const { name, errors, description } = props;
  return (
    <FieldFrame {...props}>
      <select
        class="ds-input"
        id={ids(name).input}
        name={name}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, description)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * One choice in a filter form (GET, no validation messages): a labelled select whose first
 * option, the empty value, shows everything. Its id is the filter's own, so links and tests can
 * name it.
 */
export function FilterSelect(props: { id: string; name: string; label: string; all: string; options: readonly Option[]; value: string | number | undefined | null }) {
  const current = props.value === undefined || props.value === null ? '' : String(props.value);
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      <select class="ds-input" id={props.id} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The list of problems at the top of a form that failed validation, each linking to its field.
 * It takes focus when it appears, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  errors,
  labels,
  anchor = (field) => ids(field).input,
}: {
  errors: FieldErrors | undefined;
  labels: Record<string, string>;
  /** The id of a field's control, for forms whose ids are not the default `felt-<name>`. */
  anchor?: (field: string) => string;
}) {
  const { t } = useI18n();
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="ds-error-summary" role="alert" tabindex={-1} autofocus>
      <h2 class="ds-heading" data-size="xs">
        {t('common.errorSummary')}
      </h2>
      <ul class="ds-list">
        {entries.map(([field, message]) => (
          <li>
            {labels[field] ? (
              <a class="ds-link" href={`#${anchor(field)}`}>
                {labels[field]}: {message}
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

/** A message above a form or a list: what just happened, or why nothing did. */
export function Notice({ color, children }: { color: 'success' | 'info' | 'warning' | 'danger'; children: Child }) {
  return (
    <div class="ds-alert notice" data-color={color} role={color === 'success' || color === 'info' ? 'status' : 'alert'}>
      <p class="ds-paragraph">{children}</p>
    </div>
  );
}

export function CheckboxField({ name, label, checked, description }: { name: string; label: string; checked: boolean; description?: string }) {
  return (
    <div class="ds-field">
      <input
        class="ds-input"
        type="checkbox"
        id={ids(name).input}
        name={name}
        checked={checked}
        aria-describedby={description ? ids(name).description : undefined}
      />
      <label class="ds-label" for={ids(name).input}>
        {label}
      </label>
      {description ? (
        <div data-field="description" id={ids(name).description}>
          {description}
        </div>
      ) : null}
    </div>
  );
}
