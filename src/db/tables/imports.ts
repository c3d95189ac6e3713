/**
 * An uploaded import file between its dry run and its apply (migration 0021). `kind` says which
 * importer read it ('sheet' for the requirement spreadsheet); `content` is what it read, as JSON.
 */
export interface ImportFileTable {
  id: string;
  user_id: number;
  kind: string;
  file_name: string;
  content: string;
  /** The dry run's report (JSON) and its plan's fingerprint, once the dry run has run. */
  report: string | null;
  fingerprint: string | null;
  /** What applying did (JSON). */
  result: string | null;
  created_at: string;
  expires_at: string;
  applied_at: string | null;
}
