import { useI18n } from '../i18n/index.ts';

/**
 * The baseline a new review or consultation round opens on (issue 13): one already frozen, or
 * (the default) the model frozen now. Beside it, the message when the chosen one is gone.
 */
export function BaselineChoice({ baselines, value, error }: { baselines: Array<{ id: number; name: string }>; value?: string | undefined; error?: string | undefined }) {
  const { t } = useI18n();
  return (
    <div class="ds-field">
      <label class="ds-label" for="felt-baseline">
        {t('requirement.round.baseline')}
      </label>
      <div data-field="description" id="felt-baseline-hjelp">
        {t('requirement.round.baselineHint')}
      </div>
      <select
        class="ds-input"
        id="felt-baseline"
        name="baseline"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'felt-baseline-hjelp felt-baseline-feil' : 'felt-baseline-hjelp'}
      >
        <option value="">{t('requirement.round.freezeNew')}</option>
        {baselines.map((b) => (
          <option value={String(b.id)} selected={value === String(b.id)}>
            {b.name}
          </option>
        ))}
      </select>
      {error ? (
        <div class="ds-validation-message" data-field="validation" id="felt-baseline-feil">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** The posted choice: empty is "freeze now" (null), digits a baseline's id, anything else refused (undefined). */
export function parseBaselineChoice(value: unknown): number | null | undefined {
  if (value === undefined || value === '') return null;
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
