import type { LinkTargetScope } from '../../src/db/queries/link-targets.ts';
import type { LinkTarget } from '../../src/db/queries/requirement-trace.ts';
import { useI18n } from '../i18n/index.ts';

/** The picker's own address: its suggestions (for htmx) or, without JavaScript, a page to search on. */
export function linkTargetUrl(scope: LinkTargetScope, back?: string): string {
  return `/koblingsmal?hva=${scope}${back ? `&tilbake=${encodeURIComponent(back)}` : ''}`;
}

/** What a suggestion puts in the field: a requirement's number, or an element as `kind:key`. */
export function targetValue(scope: LinkTargetScope, target: LinkTarget): string {
  return scope === 'krav' ? (target.ref ?? target.key) : `${target.kind}:${target.key}`;
}

/**
 * A link target chosen by typing, not from a list of everything: a labelled text field whose
 * suggestions (a datalist, at most a screenful) htmx fetches as the user types. Without
 * JavaScript the field takes the number or code as typed, and the link beside it opens a page
 * that searches and shows the codes. Keyboard use is the browser's own for a datalist.
 */
export function TargetPicker({
  id,
  name,
  scope,
  label,
  hint,
  value,
  error,
  back,
}: {
  id: string;
  name: string;
  scope: LinkTargetScope;
  label: string;
  hint: string;
  value: string;
  error?: string | undefined;
  /** The page the no-JavaScript search links back to. */
  back: string;
}) {
  const { t } = useI18n();
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {label}
      </label>
      <div data-field="description" id={`${id}-hjelp`}>
        {hint}{' '}
        <a class="ds-link" href={linkTargetUrl(scope, back)} id={`${id}-sok`}>
          {t(scope === 'krav' ? 'links.picker.findRequirement' : 'links.picker.findElement')}
        </a>
      </div>
      <input
        class="ds-input"
        id={id}
        type="text"
        name={name}
        list={`${id}-valg`}
        autocomplete="off"
        value={value}
        hx-get={linkTargetUrl(scope)}
        hx-trigger="input changed delay:250ms"
        hx-target={`#${id}-valg`}
        hx-swap="innerHTML"
        hx-sync="this:replace"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-hjelp ${id}-feil` : `${id}-hjelp`}
      />
      <datalist id={`${id}-valg`}></datalist>
      {error ? (
        <p class="ds-validation-message" data-field="validation" id={`${id}-feil`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
