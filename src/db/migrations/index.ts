import type { Migration } from 'kysely';
import * as m0001 from './0001_scope_model.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_search.ts';
import * as m0004 from './0004_municipality_review.ts';
import * as m0005 from './0005_consultation.ts';
import * as m0006 from './0006_consultation_answer_versions.ts';
import * as m0007 from './0007_password_reset.ts';
import * as m0008 from './0008_consultation_applied_proposals.ts';
import * as m0009 from './0009_read_indexes.ts';
import * as m0010 from './0010_model_change_counter.ts';
import * as m0011 from './0011_user_language.ts';
import * as m0012 from './0012_audit_chain.ts';
import * as m0013 from './0013_requirements_structure.ts';
import * as m0014 from './0014_provenance.ts';
import * as m0015 from './0015_api_tokens.ts';
import * as m0015a from './0015a_model_change_requirements.ts';
import * as m0015b from './0015b_model_change_domain.ts';
import * as m0023 from './0023_link_provenance_lines.ts';
import * as m0021 from './0021_import_file.ts';
import * as m0020 from './0020_pg_double_precision.ts';
import * as m0024 from './0024_baseline_elements.ts';
import * as m0025 from './0025_review_tally.ts';
import * as m0026 from './0026_consultation_answered_index.ts';
import * as m0027 from './0027_review_service_tally.ts';

/**
 * Every migration, registered by static import so that the set is explicit and bundles with the
 * app. Names sort in the order they run. Never edit a migration that has shipped: add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_scope_model': m0001,
  '0002_accounts': m0002,
  '0003_search': m0003,
  '0004_municipality_review': m0004,
  '0005_consultation': m0005,
  '0006_consultation_answer_versions': m0006,
  '0007_password_reset': m0007,
  '0008_consultation_applied_proposals': m0008,
  '0009_read_indexes': m0009,
  '0010_model_change_counter': m0010,
  '0011_user_language': m0011,
  '0012_audit_chain': m0012,
  '0013_requirements_structure': m0013,
  '0014_provenance': m0014,
  '0015_api_tokens': m0015,
  '0015a_model_change_requirements': m0015a,
  '0015b_model_change_domain': m0015b,
  '0023_link_provenance_lines': m0023,
  '0021_import_file': m0021,
  '0020_pg_double_precision': m0020,
  '0024_baseline_elements': m0024,
  '0025_review_tally': m0025,
  '0026_consultation_answered_index': m0026,
  '0027_review_service_tally': m0027,
};
