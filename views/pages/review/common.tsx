import type { Child } from 'hono/jsx';
import { comparedFieldKey, removalReasonKey, type RemovalReason, type ServiceChange } from '../../../model/review/diff.ts';
import { roundState } from '../../../model/review/rounds.ts';
import { coverageGoal, type CoverageFigure } from '../../../model/review/coverage.ts';
import { stanceKey, type Stance } from '../../../model/review/schemas.ts';
import type { ReviewRound } from '../../../model/review/types.ts';
import { PageHeader, TabLinks, formatNumber, type Crumb } from '../../components/common.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';

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

const sections = (abilities: ReviewAbilities, t: I18n['t']) => [
  { href: '/vurdering', label: t('review.nav.rounds') },
  { href: '/vurdering/dashbord', label: t('review.nav.dashboard') },
  ...(abilities.intentions ? [{ href: '/vurdering/intensjon', label: t('review.nav.intentions') }] : []),
  ...(abilities.municipalityNumber ? [{ href: `/vurdering/intensjon/${abilities.municipalityNumber}`, label: t('review.nav.ownIntention') }] : []),
];

/** The heading of every review page, with the way between them; the trail starts at the overview, as everywhere. */
export function ReviewHeader({ title, lead, current, crumbs = [], abilities }: { title: string; lead?: Child; current?: string; crumbs?: Crumb[]; abilities: ReviewAbilities }) {
  const { t } = useI18n();
  const home = { href: '/', label: t('review.crumb.home') };
  const area = t('review.nav.label');
  const all = current === '/vurdering' ? [home, { label: area }] : [home, { href: '/vurdering', label: area }, ...crumbs, { label: title }];
  return (
    <>
      <PageHeader title={title} lead={lead} crumbs={all} />
      <TabLinks label={area} links={sections(abilities, t).map((s) => ({ href: s.href, label: s.label, current: current === s.href }))} />
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
  const { t } = useI18n();
  return state.open ? (
    <span class="ds-tag" data-color="success" data-size="sm">
      {t('review.state.open')}
    </span>
  ) : (
    <span class="ds-tag" data-color="neutral" data-size="sm">
      {t('review.state.closed')}
    </span>
  );
}

export function RoundStateText({ round, now }: { round: ReviewRound; now: Date }) {
  const state = roundState(round, now);
  const { tx } = useI18n();
  const date = () => <DateText date={round.deadlineOn} />;
  if (state.open) return <>{tx('review.state.openUntil', { date })}</>;
  if (state.byDeadline) return <>{tx('review.state.closedByDeadline', { date })}</>;
  const time = () => <DateTimeText at={state.closedAt} />;
  return <>{round.closedByName ? tx('review.state.closedAtBy', { time, name: round.closedByName }) : tx('review.state.closedAt', { time })}</>;
}

const stanceColor: Record<Stance, string> = { supports: 'success', 'supports-with-changes': 'warning', opposes: 'danger', 'no-opinion': 'neutral' };

export function StanceTag({ stance }: { stance: Stance | null }) {
  const { t } = useI18n();
  if (!stance) return <span class="muted">{t('review.stance.unanswered')}</span>;
  return (
    <span class="ds-tag" data-color={stanceColor[stance]} data-size="sm">
      {t(stanceKey(stance))}
    </span>
  );
}

function shown(v: string | boolean | null, t: I18n['t']): string {
  if (v === null || v === '') return t('review.change.empty');
  if (typeof v === 'boolean') return t(v ? 'review.change.yes' : 'review.change.no');
  return t('review.change.quoted', { value: v });
}

/** What changed in the live scope since the round froze a service, field by field. */
export function ChangeMark({ changes, removed }: { changes?: ServiceChange[] | undefined; removed?: RemovalReason | undefined }) {
  const { t, tx } = useI18n();
  if (removed) {
    return (
      <p class="change-mark">
        {tx('review.change.removedSince', {
          tag: () => (
            <span class="ds-tag" data-color="danger" data-size="sm">
              {t(removalReasonKey(removed))}
            </span>
          ),
        })}
      </p>
    );
  }
  if (!changes || changes.length === 0) return null;
  return (
    <div class="change-mark">
      <span class="ds-tag" data-color="warning" data-size="sm">
        {t('review.change.changedSince')}
      </span>
      <ul class="change-mark__list">
        {changes.map((c) => (
          <li>
            {t('review.change.line', { field: t(comparedFieldKey(c.field)), before: shown(c.before, t), after: shown(c.after, t) })}
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
