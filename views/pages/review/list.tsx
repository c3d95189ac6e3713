import type { Child } from 'hono/jsx';
import type { RemovalReason, ServiceChange, ServiceMark } from '../../../model/review/diff.ts';
import { groupByCategory, listFactsOf, type ListFacts, type SnapshotService } from '../../../model/review/snapshot.ts';
import type { FrozenService } from '../../../model/review/types.ts';
import { elementHref } from '../../../model/kinds.ts';
import { Empty, TentativeTag } from '../../components/common.tsx';
import { ChangeMark } from './common.tsx';
import { useI18n } from '../../i18n/index.ts';

/** What changed for the services shown, by frozen service id (none: unchanged). */
export type Marks = Map<number, ServiceMark>;

/**
 * One page of a round's frozen list, with what the page says about the whole list: how many it
 * holds, its facts per category and tier, and what changed in the live scope since it was frozen.
 */
export interface RoundList {
  /** The services on the page, in the list's order. */
  shown: FrozenService[];
  total: number;
  whole: ListFacts;
  marks: Marks;
  changed: number;
  removed: number;
  /** Services on the live list the round's list does not have. */
  added: SnapshotService[];
}

/** Which facts a service's line repeats: those that tell it apart from its neighbours. */
export interface ShownFacts {
  tier: boolean;
  tentative: boolean;
}

/** A frozen service as a reviewer reads it: its tier and tentative mark where they help, description if it says more, and what changed since. */
export function ServiceSummary({
  service,
  mark,
  show,
  headingLevel = 3,
}: {
  service: FrozenService;
  mark?: { changes?: ServiceChange[]; removed?: RemovalReason } | undefined;
  show: ShownFacts;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t } = useI18n();
  return (
    <>
      <Heading class="ds-heading review-item__name" data-size="xs" id={`tjeneste-${service.id}`}>
        {service.name}
      </Heading>
      {show.tier || (show.tentative && service.tentative) ? (
        <p class="review-item__meta">
          {show.tier ? (service.tierName ? t('review.list.tier', { tier: service.tierName }) : t('review.list.tierUnset')) : null} <TentativeTag show={show.tentative && service.tentative} />
        </p>
      ) : null}
      {service.description.trim() !== '' && service.description !== service.name ? <p class="ds-paragraph review-item__description">{service.description}</p> : null}
      <ChangeMark changes={mark?.changes} removed={mark?.removed} />
    </>
  );
}

/**
 * The frozen list grouped by category, each service rendered by `item`. The tier is named only
 * when the list has more than one: once under a category whose services share it, otherwise on
 * each service; "tentative" is said once when it holds for every service.
 */
export function CategoryGroups({
  services,
  whole = listFactsOf(services),
  item,
}: {
  services: FrozenService[];
  /** The whole list's facts when `services` is one page of it: what is said once, and each category's count, hold for the whole. */
  whole?: ListFacts;
  item: (service: FrozenService, show: ShownFacts) => Child;
}) {
  const { t } = useI18n();
  if (services.length === 0) return <Empty>{t('review.list.empty')}</Empty>;
  const severalTiers = new Set(whole.groups.map((g) => g.tierKey)).size > 1;
  const allTentative = whole.groups.every((g) => g.allTentative);
  const categories = new Map<string | null, { count: number; tiers: Set<string | null> }>();
  for (const g of whole.groups) {
    const category = categories.get(g.categoryKey) ?? { count: 0, tiers: new Set<string | null>() };
    category.count += g.count;
    category.tiers.add(g.tierKey);
    categories.set(g.categoryKey, category);
  }
  return (
    <>
      {allTentative ? (
        <p class="ds-paragraph review-list-note">
          <TentativeTag /> {t('review.list.allTentative')}
        </p>
      ) : null}
      {groupByCategory(services).map((group) => {
        const inWhole = categories.get(group.key) ?? { count: group.services.length, tiers: new Set(group.services.map((s) => s.tierKey)) };
        const tiers = inWhole.tiers;
        const groupTier = severalTiers && tiers.size === 1 ? group.services[0]!.tierName : undefined;
        const show = { tier: severalTiers && tiers.size > 1, tentative: !allTentative };
        return (
          <section class="review-category" aria-labelledby={`kategori-${group.key ?? 'ingen'}`}>
            <h2 class="ds-heading" data-size="sm" id={`kategori-${group.key ?? 'ingen'}`}>
              {group.key === null ? t('review.list.noCategory') : group.name} <span class="muted">({inWhole.count})</span>
            </h2>
            {groupTier !== undefined ? <p class="ds-paragraph review-category__tier">{groupTier ? t('review.list.tier', { tier: groupTier }) : t('review.list.tierUnset')}</p> : null}
            <ul class="review-list">
              {group.services.map((s) => (
                <li class="review-item">{item(s, show)}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** Services that joined the live first-delivery list after the round froze its copy. */
export function AddedServices({ added }: { added: SnapshotService[] }) {
  const { t } = useI18n();
  if (added.length === 0) return null;
  return (
    <section class="review-added" aria-labelledby="nye-tjenester">
      <h2 class="ds-heading" data-size="sm" id="nye-tjenester">
        {t('review.list.added.heading', { count: added.length })}
      </h2>
      <p class="ds-paragraph">{t('review.list.added.lead')}</p>
      <ul class="link-list">
        {added.map((s: SnapshotService) => (
          <li>
            <a class="ds-link" href={elementHref('informationService', s.key)}>
              {s.name.trim() === '' ? t('review.list.added.noName') : s.name}
            </a>{' '}
            <span class="muted">{t('review.list.added.facts', { category: s.categoryName ?? t('review.list.added.noCategory'), tier: s.tierName ?? t('review.list.added.noTier') })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One line saying how much changed, for the top of the list. */
export function DiffSummary({ list }: { list: Pick<RoundList, 'changed' | 'removed' | 'added'> }) {
  const { changed, removed } = list;
  const added = list.added.length;
  const { t } = useI18n();
  if (changed + removed + added === 0) return <p class="ds-paragraph">{t('review.list.diff.none')}</p>;
  return <p class="ds-paragraph">{t('review.list.diff.some', { changed, removed, added })}</p>;
}
