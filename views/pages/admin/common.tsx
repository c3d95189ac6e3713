import type { Child } from 'hono/jsx';
import { PageHeader, TabLinks, type Crumb } from '../../components/common.tsx';
import { LogTimeText } from '../../components/dates.tsx';

const sections = [
  { href: '/admin/brukere', label: 'Brukere' },
  { href: '/admin/invitasjoner', label: 'Invitasjoner' },
  { href: '/admin/organisasjoner', label: 'Organisasjoner' },
  { href: '/admin/logg', label: 'Revisjonslogg' },
];

/** The heading of every administration page, with the way between them. */
export function AdminHeader({ title, lead, current, crumbs = [] }: { title: string; lead?: Child; current: string; crumbs?: Crumb[] }) {
  return (
    <>
      <PageHeader title={title} lead={lead} crumbs={[{ href: '/admin', label: 'Administrasjon' }, ...crumbs, { label: title }]} />
      <TabLinks label="Administrasjon" links={sections.map((s) => ({ href: s.href, label: s.label, current: current === s.href }))} />
    </>
  );
}

export function AdminOverviewPage() {
  return (
    <>
      <PageHeader title="Administrasjon" lead="Brukere, roller og tilknytninger, organisasjoner, invitasjoner og revisjonsloggen." />
      <ul class="count-grid">
        {sections.map((s) => (
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
