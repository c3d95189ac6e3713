import type { Child } from 'hono/jsx';
import { comparedFieldLabel, removalReasonLabel, type RemovalReason, type ServiceChange } from '../../../model/review/diff.ts';
import { roundState } from '../../../model/review/rounds.ts';
import { coverageGoal, type CoverageFigure } from '../../../model/review/coverage.ts';
import { stanceLabel, type Stance } from '../../../model/review/schemas.ts';
import type { ReviewRound } from '../../../model/review/types.ts';
import { PageHeader, TabLinks, formatNumber, type Crumb } from '../../components/common.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';

/** What the signed-in user may do on the review pages, as the policy table answers it. */
export interface ReviewAbilities {
  /** Open, close and reopen rounds and submitted reviews. */
  manage: boolean;
  /** See every submitted review with its comments, and download them. */
  results: boolean;
  /** See every municipality's declaration and record one for any. */
  intentions: boolean;
  /** The municipality the user acts for, if a municipality user. */
  municipalityNumber: string | null;
}

export const noAbilities: ReviewAbilities = { manage: false, results: false, intentions: false, municipalityNumber: null };

const sections = (abilities: ReviewAbilities) => [
  { href: '/vurdering', label: 'Runder' },
  { href: '/vurdering/dashbord', label: 'Dashbord' },
  ...(abilities.intentions ? [{ href: '/vurdering/intensjon', label: 'Intensjonserklæringer' }] : []),
  ...(abilities.municipalityNumber ? [{ href: `/vurdering/intensjon/${abilities.municipalityNumber}`, label: 'Kommunens intensjonserklæring' }] : []),
];

/** The heading of every review page, with the way between them; the trail starts at the overview, as everywhere. */
export function ReviewHeader({ title, lead, current, crumbs = [], abilities }: { title: string; lead?: Child; current?: string; crumbs?: Crumb[]; abilities: ReviewAbilities }) {
  const home = { href: '/', label: 'Oversikt' };
  const all = current === '/vurdering' ? [home, { label: 'Kommunevurdering' }] : [home, { href: '/vurdering', label: 'Kommunevurdering' }, ...crumbs, { label: title }];
  return (
    <>
      <PageHeader title={title} lead={lead} crumbs={all} />
      <TabLinks label="Kommunevurdering" links={sections(abilities).map((s) => ({ href: s.href, label: s.label, current: current === s.href }))} />
    </>
  );
}


/** A share (0–1) as a percentage, always with one decimal so figures side by side agree: 12,9 %, 15,0 %. */
export function formatShare(share: number): string {
  return useI18n().percent(share);
}

/** A whole number grouped as the request's language does, e.g. 5 550 203. */
export function formatCount(n: number): string {
  return useI18n().number(n);
}

export { countOf } from '../../components/common.tsx';


/** Whether the round is open, and until when or since when, in words (never colour alone). */
export function RoundStateTag({ round, now }: { round: ReviewRound; now: Date }) {
  const state = roundState(round, now);
  return state.open ? (
    <span class="ds-tag" data-color="success" data-size="sm">
      Åpen
    </span>
  ) : (
    <span class="ds-tag" data-color="neutral" data-size="sm">
      Lukket
    </span>
  );
}

export function RoundStateText({ round, now }: { round: ReviewRound; now: Date }) {
  const state = roundState(round, now);
  if (state.open) {
    return (
      <>
        Åpen til og med <DateText date={round.deadlineOn} />.
      </>
    );
  }
  if (state.byDeadline) {
    return (
      <>
        Lukket: fristen <DateText date={round.deadlineOn} /> er ute.
      </>
    );
  }
  return (
    <>
      Lukket <DateTimeText at={state.closedAt} />
      {round.closedByName ? ` av ${round.closedByName}` : ''}.
    </>
  );
}

const stanceColor: Record<Stance, string> = { supports: 'success', 'supports-with-changes': 'warning', opposes: 'danger', 'no-opinion': 'neutral' };

export function StanceTag({ stance }: { stance: Stance | null }) {
  if (!stance) return <span class="muted">Ikke besvart</span>;
  return (
    <span class="ds-tag" data-color={stanceColor[stance]} data-size="sm">
      {stanceLabel[stance]}
    </span>
  );
}

const shown = (v: string | boolean | null) => (v === null || v === '' ? '(tomt)' : typeof v === 'boolean' ? (v ? 'ja' : 'nei') : `«${v}»`);

/** What changed in the live scope since the round froze a service, field by field. */
export function ChangeMark({ changes, removed }: { changes?: ServiceChange[] | undefined; removed?: RemovalReason | undefined }) {
  if (removed) {
    return (
      <p class="change-mark">
        <span class="ds-tag" data-color="danger" data-size="sm">
          {removalReasonLabel[removed]}
        </span>{' '}
        etter at runden åpnet.
      </p>
    );
  }
  if (!changes || changes.length === 0) return null;
  return (
    <div class="change-mark">
      <span class="ds-tag" data-color="warning" data-size="sm">
        Endret etter at runden åpnet
      </span>
      <ul class="change-mark__list">
        {changes.map((c) => (
          <li>
            {comparedFieldLabel[c.field]}: {shown(c.before)} → {shown(c.after)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The share of the population covered against the goal, as an SVG bar with the goal marked and
 * the same figures in words beside it (the bar is decoration for those who can see it).
 */
export function CoverageBar({ label, figure }: { label: string; figure: CoverageFigure }) {
  const width = Math.round(Math.min(1, figure.share) * 1000) / 10;
  const missing = coverageGoal - figure.share;
  const { t, number } = useI18n();
  return (
    <div class="coverage">
      <p class="coverage__label">
        <strong>{label}:</strong>{' '}
        {t('review.coverage.line', {
          municipalities: figure.signedMunicipalities,
          total: figure.municipalities,
          share: formatShare(figure.share),
          signed: figure.signedPopulation,
          population: figure.population,
        })}{' '}
        {figure.goalMet
          ? t('review.coverage.goalMet')
          : t('review.coverage.goalMissing', { points: number(Math.max(0, missing) * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
      </p>
      <svg class="coverage__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="coverage__track" x="0" y="0" width="100" height="8" />
        <rect class={`coverage__fill${figure.goalMet ? ' coverage__fill--met' : ''}`} x="0" y="0" width={String(width)} height="8" />
        <line class="coverage__goal" x1={String(coverageGoal * 100)} x2={String(coverageGoal * 100)} y1="0" y2="8" />
      </svg>
    </div>
  );
}
