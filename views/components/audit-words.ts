import { fieldChanges, type AuditEvent } from '../../model/audit.ts';
import { fieldsByKind } from '../../model/editing.ts';
import { elementKindSchema, type ElementKind } from '../../model/kinds.ts';
import { provenanceLevels } from '../../model/provenance.ts';
import {
  decisionTracks,
  portfolioPhases,
  portfolioStatuses,
  recordSolutions,
  requirementPriorities,
  requirementStatuses,
  usages,
  verificationMethods,
} from '../../model/schemas.ts';
import { catalogues, defaultLanguage } from '../i18n/catalogues.ts';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.ts';

/*
 * The audit log keeps codes and keys ("element.update", "must", "forste-leveranse"); people read
 * labels and names. One place says a recorded action, field or value in the reader's language,
 * for the history on each page and the audit log's page and CSV.
 */

const reference = catalogues.get(defaultLanguage)!.messages;
const known = (key: string): key is MessageKey => reference.has(key);
const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T => typeof value === 'string' && (options as readonly string[]).includes(value);

/** An element's name by kind and key, for values the audit log keeps as keys. */
export type NameOf = (kind: ElementKind, key: string) => string | undefined;

/** What a recorded action is called ("Element endret"); an action without a label shows its code. */
export function actionLabel(action: string, i18n: I18n = useI18n()): string {
  const key = `history.action.${action}`;
  return known(key) ? i18n.t(key) : action;
}

/** A changed field's name: the form's label, or for a personnel link the service area's name. */
export function auditField(kind: ElementKind | undefined, action: string, field: string, nameOf: NameOf, i18n: I18n = useI18n()): string {
  if (action === 'link.personnel') return nameOf('personnelGroup', field) ?? field;
  // A few fields are labelled by kind, as their forms label them ("Dato" for a milestone's start).
  for (const key of [kind ? `history.field.${field}.${kind}` : '', `history.field.${field}`]) if (key && known(key)) return i18n.t(key);
  return field;
}

/** The service's link lists the audit log keeps as keys ("element.links"). */
const linkListKind: Record<string, ElementKind> = { capabilities: 'capability', goals: 'goal', projects: 'nationalProject' };

const portfolioStatusKey = { Grønn: 'green', Gul: 'yellow', Rød: 'red' } as const;
const portfolioPhaseKey = { Konsept: 'concept', Planlegging: 'planning', Gjennomføring: 'execution' } as const;

/**
 * A changed value as the rest of the page says it: an option's label, not its code ("Må", not
 * "must"); the referenced element's name, not its key; the kind's name, not "requirement".
 */
export function auditValue(kind: ElementKind | undefined, action: string, field: string, value: unknown, nameOf: NameOf, i18n: I18n = useI18n()): string {
  const { t } = i18n;
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return i18n.number(value, { maximumFractionDigits: 6 });
  if (Array.isArray(value)) {
    const listKind = linkListKind[field];
    return value.length === 0 ? '–' : i18n.list(value.map((v) => (listKind && typeof v === 'string' ? (nameOf(listKind, v) ?? v) : auditValue(kind, action, field, v, nameOf, i18n))));
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  if (action === 'link.personnel' && isOneOf(usages, value)) return t(`domain.usage.${value}`);
  if (field === 'kind') {
    const parsed = elementKindSchema.safeParse(value);
    return parsed.success ? t(`kinds.${parsed.data}.singular`) : value;
  }
  if (value === 'on') return t('common.yes');
  if (field === 'priority' && isOneOf(requirementPriorities, value)) return t(`requirementList.priority.${value}`);
  if (field === 'status' && isOneOf(requirementStatuses, value)) return t(`requirementList.status.${value}`);
  if (field === 'status' && isOneOf(portfolioStatuses, value)) return t(`domain.portfolioStatus.${portfolioStatusKey[value]}`);
  if (field === 'phase' && isOneOf(portfolioPhases, value)) return t(`domain.portfolioPhase.${portfolioPhaseKey[value]}`);
  if (field === 'verificationMethod' && isOneOf(verificationMethods, value)) return t(`requirement.verification.${value}`);
  if (field === 'track' && isOneOf(decisionTracks, value)) return t(`domain.decisionTrack.${value}`);
  if (field === 'recordSolution' && isOneOf(recordSolutions, value)) return t(`domain.recordSolution.${value}`);
  if ((field === 'provenance' || field === 'solutionPartLevel') && isOneOf(provenanceLevels, value)) return t(`domain.provenance.${value}`);
  if ((field === 'startsOn' || field === 'endsOn') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return i18n.date(value);
  const spec = kind ? fieldsByKind[kind].find((f) => f.name === field) : undefined;
  if (spec?.type === 'ref') return nameOf(spec.kind, value) ?? value;
  return value;
}

/** The kind of element an event is about: the element's own, or the kind a creation or deletion recorded. */
export function eventKind(event: Pick<AuditEvent, 'before' | 'after'> & { elementKind?: string | null }): ElementKind | undefined {
  for (const candidate of [event.elementKind, (event.after as { kind?: unknown } | null)?.kind, (event.before as { kind?: unknown } | null)?.kind]) {
    const parsed = elementKindSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/**
 * An event's change as people read it, one line per field: "Leveransetrinn: Innen 2023 → Første
 * leveranse" (for the audit CSV's columns meant for people; the raw JSON stays beside it).
 */
export function auditChangeText(event: AuditEvent & { elementKind?: string | null }, nameOf: NameOf = () => undefined, i18n: I18n = useI18n()): { before: string; after: string } {
  const kind = eventKind(event);
  const lines = fieldChanges(event.before, event.after).map((ch) => ({
    field: auditField(kind, event.action, ch.field, nameOf, i18n),
    before: auditValue(kind, event.action, ch.field, ch.before, nameOf, i18n),
    after: auditValue(kind, event.action, ch.field, ch.after, nameOf, i18n),
  }));
  const side = (which: 'before' | 'after') => (event[which] === null ? '' : lines.map((l) => `${l.field}: ${l[which]}`).join('\n'));
  return { before: side('before'), after: side('after') };
}
