import type { DiffChangeName, DiffLinkKind, DiffWording } from '../../model/baselines.ts';
import type { ElementKind } from '../../model/kinds.ts';
import { provenanceLevels } from '../../model/provenance.ts';
import { portfolioPhases, portfolioStatuses, recordSolutions, requirementPriorities, requirementStatuses, verificationMethods, decisionTracks } from '../../model/schemas.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';

const fieldKeys = new Set<string>([
  'key', 'name', 'nameEn', 'description', 'source', 'tentative', 'position', 'text', 'rationale', 'priority', 'status', 'chapterId', 'typeKey',
  'acceptanceCriteria', 'verificationMethod', 'tags', 'sourceCommentId', 'categoryId', 'tierId', 'tierTentative', 'solutionPartId', 'parentId', 'phaseId',
  'ref', 'provenance', 'provenanceNote', 'sourceQuote', 'firstDelivery', 'rank', 'startsOn', 'endsOn', 'track', 'number', 'recordSolution', 'projectNo',
  'priorityCategory', 'ownerOrganisation', 'owner', 'phase', 'strategicArea', 'focusArea', 'budgetMnok', 'solutionPartProvenance',
]);

const changeKeys: Record<DiffChangeName, MessageKey> = {
  added: 'baselines.csv.added',
  removed: 'baselines.csv.removed',
  changed: 'baselines.csv.changed',
  linkAdded: 'baselines.csv.linkAdded',
  linkRemoved: 'baselines.csv.linkRemoved',
  chapterAdded: 'baselines.csv.chapterAdded',
  chapterRemoved: 'baselines.csv.chapterRemoved',
  chapterRenamed: 'baselines.csv.chapterRenamed',
  chapterMoved: 'baselines.csv.chapterMoved',
  chapterKind: 'baselines.csv.chapterKind',
  chapterName: 'baselines.field.name',
  chapterPlace: 'baselines.csv.chapterPlace',
};

const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T => typeof value === 'string' && (options as readonly string[]).includes(value);

/**
 * The words of a baseline diff in the reader's language (see `DiffWording` in model/baselines.ts):
 * options by their labels, yes/no, numbers and dates as the language writes them. Numbers are
 * written without grouping, so that the CSV export's cells read as numbers in a spreadsheet.
 */
export function baselineWording(i18n: I18n): DiffWording {
  const { t } = i18n;
  const value = (kind: ElementKind, field: string, v: unknown): string | undefined => {
    if (typeof v === 'boolean') return t(v ? 'baselines.value.yes' : 'baselines.value.no');
    if (typeof v === 'number') return field === 'sourceCommentId' ? t('baselines.value.comment', { id: v }) : i18n.number(v, { useGrouping: false, maximumFractionDigits: 6 });
    if (Array.isArray(v)) return i18n.list(v.map(String));
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.fromLine === 'number' && typeof o.toLine === 'number') {
        return t('baselines.value.lines', { from: o.fromLine === o.toLine ? 'same' : o.fromLine, to: o.toLine });
      }
      if (isOneOf(provenanceLevels, o.level)) return t(`baselines.value.provenance.${o.level}`);
      return undefined;
    }
    if (typeof v !== 'string') return undefined;
    if (field === 'priority' && isOneOf(requirementPriorities, v)) return t(`requirementList.priority.${v}`);
    if (field === 'status' && kind === 'requirement' && isOneOf(requirementStatuses, v)) return t(`requirementList.status.${v}`);
    if (field === 'status' && isOneOf(portfolioStatuses, v)) return t(`baselines.value.status.${v}`);
    if (field === 'phase' && isOneOf(portfolioPhases, v)) return t(`baselines.value.phase.${v}`);
    if (field === 'verificationMethod' && isOneOf(verificationMethods, v)) return t(`requirement.verification.${v}`);
    if (field === 'track' && isOneOf(decisionTracks, v)) return t(`baselines.value.track.${v}`);
    if (field === 'recordSolution' && isOneOf(recordSolutions, v)) return t(`baselines.value.recordSolution.${v}`);
    if (field === 'provenance' && isOneOf(provenanceLevels, v)) return t(`baselines.value.provenance.${v}`);
    if ((field === 'startsOn' || field === 'endsOn') && /^\d{4}-\d{2}-\d{2}$/.test(v)) return i18n.date(v);
    return undefined;
  };
  return {
    noChapter: t('baselines.noChapter'),
    field: (name) => (fieldKeys.has(name) ? t(`baselines.field.${name}` as MessageKey) : name),
    value,
    name: i18n.name,
    link: (kind: DiffLinkKind) => t(`baselines.link.${kind}`),
    usage: (usage) => t(`baselines.usage.${usage}`),
    exchange: (mode, need) => (need === null ? t('baselines.link.unassessed', { mode }) : t('baselines.link.exchange', { mode, need })),
    kind: (kind, form) => t(`kinds.${kind}.${form}`),
    chapterGroup: (chapter) => t('baselines.group.chapter', { chapter }),
    csvHeader: (['change', 'kind', 'element', 'chapter', 'field', 'before', 'after'] as const).map((c) => t(`baselines.csv.${c}`)),
    change: (change) => t(changeKeys[change]),
    title: (from, to) => t('baselines.compare.title', { from, to }),
    summary: (c) =>
      t('baselines.md.summary', {
        added: c.elementsAdded,
        removed: c.elementsRemoved,
        changed: c.elementsChanged,
        linksAdded: c.linksAdded,
        linksRemoved: c.linksRemoved,
        chapters: c.chaptersChanged,
      }),
    line: (change, name) => t(`baselines.md.${change}`, { name }),
    chapterLine: (change, before, after) => t(`baselines.md.${change}`, { before, after }),
    heading: (section) => t(section === 'links' ? 'baselines.compare.links' : 'baselines.compare.chapters'),
  };
}
