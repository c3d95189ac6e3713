import type { Child } from 'hono/jsx';
import { PageHeader, TabLinks, type Crumb } from '../../components/common.tsx';

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

const timeFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'medium' });

/** A stored ISO time as Norwegians read it, in Norwegian time. */
export function Time({ iso }: { iso: string | null }) {
  if (!iso) return <span class="muted">–</span>;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return <span>{iso}</span>;
  return <time datetime={iso}>{timeFormat.format(at)}</time>;
}
