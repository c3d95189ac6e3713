import { z } from 'zod';
import { say } from './messages.ts';
import { elementKindSchema, type ElementKind } from './kinds.ts';
import { linkProvenanceSchema, provenanceLevelSchema } from './provenance.ts';

/** The largest id a table holds (PostgreSQL's `integer`): a larger one is refused here, not by the database as a fault. */
export const dbIdMax = 2_147_483_647;

/** Stable, URL-safe key of an element, unique within its kind. */
export const elementKeySchema = z
  .string()
  .min(1, say('validation.key.empty'))
  .max(80, say('validation.key.tooLong'))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say('validation.key.format'));

export const idSchema = z.number().int().positive();

/** Calendar date as ISO `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, say('validation.date.format'))
  .refine((s) => {
    // Date.parse rolls 30 February over into March, so check that the day survives the trip.
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, say('validation.date.exists'));

/** Where in a source document an element comes from: an inclusive line range. */
export const sourceRefSchema = z
  .object({
    document: elementKeySchema,
    fromLine: z.number().int().positive(),
    toLine: z.number().int().positive(),
  })
  .refine((s) => s.fromLine <= s.toLine, say('validation.source.lineOrder'));
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const sourceDocumentSchema = z.object({
  key: elementKeySchema,
  title: z.string().min(1),
  publishedOn: isoDateSchema,
  publisher: z.string(),
  lineCount: z.number().int().nonnegative(),
});
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

/** The identity every scope element shares. */
export const elementBaseSchema = z.object({
  id: idSchema,
  kind: elementKindSchema,
  key: elementKeySchema,
  name: z.string().min(1).max(500),
  nameEn: z.string().max(500).nullable(),
  description: z.string().max(10_000),
  source: sourceRefSchema.nullable(),
  tentative: z.boolean(),
  /** Stated in the source, tentative in the source, or inferred (see `model/provenance.ts`). */
  provenance: provenanceLevelSchema,
  /** For an inferred element its one-line reason; otherwise an optional note (a deliberate correction). */
  provenanceNote: z.string().max(1000),
  /** The source's own words where the element's name is the editors' (a tier's column heading). */
  sourceQuote: z.string().max(1000).nullable(),
  position: z.number().int(),
  version: z.number().int().positive(),
});
export type ElementBase = z.infer<typeof elementBaseSchema>;

function elementOf<K extends ElementKind, S extends z.ZodRawShape>(kind: K, extra: S) {
  return elementBaseSchema.extend({ kind: z.literal(kind), ...extra });
}

export const usages = ['reads', 'records', 'both'] as const;
export const usageSchema = z.enum(usages);
export type Usage = z.infer<typeof usageSchema>;
export const usageLabel: Record<Usage, string> = {
  reads: 'Leser',
  records: 'Dokumenterer',
  both: 'Leser og dokumenterer',
};

export const portfolioStatuses = ['Grønn', 'Gul', 'Rød'] as const;
export const portfolioStatusSchema = z.enum(portfolioStatuses);
export type PortfolioStatus = z.infer<typeof portfolioStatusSchema>;

export const portfolioPhases = ['Konsept', 'Planlegging', 'Gjennomføring'] as const;
export const portfolioPhaseSchema = z.enum(portfolioPhases);
export type PortfolioPhase = z.infer<typeof portfolioPhaseSchema>;

export const requirementPriorities = ['must', 'should', 'could', 'wont'] as const;
export const requirementPrioritySchema = z.enum(requirementPriorities);
export type RequirementPriority = z.infer<typeof requirementPrioritySchema>;
export const requirementPriorityLabel: Record<RequirementPriority, string> = {
  must: 'Må',
  should: 'Bør',
  could: 'Kan',
  wont: 'Ikke nå',
};

export const requirementStatuses = ['draft', 'proposed', 'approved', 'rejected', 'deferred'] as const;
export const requirementStatusSchema = z.enum(requirementStatuses);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;
export const requirementStatusLabel: Record<RequirementStatus, string> = {
  draft: 'Utkast',
  proposed: 'Foreslått',
  approved: 'Godkjent',
  rejected: 'Avvist',
  deferred: 'Utsatt',
};

export const requirementRefSchema = z.string().regex(/^AKS-\d{4,}$/, say('validation.requirement.refFormat'));

export const decisionTracks = ['journal', 'samhandling'] as const;
export const decisionTrackSchema = z.enum(decisionTracks);
export const decisionTrackLabel: Record<z.infer<typeof decisionTrackSchema>, string> = {
  journal: 'Felles journalløsning',
  samhandling: 'Samhandling',
};

export const solutionPartSchema = elementOf('solutionPart', {});
export const personnelGroupSchema = elementOf('personnelGroup', {});
export const taskSchema = elementOf('task', {});
export const capabilitySchema = elementOf('capability', {
  parentId: idSchema.nullable(),
  solutionPartId: idSchema.nullable(),
  /** How sure the placement under the solution part is (the slides place groups by heading only). */
  solutionPartProvenance: linkProvenanceSchema,
});
export const informationCategorySchema = elementOf('informationCategory', {});
export const informationServiceSchema = elementOf('informationService', {
  categoryId: idSchema.nullable(),
  tierId: idSchema.nullable(),
  /** The tier assignment itself is tentative (the first-delivery slide is). */
  tierTentative: z.boolean(),
  solutionPartId: idSchema.nullable(),
});
export const deliveryTierSchema = elementOf('deliveryTier', {
  /** Whether services in this tier belong to Akson's first delivery. */
  firstDelivery: z.boolean(),
});
export const collaborationModeSchema = elementOf('collaborationMode', {});
export const actorSchema = elementOf('actor', {});
export const needLevelSchema = elementOf('needLevel', {
  /** 1 is the smallest need. */
  rank: z.number().int().positive(),
});
export const goalSchema = elementOf('goal', {});
const roadmapShape = {
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullable(),
};
export const roadmapPhaseSchema = elementOf('roadmapPhase', roadmapShape);
export const milestoneSchema = elementOf('milestone', { ...roadmapShape, phaseId: idSchema.nullable() });
export const decisionPointSchema = elementOf('decisionPoint', {
  ...roadmapShape,
  phaseId: idSchema.nullable(),
  track: decisionTrackSchema,
  number: z.number().int().positive(),
});
export const stakeholderSchema = elementOf('stakeholder', {});
/** One of the shared record's interfaces at the edge of the scope (lines 1820-1844). */
export const journalInterfaceSchema = elementOf('journalInterface', {});
export const recordSolutions = ['felles-kommunal-journal', 'helseplattformen'] as const;
export const recordSolutionSchema = z.enum(recordSolutions);
export type RecordSolution = z.infer<typeof recordSolutionSchema>;
export const recordSolutionLabel: Record<RecordSolution, string> = {
  'felles-kommunal-journal': 'Felles kommunal journal (Akson)',
  helseplattformen: 'Helseplattformen (felles for kommuner og spesialisthelsetjeneste)',
};
/** A health region in the target picture "Én innbygger – én journal", with its record solution. */
export const regionSchema = elementOf('region', { recordSolution: recordSolutionSchema });
/** A national e-health solution (kjernejournal, …) that services can be delivered by. */
export const nationalSolutionSchema = elementOf('nationalSolution', {});
/** A risk in the national portfolio's risk matrix (lines 1326-1346). */
export const riskSchema = elementOf('risk', {});
/** The ministry's mandate and the key guidelines ("sentrale føringer", lines 1422-1455). */
export const guidelineSchema = elementOf('guideline', {});
export const nationalProjectSchema = elementOf('nationalProject', {
  projectNo: z.number().int().positive(),
  priorityCategory: z.number().int().min(1).max(2),
  ownerOrganisation: z.string().min(1),
  owner: z.string().min(1),
  phase: portfolioPhaseSchema,
  /** The national e-health strategy's area, e.g. "1 Digitalisering av arbeidsprosesser". */
  strategicArea: z.string().min(1),
  /** The focus area (innsatsområde), e.g. "1.1 Modernisere journal- og samhandlingsløsninger". */
  focusArea: z.string().min(1),
  status: portfolioStatusSchema.nullable(),
  budgetMnok: z.number().nonnegative().nullable(),
});
export const verificationMethods = ['test', 'inspection', 'demonstration', 'analysis'] as const;
export const verificationMethodSchema = z.enum(verificationMethods);
export type VerificationMethod = z.infer<typeof verificationMethodSchema>;
export const verificationMethodLabel: Record<VerificationMethod, string> = {
  test: 'Test',
  inspection: 'Inspeksjon',
  demonstration: 'Demonstrasjon',
  analysis: 'Analyse',
};

export const requirementSchema = elementOf('requirement', {
  ref: requirementRefSchema,
  text: z.string().min(1).max(10_000),
  rationale: z.string().max(10_000),
  priority: requirementPrioritySchema,
  status: requirementStatusSchema,
  // Structure (issue 13). Optional so that models written before it still read.
  chapterId: idSchema.nullable().optional(),
  typeKey: z.string().nullable().optional(),
  acceptanceCriteria: z.string().max(10_000).optional(),
  verificationMethod: verificationMethodSchema.nullable().optional(),
  tags: z.array(z.string()).optional(),
  sourceCommentId: idSchema.nullable().optional(),
});

export type SolutionPart = z.infer<typeof solutionPartSchema>;
export type PersonnelGroup = z.infer<typeof personnelGroupSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type InformationCategory = z.infer<typeof informationCategorySchema>;
export type InformationService = z.infer<typeof informationServiceSchema>;
export type DeliveryTier = z.infer<typeof deliveryTierSchema>;
export type CollaborationMode = z.infer<typeof collaborationModeSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type NeedLevel = z.infer<typeof needLevelSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type RoadmapPhase = z.infer<typeof roadmapPhaseSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type DecisionPoint = z.infer<typeof decisionPointSchema>;
export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type NationalProject = z.infer<typeof nationalProjectSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type JournalInterface = z.infer<typeof journalInterfaceSchema>;
export type Region = z.infer<typeof regionSchema>;
export type NationalSolution = z.infer<typeof nationalSolutionSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type Guideline = z.infer<typeof guidelineSchema>;

/** The schema of each kind, for validating any element by its kind. */
export const elementSchemaByKind = {
  solutionPart: solutionPartSchema,
  personnelGroup: personnelGroupSchema,
  task: taskSchema,
  capability: capabilitySchema,
  informationCategory: informationCategorySchema,
  informationService: informationServiceSchema,
  deliveryTier: deliveryTierSchema,
  collaborationMode: collaborationModeSchema,
  actor: actorSchema,
  needLevel: needLevelSchema,
  goal: goalSchema,
  roadmapPhase: roadmapPhaseSchema,
  milestone: milestoneSchema,
  decisionPoint: decisionPointSchema,
  stakeholder: stakeholderSchema,
  nationalProject: nationalProjectSchema,
  requirement: requirementSchema,
  journalInterface: journalInterfaceSchema,
  region: regionSchema,
  nationalSolution: nationalSolutionSchema,
  risk: riskSchema,
  guideline: guidelineSchema,
} as const satisfies Record<ElementKind, z.ZodType>;

export type ElementOfKind = { [K in ElementKind]: z.infer<(typeof elementSchemaByKind)[K]> };
export type ScopeElement = ElementOfKind[ElementKind];

// Links -------------------------------------------------------------------------------------

/*
 * Every link carries its provenance. It is optional in the type so that code building a link in
 * memory need not invent one; everything loaded from the database has it (see `linkProvenance`).
 */
const withProvenance = { provenance: linkProvenanceSchema.optional() };

export const serviceCapabilitySchema = z.object({ serviceId: idSchema, capabilityId: idSchema, ...withProvenance });
export const serviceGoalSchema = z.object({ serviceId: idSchema, goalId: idSchema, ...withProvenance });
export const serviceDependencySchema = z.object({ serviceId: idSchema, projectId: idSchema, ...withProvenance });
/** Who exchanges a service with whom, how, and how much must be built for it. */
export const serviceExchangeSchema = z.object({
  serviceId: idSchema,
  actorId: idSchema,
  modeId: idSchema,
  needLevelId: idSchema.nullable(),
  ...withProvenance,
});
export const servicePersonnelSchema = z.object({
  serviceId: idSchema,
  personnelGroupId: idSchema,
  usage: usageSchema,
  ...withProvenance,
});
export const requirementElementSchema = z.object({ requirementId: idSchema, elementId: idSchema, ...withProvenance });
/** The kinds of relation in `element_relation`; see `model/relations.ts` for what each means. */
export const relationTypes = ['usesInterface', 'deliveredBy', 'threatens', 'builtBy', 'preProjectOf', 'issuedBy', 'involvedIn'] as const;
export const relationTypeSchema = z.enum(relationTypes);
export type RelationType = z.infer<typeof relationTypeSchema>;
/** A typed link between two elements, for the relations that need no columns of their own. */
export const elementRelationSchema = z.object({
  fromId: idSchema,
  toId: idSchema,
  relation: relationTypeSchema,
  provenance: linkProvenanceSchema,
});
/** A region covers a county: how municipalities are tied to a region's record solution. */
export const regionCountySchema = z.object({
  regionId: idSchema,
  countyNumber: z.string().regex(/^\d{2}$/, 'Fylkesnummeret har to sifre.'),
  provenance: linkProvenanceSchema,
});

export type ServiceCapability = z.infer<typeof serviceCapabilitySchema>;
export type ServiceGoal = z.infer<typeof serviceGoalSchema>;
export type ServiceDependency = z.infer<typeof serviceDependencySchema>;
export type ServiceExchange = z.infer<typeof serviceExchangeSchema>;
export type ServicePersonnel = z.infer<typeof servicePersonnelSchema>;
export type RequirementElement = z.infer<typeof requirementElementSchema>;
export type ElementRelation = z.infer<typeof elementRelationSchema>;
export type RegionCounty = z.infer<typeof regionCountySchema>;

export const municipalityNumberSchema = z.string().regex(/^\d{4}$/, 'Kommunenummeret har fire sifre.');
export const municipalitySchema = z.object({
  number: municipalityNumberSchema,
  name: z.string().min(1),
  countyNumber: z.string().regex(/^\d{2}$/),
  countyName: z.string().min(1),
  population: z.number().int().nonnegative(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

/** The whole scope model as one value: what pure functions in `model/` work on. */
export const scopeModelSchema = z.object({
  sourceDocuments: z.array(sourceDocumentSchema),
  elements: z.object({
    solutionPart: z.array(solutionPartSchema),
    personnelGroup: z.array(personnelGroupSchema),
    task: z.array(taskSchema),
    capability: z.array(capabilitySchema),
    informationCategory: z.array(informationCategorySchema),
    informationService: z.array(informationServiceSchema),
    deliveryTier: z.array(deliveryTierSchema),
    collaborationMode: z.array(collaborationModeSchema),
    actor: z.array(actorSchema),
    needLevel: z.array(needLevelSchema),
    goal: z.array(goalSchema),
    roadmapPhase: z.array(roadmapPhaseSchema),
    milestone: z.array(milestoneSchema),
    decisionPoint: z.array(decisionPointSchema),
    stakeholder: z.array(stakeholderSchema),
    nationalProject: z.array(nationalProjectSchema),
    requirement: z.array(requirementSchema),
    journalInterface: z.array(journalInterfaceSchema),
    region: z.array(regionSchema),
    nationalSolution: z.array(nationalSolutionSchema),
    risk: z.array(riskSchema),
    guideline: z.array(guidelineSchema),
  }),
  links: z.object({
    serviceCapabilities: z.array(serviceCapabilitySchema),
    serviceGoals: z.array(serviceGoalSchema),
    serviceDependencies: z.array(serviceDependencySchema),
    serviceExchanges: z.array(serviceExchangeSchema),
    servicePersonnelGroups: z.array(servicePersonnelSchema),
    requirementElements: z.array(requirementElementSchema),
    relations: z.array(elementRelationSchema),
    regionCounties: z.array(regionCountySchema),
  }),
  municipalities: z.array(municipalitySchema),
});
export type ScopeModel = z.infer<typeof scopeModelSchema>;
export type ScopeLinks = ScopeModel['links'];
