import type { AppUserTable, InviteTable, LoginThrottleTable, OrganisationTable, UserSessionTable } from './tables/accounts.ts';
import type { ApiTokenTable } from './tables/api-tokens.ts';
import type { AuditEventTable } from './tables/audit.ts';
import type { ImportFileTable } from './tables/imports.ts';
import type {
  ConsultationCommentTable,
  ConsultationCommentVersionTable,
  ConsultationItemTable,
  ConsultationReplyTable,
  ConsultationRoundTable,
  ConsultationVisitTable,
} from './tables/consultation.ts';
import type {
  CapabilityTable,
  DeliveryTierTable,
  ElementTable,
  InformationServiceTable,
  NationalProjectTable,
  NeedLevelTable,
  RegionTable,
  RequirementTable,
  RoadmapItemTable,
  SourceDocumentTable,
} from './tables/elements.ts';
import type {
  ElementRelationTable,
  RegionCountyTable,
  RequirementElementTable,
  ServiceCapabilityTable,
  ServiceDependencyTable,
  ServiceExchangeTable,
  ServiceGoalTable,
  ServicePersonnelTable,
} from './tables/links.ts';
import type { CounterTable, MetaTable, ModelChangeTable, MunicipalityTable } from './tables/reference.ts';
import type {
  BaselineTable,
  BaselineElementTable,
  RequirementChapterTable,
  RequirementLostLinkTable,
  RequirementRelationTable,
  RequirementTypeTable,
} from './tables/requirements.ts';
import type {
  IntentionDeclarationTable,
  MunicipalityReviewTable,
  ReviewRoundServiceTable,
  ReviewRoundTable,
  ReviewStanceTable,
  ReviewServiceTallyTable,
  ReviewTallyTable,
} from './tables/review.ts';

/** The database as Kysely sees it. */
export interface Database {
  source_document: SourceDocumentTable;
  element: ElementTable;
  capability: CapabilityTable;
  information_service: InformationServiceTable;
  delivery_tier: DeliveryTierTable;
  need_level: NeedLevelTable;
  roadmap_item: RoadmapItemTable;
  national_project: NationalProjectTable;
  requirement: RequirementTable;
  service_capability: ServiceCapabilityTable;
  service_goal: ServiceGoalTable;
  service_dependency: ServiceDependencyTable;
  service_exchange: ServiceExchangeTable;
  service_personnel: ServicePersonnelTable;
  requirement_element: RequirementElementTable;
  region: RegionTable;
  region_county: RegionCountyTable;
  element_relation: ElementRelationTable;
  municipality: MunicipalityTable;
  counter: CounterTable;
  meta: MetaTable;
  model_change: ModelChangeTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  api_token: ApiTokenTable;
  import_file: ImportFileTable;
  user_session: UserSessionTable;
  invite: InviteTable;
  login_throttle: LoginThrottleTable;
  audit_event: AuditEventTable;
  consultation_round: ConsultationRoundTable;
  consultation_item: ConsultationItemTable;
  consultation_comment: ConsultationCommentTable;
  consultation_comment_version: ConsultationCommentVersionTable;
  consultation_reply: ConsultationReplyTable;
  consultation_visit: ConsultationVisitTable;
  review_round: ReviewRoundTable;
  review_round_service: ReviewRoundServiceTable;
  municipality_review: MunicipalityReviewTable;
  review_stance: ReviewStanceTable;
  review_tally: ReviewTallyTable;
  review_service_tally: ReviewServiceTallyTable;
  intention_declaration: IntentionDeclarationTable;
  requirement_chapter: RequirementChapterTable;
  requirement_type: RequirementTypeTable;
  requirement_relation: RequirementRelationTable;
  requirement_lost_link: RequirementLostLinkTable;
  baseline: BaselineTable;
  baseline_element: BaselineElementTable;
}
