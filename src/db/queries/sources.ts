import type { SourceDocument, SourceRef } from '../../../model/schemas.ts';
import { excerpt, type SourceExcerpt } from '../../../model/source.ts';
import type { Db } from '../index.ts';

/** Every source document, without its text (the index of sources). */
export async function listSourceDocuments(db: Db): Promise<SourceDocument[]> {
  const rows = await db.selectFrom('source_document').select(['key', 'title', 'published_on', 'publisher', 'line_count']).orderBy('id').execute();
  return rows.map((row) => ({ key: row.key, title: row.title, publishedOn: row.published_on, publisher: row.publisher, lineCount: row.line_count }));
}

export async function sourceDocumentByKey(db: Db, key: string): Promise<{ document: SourceDocument; lines: string[] } | undefined> {
  const row = await db.selectFrom('source_document').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  return {
    document: { key: row.key, title: row.title, publishedOn: row.published_on, publisher: row.publisher, lineCount: row.line_count },
    lines: row.body.split('\n'),
  };
}

/** The lines an element's source reference points at. */
export async function sourceLines(db: Db, source: SourceRef): Promise<SourceExcerpt | null> {
  const row = await db.selectFrom('source_document').select('body').where('key', '=', source.document).executeTakeFirst();
  if (!row) return null;
  return excerpt(row.body, source);
}
