import type { StaleField } from '../../model/versions.ts';
import { versionField } from '../../model/versions.ts';
import { useI18n } from '../i18n/index.ts';

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
  const { t, tx } = useI18n();
  return (
    <div class="stale-form">
      <div class="ds-alert" data-color="warning" role="alert">
        <h2 class="ds-heading" data-size="xs">
          {t('common.stale.title', { what })}
        </h2>
        <p class="ds-paragraph">{tx('common.stale.text', { reload: (chunks) => <a href={reload}>{chunks}</a> })}</p>
      </div>
      {fields.length > 0 ? <ConflictTable fields={fields} /> : null}
    </div>
  );
}

/** The fields where the user's values and the stored ones differ, side by side (a dash for empty). */
export function ConflictTable({ fields }: { fields: StaleField[] }) {
  const { t } = useI18n();
  return (
    <table class="ds-table conflict" data-border>
      <caption>{t('common.stale.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.stale.field')}</th>
          <th scope="col">{t('common.stale.mine')}</th>
          <th scope="col">{t('common.stale.stored')}</th>
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
