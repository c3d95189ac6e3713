import { z } from 'zod';
import { contentVersion } from './versions.ts';
import { unhandledKind, type ElementKind } from './kinds.ts';
import { byPosition, subtreeIds, type ModelIndex } from './lookup.ts';
import {
  decisionTrackLabel,
  decisionTracks,
  elementKeySchema,
  isoDateSchema,
  portfolioPhases,
  portfolioStatuses,
  requirementPriorities,
  requirementPriorityLabel,
  requirementStatuses,
  requirementStatusLabel,
  verificationMethodLabel,
  verificationMethods,
  recordSolutionLabel,
  recordSolutions,
  type ScopeElement,
  type ScopeModel,
  usages,
} from './schemas.ts';
import { textRule } from './text.ts';
import { say, type MessageKey } from './messages.ts';
import { provenanceLabel, provenanceLevels } from './provenance.ts';
import { tagListSchema } from './requirements.ts';

/*
 * What architects type into the forms, as zod schemas over the strings a form posts. Each kind's
 * schema gives the common fields plus its own; references to other elements are keys, which the
 * server resolves (an unknown key is an error on that field).
 */

/** A multi-line text field (the text rule of `model/text.ts`, then trimmed and limited); `subject` names it in messages. */
const trimmed = (max: number, subject: MessageKey) =>
  textRule(
    'multi-line',
    subject,
    z
      .string({ error: say('validation.field.missing', { subject }) })
      .transform((s) => s.trim())
      .pipe(z.string().max(max, say('validation.field.tooLong', { subject }))),
  );
/** A one-line text field: a name, an owner; newlines refused. */
const line = (max: number, subject: MessageKey) =>
  textRule(
    'one-line',
    subject,
    z
      .string({ error: say('validation.field.missing', { subject }) })
      .transform((s) => s.trim())
      .pipe(z.string().max(max, say('validation.field.tooLong', { subject }))),
  );
/** «Navnet må fylles ut.» */
const required = (subject: MessageKey) => say('validation.field.required', { subject });

/** An HTML checkbox: present ("on") when ticked, absent when not. */
export const checkboxSchema = z
  .union([z.literal('on'), z.literal('true'), z.literal('1'), z.literal('')], { error: say('validation.element.checkbox') })
  .optional()
  .transform((v) => v !== undefined && v !== '');

/** An optional reference to another element by key; empty means none. */
const optionalRef = z
  .union([z.literal(''), elementKeySchema], { error: say('validation.element.fromList') })
  .optional()
  .transform((v) => (v ? v : null));

const requiredRef = (message: MessageKey) =>
  z.string({ error: say(message) }).min(1, say(message)).pipe(elementKeySchema);

const optionalDate = z
  .union([z.literal(''), isoDateSchema])
  .optional()
  .transform((v) => (v ? v : null));

const intIn = (subject: MessageKey, min: number, max: number) =>
  z
    .string({ error: say('validation.field.missing', { subject }) })
    .trim()
    .min(1, required(subject))
    .regex(/^-?\d+$/, say('validation.field.notInteger', { subject }))
    .transform(Number)
    .pipe(z.number().min(min, say('validation.field.atLeast', { subject })).max(max, say('validation.field.atMost', { subject })));

/** An optional id typed as digits; empty means none. */
const optionalNumber = (key: MessageKey) =>
  z
    .union([z.literal(''), z.string().trim().regex(/^\d{1,9}$/, say(key))], { error: say(key) })
    .optional()
    .transform((v) => (v ? Number(v) : null));

/** Lines of the source document: "2096" or "2096-2132"; empty means none. */
export const sourceLinesSchema = z
  .union([z.literal(''), z.string().trim().regex(/^\d{1,7}(?:\s*[-–]\s*\d{1,7})?$/, say('validation.element.sourceLines'))], {
    error: say('validation.element.sourceLines'),
  })
  .optional()
  .transform((v) => {
    if (!v) return null;
    const [from, to = from] = v.split(/\s*[-–]\s*/).map(Number) as [number, number?];
    return { from, to };
  })
  .refine((v) => v === null || (v.from >= 1 && v.from <= v.to), say('validation.element.sourceLinesOrder'));

export const commonInputShape = {
  name: line(500, 'validation.subject.name').pipe(z.string().min(1, required('validation.subject.name'))),
  nameEn: line(500, 'validation.subject.nameEn')
    .optional()
    .transform((v) => (v ? v : null)),
  description: trimmed(10_000, 'validation.subject.description').optional().transform((v) => v ?? ''),
  tentative: checkboxSchema,
  /** Absent (an older form, an API caller) means the editors' reading: `inferred`. */
  provenance: z
    .union([z.literal(''), z.enum(provenanceLevels)], { error: say('validation.element.provenance') })
    .optional()
    .transform((v) => (v ? v : ('inferred' as const))),
  provenanceNote: trimmed(1000, 'validation.subject.reason').optional().transform((v) => v ?? ''),
};

const levelField = z
  .union([z.literal(''), z.enum(provenanceLevels)], { error: say('validation.element.provenance') })
  .optional()
  .transform((v) => (v ? v : ('inferred' as const)));
/** The level and note of a capability's placement in a solution part. */
const solutionPartLevelShape = {
  solutionPartLevel: levelField,
  solutionPartNote: trimmed(1000, 'validation.subject.reason').optional().transform((v) => v ?? ''),
};

const budget = z
  .union([z.literal(''), z.string().trim().regex(/^\d+(?:[.,]\d+)?$/, say('validation.element.budget'))])
  .optional()
  .transform((v) => (v ? Number(v.replace(',', '.')) : null))
  .pipe(
    z
      .number({ error: say('validation.element.budgetRange') })
      .max(1_000_000, say('validation.element.budgetRange'))
      .nullable(),
  );

export const elementInputSchemas = {
  solutionPart: z.object({ ...commonInputShape }),
  personnelGroup: z.object({ ...commonInputShape }),
  task: z.object({ ...commonInputShape }),
  capability: z.object({ ...commonInputShape, parent: optionalRef, solutionPart: optionalRef, ...solutionPartLevelShape }),
  informationCategory: z.object({ ...commonInputShape }),
  informationService: z.object({
    ...commonInputShape,
    category: requiredRef('validation.element.category'),
    tier: optionalRef,
    tierTentative: checkboxSchema,
    solutionPart: optionalRef,
  }),
  deliveryTier: z.object({ ...commonInputShape, firstDelivery: checkboxSchema }),
  collaborationMode: z.object({ ...commonInputShape }),
  actor: z.object({ ...commonInputShape }),
  needLevel: z.object({ ...commonInputShape, rank: intIn('validation.subject.rank', 1, 99) }),
  goal: z.object({ ...commonInputShape }),
  roadmapPhase: z
    .object({ ...commonInputShape, startsOn: isoDateSchema, endsOn: isoDateSchema })
    .refine((v) => v.startsOn <= v.endsOn, { path: ['endsOn'], message: say('validation.element.endBeforeStart') }),
  milestone: z.object({ ...commonInputShape, startsOn: isoDateSchema, phase: optionalRef }),
  decisionPoint: z.object({
    ...commonInputShape,
    startsOn: isoDateSchema,
    phase: optionalRef,
    track: z.enum(decisionTracks, { error: say('validation.element.track') }),
    number: intIn('validation.subject.number', 1, 99),
  }),
  stakeholder: z.object({ ...commonInputShape }),
  nationalProject: z.object({
    ...commonInputShape,
    projectNo: intIn('validation.subject.projectNo', 1, 99_999),
    priorityCategory: intIn('validation.subject.priorityCategory', 1, 2),
    ownerOrganisation: line(200, 'validation.subject.ownerOrganisation').pipe(z.string().min(1, required('validation.subject.ownerOrganisation'))),
    owner: line(200, 'validation.subject.owner').pipe(z.string().min(1, required('validation.subject.owner'))),
    phase: z.enum(portfolioPhases, { error: say('validation.element.phase') }),
    strategicArea: line(200, 'validation.subject.strategicArea').pipe(
      z.string().regex(/^[1-9] \S/, say('validation.element.strategicArea')),
    ),
    focusArea: line(300, 'validation.subject.focusArea').pipe(
      z.string().regex(/^[1-9]\.\d+ \S/, say('validation.element.focusArea')),
    ),
    status: z
      .union([z.literal(''), z.enum(portfolioStatuses)], { error: say('validation.element.status') })
      .optional()
      .transform((v) => (v ? v : null)),
    budgetMnok: budget,
  }),
  requirement: z.object({
    ...commonInputShape,
    text: trimmed(10_000, 'validation.subject.requirementText').pipe(
      z.string().min(1, required('validation.subject.requirementText')).regex(/\bskal\b/i, say('validation.element.shall')),
    ),
    rationale: trimmed(10_000, 'validation.subject.reason').optional().transform((v) => v ?? ''),
    priority: z.enum(requirementPriorities, { error: say('validation.element.priority') }),
    status: z.enum(requirementStatuses, { error: say('validation.element.status') }),
    // Structure (issue 13). All optional, so an older form or an API caller that leaves them out keeps working.
    chapter: optionalNumber('validation.element.chapter'),
    type: z
      .union([z.literal(''), z.string().max(60).regex(/^[a-z0-9-]+$/)], { error: say('validation.element.requirementType') })
      .optional()
      .transform((v) => (v ? v : null)),
    acceptanceCriteria: trimmed(10_000, 'validation.subject.acceptanceCriteria').optional().transform((v) => v ?? ''),
    verificationMethod: z
      .union([z.literal(''), z.enum(verificationMethods)], { error: say('validation.element.verificationMethod') })
      .optional()
      .transform((v) => (v ? v : null)),
    sourceLines: sourceLinesSchema,
    sourceComment: optionalNumber('validation.element.sourceComment'),
    tags: tagListSchema,
  }),
  journalInterface: z.object({ ...commonInputShape }),
  region: z.object({ ...commonInputShape, recordSolution: z.enum(recordSolutions, { error: say('validation.element.recordSolution') }) }),
  nationalSolution: z.object({ ...commonInputShape }),
  risk: z.object({ ...commonInputShape }),
  guideline: z.object({ ...commonInputShape }),
} satisfies Record<ElementKind, z.ZodType>;

export type ElementInput<K extends ElementKind> = z.output<(typeof elementInputSchemas)[K]>;
export type AnyElementInput = ElementInput<ElementKind>;

/** The version a form was based on, for refusing a save over someone else's change. */
export const versionSchema = z.object({
  version: z
    .string({ error: say('validation.element.versionMissing') })
    .regex(/^\d+$/, say('validation.element.versionInvalid'))
    .transform(Number),
});

/**
 * A delete: from the element's page with the version the architect saw, or a confirmation with
 * the fingerprint of the impact they were shown.
 */
export const deleteRequestSchema = z.union([
  z.object({ confirm: z.string().regex(/^[0-9a-f]{16}$/, say('validation.element.confirmation')) }).transform((v) => ({ confirmation: v.confirm })),
  versionSchema,
]);

/** How a form field is shown. The schema above decides what is valid. */
/** How a form field is shown; `label`, `hint` and an option's label are catalogue keys, said in the reader's language. */
export type FieldSpec =
  | { name: string; label: MessageKey; type: 'text' | 'textarea'; required?: boolean; hint?: MessageKey }
  | { name: string; label: MessageKey; type: 'checkbox'; hint?: MessageKey }
  | { name: string; label: MessageKey; type: 'number'; required?: boolean; hint?: MessageKey }
  | { name: string; label: MessageKey; type: 'date'; required?: boolean; hint?: MessageKey }
  | { name: string; label: MessageKey; type: 'ref'; kind: ElementKind; required?: boolean; hint?: MessageKey }
  | { name: string; label: MessageKey; type: 'enum'; options: ReadonlyArray<readonly [string, MessageKey]>; required?: boolean; hint?: MessageKey }
  /** A choice from a list kept outside the elements (chapters, requirement types), given in `RefOptions.lists`. */
  | { name: string; label: MessageKey; type: 'choice'; list: ChoiceList; required?: boolean; hint?: MessageKey };

export type ChoiceList = 'chapter' | 'requirementType';

const commonFields: FieldSpec[] = [
  { name: 'name', label: 'scope.field.navn', type: 'text', required: true },
  { name: 'nameEn', label: 'scope.field.navnPaEngelsk', type: 'text', hint: 'scope.field.valgfritt' },
  { name: 'description', label: 'scope.field.beskrivelse', type: 'textarea' },
  { name: 'tentative', label: 'scope.field.tentativtUnderArbeid', type: 'checkbox' },
];

const provenanceOptions = provenanceLevels.map((l) => [l, `domain.provenance.${l}`] as const);
/** The portfolio's document codes (Grønn, Konsept …) and the names of their labels in the catalogue. */
const portfolioStatusCode = { Grønn: 'green', Gul: 'yellow', Rød: 'red' } as const;
const portfolioPhaseCode = { Konsept: 'concept', Planlegging: 'planning', Gjennomføring: 'execution' } as const;
/** Where the element comes from: stated, tentative in the source, or the editors' reading. */
const provenanceFields: FieldSpec[] = [
  {
    name: 'provenance',
    label: 'scope.field.kildegrunnlag',
    type: 'enum',
    options: provenanceOptions,
    hint: 'scope.field.starIKildenTentativtI',
  },
  {
    name: 'provenanceNote',
    label: 'scope.field.begrunnelseEllerMerknad',
    type: 'text',
    hint: 'scope.field.forEnTolkningNLinje',
  },
];

const fieldsWithoutProvenance: Record<ElementKind, FieldSpec[]> = {
  solutionPart: commonFields,
  personnelGroup: commonFields,
  task: commonFields,
  capability: [
    ...commonFields,
    { name: 'parent', label: 'scope.field.liggerUnder', type: 'ref', kind: 'capability', hint: 'scope.field.tomtBetyrOversteNiva' },
    { name: 'solutionPart', label: 'scope.field.losningsdel', type: 'ref', kind: 'solutionPart' },
    { name: 'solutionPartLevel', label: 'scope.field.kildegrunnlagForPlasseringenILosningsdelen', type: 'enum', options: provenanceOptions },
    { name: 'solutionPartNote', label: 'scope.field.begrunnelseForPlasseringen', type: 'text' },
  ],
  informationCategory: commonFields,
  informationService: [
    ...commonFields,
    { name: 'category', label: 'scope.field.informasjonskategori', type: 'ref', kind: 'informationCategory', required: true },
    { name: 'tier', label: 'scope.field.leveransetrinn', type: 'ref', kind: 'deliveryTier' },
    { name: 'tierTentative', label: 'scope.field.plasseringenITrinnetErTentativ', type: 'checkbox' },
    { name: 'solutionPart', label: 'scope.field.losningsdel', type: 'ref', kind: 'solutionPart' },
  ],
  deliveryTier: [...commonFields, { name: 'firstDelivery', label: 'scope.field.delAvForsteLeveranse', type: 'checkbox' }],
  collaborationMode: commonFields,
  actor: commonFields,
  needLevel: [...commonFields, { name: 'rank', label: 'scope.field.rang1ErMinstBehov', type: 'number', required: true }],
  goal: commonFields,
  roadmapPhase: [
    ...commonFields,
    { name: 'startsOn', label: 'scope.field.fra', type: 'date', required: true },
    { name: 'endsOn', label: 'scope.field.til', type: 'date', required: true },
  ],
  milestone: [
    ...commonFields,
    { name: 'startsOn', label: 'scope.field.dato', type: 'date', required: true },
    { name: 'phase', label: 'scope.field.fase', type: 'ref', kind: 'roadmapPhase' },
  ],
  decisionPoint: [
    ...commonFields,
    { name: 'startsOn', label: 'scope.field.besluttesInnen', type: 'date', required: true },
    { name: 'phase', label: 'scope.field.fase', type: 'ref', kind: 'roadmapPhase' },
    { name: 'track', label: 'scope.field.spor', type: 'enum', options: decisionTracks.map((t) => [t, `domain.decisionTrack.${t}`] as const), required: true },
    { name: 'number', label: 'scope.field.nummer', type: 'number', required: true },
  ],
  stakeholder: commonFields,
  nationalProject: [
    ...commonFields,
    { name: 'projectNo', label: 'scope.field.prosjektId', type: 'number', required: true },
    { name: 'priorityCategory', label: 'scope.field.prioriteringskategori1Eller2', type: 'number', required: true },
    { name: 'ownerOrganisation', label: 'scope.field.ansvarligVirksomhet', type: 'text', required: true },
    { name: 'owner', label: 'scope.field.prosjekteierProgrameier', type: 'text', required: true },
    { name: 'phase', label: 'scope.field.fase', type: 'enum', options: portfolioPhases.map((p) => [p, `domain.portfolioPhase.${portfolioPhaseCode[p]}`] as const), required: true },
    { name: 'strategicArea', label: 'scope.field.strategiskOmrade', type: 'text', required: true },
    { name: 'focusArea', label: 'scope.field.innsatsomrade', type: 'text', required: true },
    { name: 'status', label: 'scope.field.status', type: 'enum', options: portfolioStatuses.map((s) => [s, `domain.portfolioStatus.${portfolioStatusCode[s]}`] as const) },
    { name: 'budgetMnok', label: 'scope.field.budsjett2019Mnok', type: 'text' },
  ],
  requirement: [
    { name: 'name', label: 'scope.field.kortTittel', type: 'text', required: true },
    { name: 'text', label: 'scope.field.kravtekstSkalUtsagn', type: 'textarea', required: true },
    { name: 'rationale', label: 'scope.field.begrunnelse', type: 'textarea' },
    { name: 'priority', label: 'scope.field.prioritet', type: 'enum', options: requirementPriorities.map((p) => [p, `requirementList.priority.${p}`] as const), required: true },
    { name: 'status', label: 'scope.field.status', type: 'enum', options: requirementStatuses.map((s) => [s, `requirementList.status.${s}`] as const), required: true },
    { name: 'chapter', label: 'scope.field.kapittel', type: 'choice', list: 'chapter' },
    { name: 'type', label: 'scope.field.kravtype', type: 'choice', list: 'requirementType' },
    { name: 'acceptanceCriteria', label: 'scope.field.akseptansekriterier', type: 'textarea', hint: 'scope.field.hvaSomMaVaereOppfylt' },
    {
      name: 'verificationMethod',
      label: 'scope.field.verifikasjonsmetode',
      type: 'enum',
      options: verificationMethods.map((m) => [m, `requirement.verification.${m}`] as const),
    },
    { name: 'sourceLines', label: 'scope.field.kildeLinjerIKildedokumentet', type: 'text', hint: 'scope.field.fEks20962132Tomt' },
    { name: 'sourceComment', label: 'scope.field.kildeHoringskommentarenKravetKomFra', type: 'text', hint: 'scope.field.kommentarensNummerFEks12' },
    { name: 'tags', label: 'scope.field.etiketter', type: 'text', hint: 'scope.field.skiltMedKommaFEks' },
    { name: 'tentative', label: 'scope.field.tentativtUnderArbeid', type: 'checkbox' },
  ],
  journalInterface: commonFields,
  region: [
    ...commonFields,
    {
      name: 'recordSolution',
      label: 'scope.field.journallosning',
      type: 'enum',
      options: recordSolutions.map((r) => [r, `domain.recordSolution.${r}`] as const),
      required: true,
    },
  ],
  nationalSolution: commonFields,
  risk: commonFields,
  guideline: commonFields,
};

/** Every kind's form: its own fields, then where it comes from. */
export const fieldsByKind: Record<ElementKind, FieldSpec[]> = Object.fromEntries(
  Object.entries(fieldsWithoutProvenance).map(([kind, fields]) => [kind, [...fields, ...provenanceFields]]),
) as Record<ElementKind, FieldSpec[]>;

/** A URL-safe key from a name: lower case, æøå spelt out, words joined by hyphens. */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || 'element';
}

/** The first of `base`, `base-2`, `base-3`, … that is not taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The kinds whose order people see and set (categories, tiers, the capability tree, …). */
export const orderedKinds: ReadonlySet<ElementKind> = new Set([
  'solutionPart',
  'personnelGroup',
  'task',
  'capability',
  'informationCategory',
  'informationService',
  'deliveryTier',
  'collaborationMode',
  'actor',
  'needLevel',
  'goal',
  'stakeholder',
]);

/** Whether putting a capability under `newParentId` would make it its own ancestor. */
export function wouldCreateCycle(index: ModelIndex, capabilityId: number, newParentId: number | null): boolean {
  return newParentId !== null && subtreeIds(index, capabilityId).includes(newParentId);
}

/** An element's current values as its form shows them (references as keys). */
export function toFormValues(element: ScopeElement, index: ModelIndex): Record<string, string> {
  const key = (id: number | null) => (id === null ? '' : (index.byId.get(id)?.key ?? ''));
  const flag = (b: boolean) => (b ? 'on' : '');
  const common = {
    name: element.name,
    nameEn: element.nameEn ?? '',
    description: element.description,
    tentative: flag(element.tentative),
    provenance: element.provenance,
    provenanceNote: element.provenanceNote,
  };
  switch (element.kind) {
    case 'capability':
      return {
        ...common,
        parent: key(element.parentId),
        solutionPart: key(element.solutionPartId),
        solutionPartLevel: element.solutionPartProvenance.level,
        solutionPartNote: element.solutionPartProvenance.note,
      };
    case 'region':
      return { ...common, recordSolution: element.recordSolution };
    case 'informationService':
      return {
        ...common,
        category: key(element.categoryId),
        tier: key(element.tierId),
        tierTentative: flag(element.tierTentative),
        solutionPart: key(element.solutionPartId),
      };
    case 'deliveryTier':
      return { ...common, firstDelivery: flag(element.firstDelivery) };
    case 'needLevel':
      return { ...common, rank: String(element.rank) };
    case 'roadmapPhase':
      return { ...common, startsOn: element.startsOn, endsOn: element.endsOn ?? '' };
    case 'milestone':
      return { ...common, startsOn: element.startsOn, phase: key(element.phaseId) };
    case 'decisionPoint':
      return { ...common, startsOn: element.startsOn, phase: key(element.phaseId), track: element.track, number: String(element.number) };
    case 'nationalProject':
      return {
        ...common,
        projectNo: String(element.projectNo),
        priorityCategory: String(element.priorityCategory),
        ownerOrganisation: element.ownerOrganisation,
        owner: element.owner,
        phase: element.phase,
        strategicArea: element.strategicArea,
        focusArea: element.focusArea,
        status: element.status ?? '',
        budgetMnok: element.budgetMnok === null ? '' : String(element.budgetMnok).replace('.', ','),
      };
    case 'requirement':
      return {
        ...common,
        text: element.text,
        rationale: element.rationale,
        priority: element.priority,
        status: element.status,
        chapter: element.chapterId == null ? '' : String(element.chapterId),
        type: element.typeKey ?? '',
        acceptanceCriteria: element.acceptanceCriteria ?? '',
        verificationMethod: element.verificationMethod ?? '',
        sourceLines: element.source ? (element.source.fromLine === element.source.toLine ? String(element.source.fromLine) : `${element.source.fromLine}-${element.source.toLine}`) : '',
        sourceComment: element.sourceCommentId == null ? '' : String(element.sourceCommentId),
        tags: (element.tags ?? []).join(', '),
      };
    case 'solutionPart':
    case 'personnelGroup':
    case 'task':
    case 'informationCategory':
    case 'collaborationMode':
    case 'actor':
    case 'goal':
    case 'stakeholder':
    case 'journalInterface':
    case 'nationalSolution':
    case 'risk':
    case 'guideline':
      return common;
    default:
      return unhandledKind(element);
  }
}

/** The fields whose submitted value differs from the current one: what a stale save would overwrite. */
export function changedFields(kind: ElementKind, submitted: Record<string, string>, current: Record<string, string>): string[] {
  const norm = (v: string | undefined) => (v ?? '').replace(/\r\n/g, '\n').trim();
  return fieldsByKind[kind].map((f) => f.name).filter((name) => norm(submitted[name]) !== norm(current[name]));
}

// Links -------------------------------------------------------------------------------------

/** A form field that may be sent once or many times (checkbox groups), as a list. */
const keyList = (max: number) =>
  z
    .union([z.string(), z.array(z.string())], { error: say('validation.element.list') })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))
    .pipe(z.array(elementKeySchema).max(max, say('validation.atMost')))
    .transform((list) => [...new Set(list)]);

/** The links edited on a service's own page, as full sets. */
export const serviceLinksSchema = z.object({
  capabilities: keyList(500),
  goals: keyList(100),
  projects: keyList(500),
});

/** One cell of the services × personnel groups matrix. */
export const personnelCellSchema = z.object({
  service: elementKeySchema,
  group: elementKeySchema,
  usage: z
    .union([z.literal(''), z.enum(usages)], { error: say('validation.element.usage') })
    .transform((v) => (v === '' ? null : v)),
  /** The cell's value as the editor showed it (its version): a save over someone else's newer value is refused. */
  vist: z
    .union([z.literal(''), z.enum(usages)], { error: say('validation.element.cellShown') })
    .transform((v) => (v === '' ? null : v)),
});

/**
 * An actor cell's version: the collaboration modes linked and each one's need level, as the editor
 * showed them (`mode=need`, sorted), so a save over a cell someone else changed is refused.
 */
export function exchangeCellVersion(pairs: ReadonlyArray<readonly [mode: string, need: string | null]>): string {
  return contentVersion({ cell: pairs.map(([mode, need]) => `${mode}=${need ?? ''}`).sort() });
}

/**
 * One cell of the services × actors matrix: for each collaboration mode, a field `mode-<key>`
 * that is empty (no exchange), `uvurdert` (exchanged, need not assessed) or a need level's key.
 */
export const exchangeCellSchema = z.object({
  service: elementKeySchema,
  actor: elementKeySchema,
  version: z.string({ error: say('validation.element.cellShown') }).regex(/^[0-9a-z]{1,8}-[0-9a-f]{16}$/, say('validation.element.notThisPage')),
});
// A need level's key, checked here rather than by `elementKeySchema`, whose message about keys would win over the list's.
export const exchangeModeValueSchema = z.union(
  [z.literal(''), z.literal('uvurdert'), z.string().max(80, say('validation.element.needLevel')).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say('validation.element.needLevel'))],
  { error: say('validation.element.needLevel') },
);

/** Moving many services at once to another tier and/or category. */
export const bulkMoveSchema = z
  .object({
    // Each ticked service as `key:version`, the version the list showed: a service changed since is not moved.
    services: z
      .union([z.string(), z.array(z.string())], { error: say('validation.element.list') })
      .optional()
      .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))])
      .pipe(z.array(z.string()).max(2000, say('validation.atMost')))
      .pipe(
      z
        .array(
          z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]*:[0-9]{1,9}$/, say('validation.element.serviceVersion'))
            .transform((v) => {
              const [key, version] = v.split(':');
              return { key: key!, version: Number(version) };
            }),
        )
        .min(1, say('validation.element.oneService')),
    ),
    tier: z
      .union([z.literal(''), z.literal('-'), elementKeySchema], { error: say('validation.element.tierFromList') })
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v === '-' ? null : v)),
    category: z
      .union([z.literal(''), elementKeySchema], { error: say('validation.element.categoryFromList') })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.tier !== undefined || v.category !== undefined, {
    path: ['tier'],
    message: say('validation.element.moveTo'),
  });

/** The choices a reference field offers: key, label, and how deep in a tree (for indenting). */
export type Choice = { key: string; name: string; depth?: number };
export type RefOptions = Partial<Record<ElementKind, Choice[]>> & { lists?: Partial<Record<ChoiceList, Choice[]>> };

/** The choices for every reference field; a capability cannot be put under itself or below. */
export function refOptions(model: ScopeModel, index: ModelIndex, exceptCapability?: number): RefOptions {
  const excluded = new Set(exceptCapability === undefined ? [] : subtreeIds(index, exceptCapability));
  const tree: NonNullable<RefOptions['capability']> = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const c of index.childrenOf(parentId)) {
      if (excluded.has(c.id)) continue;
      tree.push({ key: c.key, name: c.name, depth });
      if (depth < 30) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  const plain = (kind: 'solutionPart' | 'informationCategory' | 'deliveryTier' | 'roadmapPhase') =>
    [...model.elements[kind]].sort(byPosition).map((e) => ({ key: e.key, name: e.name }));
  return {
    capability: tree,
    solutionPart: plain('solutionPart'),
    informationCategory: plain('informationCategory'),
    deliveryTier: plain('deliveryTier'),
    roadmapPhase: plain('roadmapPhase'),
  };
}

