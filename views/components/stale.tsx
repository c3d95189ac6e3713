import type { StaleField } from '../../model/versions.ts';
import { versionField } from '../../model/versions.ts';

/** The hidden field with the version the form showed. */
export function VersionField({ version }: { version: string | undefined }) {
  return version ? <input type="hidden" name={versionField} value={version} /> : null;
}

/**
 * Someone saved the same record after this form was shown: nothing was written. Each differing
 * field with both values; the form below keeps the user's values and now carries the stored
 * version, so saving again deliberately keeps them, and reloading the page takes the stored ones.
 */
export function StaleNotice({ what, fields, reload }: { what: string; fields: StaleField[]; reload: string }) {
  return (
    <div class="stale-form">
      <div class="ds-alert" data-color="warning" role="alert">
        <h2 class="ds-heading" data-size="xs">
          Noen andre har endret {what} etter at du åpnet skjemaet
        </h2>
        <p class="ds-paragraph">
          Ingenting er lagret. Skjemaet under har dine verdier: lagre igjen for å beholde dem, eller <a href={reload}>last siden på nytt</a> for å ta de
          lagrede.
        </p>
      </div>
      {fields.length > 0 ? <ConflictTable fields={fields} /> : null}
    </div>
  );
}

/** The fields where the user's values and the stored ones differ, side by side (a dash for empty). */
export function ConflictTable({ fields }: { fields: StaleField[] }) {
  return (
    <table class="ds-table conflict" data-border>
      <caption>Felt der dine verdier og de lagrede er forskjellige</caption>
      <thead>
        <tr>
          <th scope="col">Felt</th>
          <th scope="col">Dine endringer</th>
          <th scope="col">Lagret nå</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr>
            <th scope="row">{f.label}</th>
            <td class="conflict__mine">{f.mine || '–'}</td>
            <td class="conflict__theirs">{f.theirs || '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
