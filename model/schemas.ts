import { z } from 'zod';
import { elementKindSchema, type ElementKind } from './kinds.ts';

/** Stable, URL-safe key of an element, unique within its kind. */
export const elementKeySchema = z
  .string()
  .min(1, 'Nøkkelen kan ikke være tom.')
  .max(80, 'Nøkkelen kan være på høyst 80 tegn.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Nøkkelen kan bare ha små bokstaver a–z, sifre og bindestrek.');

export const idSchema = z.number().int().positive();

/** Calendar date as ISO `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen må skrives som ÅÅÅÅ-MM-DD.')
  .refine((s) => {
    // Date.parse rolls 30 February over into March, so check that the day survives the trip.
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Datoen finnes ikke.');

/** Where in a source document an element comes from: an inclusive line range. */
export const sourceRefSchema = z
  .object({
    document: elementKeySchema,
    fromLine: z.number().int().positive(),
    toLine: z.number().int().positive(),
  })
  .refine((s) => s.fromLine <= s.toLine, 'Kildens første linje må komme før den siste.');
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

export const requirementRefSchema = z.string().regex(/^AKS-\d{4,}$/, 'Kravnummeret har formen AKS-0001.');

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
} as const satisfies Record<ElementKind, z.ZodType>;

export type ElementOfKind = { [K in ElementKind]: z.infer<(typeof elementSchemaByKind)[K]> };
export type ScopeElement = ElementOfKind[ElementKind];

// Links -------------------------------------------------------------------------------------

export const serviceCapabilitySchema = z.object({ serviceId: idSchema, capabilityId: idSchema });
export const serviceGoalSchema = z.object({ serviceId: idSchema, goalId: idSchema });
export const serviceDependencySchema = z.object({ serviceId: idSchema, projectId: idSchema });
/** Who exchanges a service with whom, how, and how much must be built for it. */
export const serviceExchangeSchema = z.object({
  serviceId: idSchema,
  actorId: idSchema,
  modeId: idSchema,
  needLevelId: idSchema.nullable(),
});
export const servicePersonnelSchema = z.object({
  serviceId: idSchema,
  personnelGroupId: idSchema,
  usage: usageSchema,
});
export const requirementElementSchema = z.object({ requirementId: idSchema, elementId: idSchema });

export type ServiceCapability = z.infer<typeof serviceCapabilitySchema>;
export type ServiceGoal = z.infer<typeof serviceGoalSchema>;
export type ServiceDependency = z.infer<typeof serviceDependencySchema>;
export type ServiceExchange = z.infer<typeof serviceExchangeSchema>;
export type ServicePersonnel = z.infer<typeof servicePersonnelSchema>;
export type RequirementElement = z.infer<typeof requirementElementSchema>;

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
  }),
  links: z.object({
    serviceCapabilities: z.array(serviceCapabilitySchema),
    serviceGoals: z.array(serviceGoalSchema),
    serviceDependencies: z.array(serviceDependencySchema),
    serviceExchanges: z.array(serviceExchangeSchema),
    servicePersonnelGroups: z.array(servicePersonnelSchema),
    requirementElements: z.array(requirementElementSchema),
  }),
  municipalities: z.array(municipalitySchema),
});
export type ScopeModel = z.infer<typeof scopeModelSchema>;
export type ScopeLinks = ScopeModel['links'];
