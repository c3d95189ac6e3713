import type { Child } from 'hono/jsx';
import { PageHeader, TabLinks, type Crumb } from '../../components/common.tsx';
import { LogTimeText } from '../../components/dates.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';

const sections = (t: I18n['t']) => [
  { href: '/admin/brukere', label: t('admin.nav.users') },
  { href: '/admin/invitasjoner', label: t('admin.nav.invites') },
  { href: '/admin/organisasjoner', label: t('admin.nav.organisations') },
  { href: '/admin/logg', label: t('admin.nav.audit') },
];

/** The heading of every administration page, with the way between them. */
export function AdminHeader({ title, lead, current, crumbs = [] }: { title: string; lead?: Child; current: string; crumbs?: Crumb[] }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={title} lead={lead} crumbs={[{ href: '/admin', label: t('admin.title') }, ...crumbs, { label: title }]} />
      <TabLinks label={t('admin.title')} links={sections(t).map((s) => ({ href: s.href, label: s.label, current: current === s.href }))} />
    </>
  );
}

export function AdminOverviewPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.lead')} />
      <ul class="count-grid">
        {sections(t).map((s) => (
          <li class="ds-card count-card">
            <a class="ds-link" href={s.href}>
              <span class="count-card__label">{s.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A stored ISO time in Norwegian time, to the second: administrators read logs and sessions. */
export function Time({ iso }: { iso: string | null }) {
  return <LogTimeText at={iso} />;
}
