import type { LinkTargetScope } from '../../src/db/queries/link-targets.ts';
import type { LinkTarget } from '../../src/db/queries/requirement-trace.ts';
import { PageHeader } from '../components/common.tsx';
import { targetValue } from '../components/target-picker.tsx';
import { useI18n } from '../i18n/index.ts';

/** The suggestions htmx puts in a picker's datalist. */
export function LinkTargetOptions({ scope, targets }: { scope: LinkTargetScope; targets: LinkTarget[] }) {
  const { t } = useI18n();
  return (
    <>
      {targets.map((target) => (
        <option value={targetValue(scope, target)}>
          {scope === 'krav' ? target.name : `${t(`kinds.${target.kind}.singular`)}: ${target.ref ? `${target.ref} ` : ''}${target.name}`}
        </option>
      ))}
    </>
  );
}

/** Without JavaScript: search, and read the code to type in the picker's field. */
export function LinkTargetPage({ scope, query, targets, limit, back }: { scope: LinkTargetScope; query: string; targets: LinkTarget[]; limit: number; back: string | undefined }) {
  const { t } = useI18n();
  const title = t(scope === 'krav' ? 'links.picker.findRequirement' : 'links.picker.findElement');
  return (
    <>
      <PageHeader title={title} crumbs={[{ href: '/', label: t('search.crumb.overview') }, { label: title }]} />
      <form method="get" action="/koblingsmal" class="form-narrow" role="search">
        <input type="hidden" name="hva" value={scope} />
        {back ? <input type="hidden" name="tilbake" value={back} /> : null}
        <div class="ds-field">
          <label class="ds-label" for="koblingsmal-q">
            {t('links.picker.query')}
          </label>
          <input class="ds-input" type="search" id="koblingsmal-q" name="q" value={query} />
        </div>
        <button class="ds-button" type="submit">
          {t('links.picker.submit')}
        </button>
      </form>
      {query.trim() === '' ? null : targets.length === 0 ? (
        <p class="ds-paragraph" role="status">
          {t('links.picker.none')}
        </p>
      ) : (
        <>
          <p class="ds-paragraph" role="status">
            {targets.length >= limit ? t('links.picker.more', { limit }) : t('links.picker.use')}
          </p>
          <table class="ds-table" data-border>
            <caption class="ds-sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('links.picker.code')}</th>
                <th scope="col">{t('links.picker.kind')}</th>
                <th scope="col">{t('links.picker.name')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr>
                  <td>
                    <code>{targetValue(scope, target)}</code>
                  </td>
                  <td>{t(`kinds.${target.kind}.singular`)}</td>
                  <td>{target.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {back ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={back}>
            {t('links.picker.back')}
          </a>
        </p>
      ) : null}
    </>
  );
}
