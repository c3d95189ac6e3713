import { Hono } from 'hono';
import { emptyRequirementStructure, modelPageQuerySchema, MODEL_EXPORT_FORMAT, MODEL_EXPORT_VERSION, type ModelPage } from '../../model/export.ts';
import { emptyScopeModel } from '../../model/lookup.ts';
import { loadModelSlice, loadRequirementStructure } from '../db/queries/model.ts';
import type { AppDeps } from '../deps.ts';
import { ModelChangedDuringExport, modelExportText } from '../exchange/model-export.ts';
import { apiError } from '../http/api-error.ts';
import { inSlot, Slots } from '../http/slots.ts';
import { ClientStalled, textStream } from '../http/streamed.ts';
import { issueText } from '../../views/i18n/issues.ts';

/**
 * Read-only JSON. The shape is documented in README.md and validated by `modelExportSchema`.
 * Without a cursor the whole model is streamed, written as it is read in batches; with `?cursor=` the model comes a page at a time (`modelPageSchema`), in a fixed number of
 * queries per page whatever the model's size.
 */
/** Whole exports that may wait for a turn, per turn, before more are refused with 503. */
const EXPORT_QUEUE_PER_TURN = 16;
/** What a refused export is told to wait before asking again. */
const EXPORT_RETRY_SECONDS = 10;
/** A whole export whose client takes nothing for this long is ended, so it gives its turn back. */
const EXPORT_IDLE_MS = 60_000;

export function apiRoutes({ db, config, now, logError }: AppDeps): Hono {
  const app = new Hono();
  // Whole exports take turns (EXPORTS_AT_ONCE): a waiting one has its headers and gets its first bytes
  // when its turn comes. Past `exportQueue` waiting, more are refused for now rather than queued.
  const exports = new Slots(config.EXPORTS_AT_ONCE);
  const exportQueue = config.EXPORTS_AT_ONCE * EXPORT_QUEUE_PER_TURN;
  app.get('/api/model', async (c) => {
    if (c.req.query('cursor') === undefined && c.req.query('limit') === undefined) {
      if (exports.waiting >= exportQueue) {
        c.header('Retry-After', String(EXPORT_RETRY_SECONDS));
        return apiError(c, 503, 'unavailable', c.var.i18n.t('errors.api.exportsBusy', { seconds: EXPORT_RETRY_SECONDS }));
      }
      // The whole model, written as it is read (src/exchange/model-export.ts): a few MB at 100x.
      const body = textStream(
        (gone) => inSlot(exports, () => modelExportText(db, now()), gone),
        (error) => {
          if (!(error instanceof ModelChangedDuringExport) && !(error instanceof ClientStalled)) logError(error);
        },
        { idleMs: EXPORT_IDLE_MS },
      );
      return c.body(body, 200, { 'Content-Type': 'application/json' });
    }
    const parsed = modelPageQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'query'), issueText(i)]));
      return apiError(c, 400, 'bad_request', c.var.i18n.t('errors.api.badCursor'), fields);
    }
    const { cursor = '', limit } = parsed.data;
    return c.json(await modelPage(cursor, limit));
  });

  /** One page: the frame with the first services, further services, or requirements; `next` says what follows. */
  async function modelPage(cursor: string, limit: number): Promise<ModelPage> {
    const first = cursor === '';
    let phase: 'informationService' | 'requirement' = cursor.startsWith('r.') ? 'requirement' : 'informationService';
    const after = first ? 0 : Number(cursor.slice(2));
    // One more than the page, to know whether another follows.
    const idsAfter = (kind: typeof phase, from: number) =>
      db.selectFrom('element').select('id').where('kind', '=', kind).where('id', '>', from).orderBy('id').limit(limit + 1).execute().then((rows) => rows.map((r) => r.id));
    let ids = await idsAfter(phase, after);
    let next: string | null;
    if (ids.length > limit) {
      ids = ids.slice(0, limit);
      next = `${phase === 'informationService' ? 's' : 'r'}.${ids.at(-1)}`;
    } else next = phase === 'informationService' ? 'r.0' : null;
    // A last page of services with nothing after it in the kind goes on to the requirements.
    if (phase === 'informationService' && ids.length === 0 && !first) {
      phase = 'requirement';
      ids = await idsAfter(phase, 0);
      next = ids.length > limit ? `r.${ids[limit - 1]}` : null;
      ids = ids.slice(0, limit);
    }
    const slice = await loadModelSlice(db, {
      services: phase === 'informationService' ? ids : 'none',
      requirements: phase === 'requirement' ? ids : 'none',
      municipalities: first,
    });
    const model = first ? slice : withoutFrame(slice, phase);
    // The requirement structure is small and belongs to the frame: the first page carries it.
    const structure = first ? await loadRequirementStructure(db) : emptyRequirementStructure();
    return { format: MODEL_EXPORT_FORMAT, formatVersion: MODEL_EXPORT_VERSION, exportedAt: now().toISOString(), ...model, ...structure, page: { cursor, next, limit } };
  }
  return app;
}

/** A later page keeps only what it is about: its services (or requirements) and their links, not the frame again. */
function withoutFrame(slice: Awaited<ReturnType<typeof loadModelSlice>>, phase: 'informationService' | 'requirement') {
  const model = emptyScopeModel();
  const ids = new Set(slice.elements[phase].map((e) => e.id));
  if (phase === 'informationService') {
    model.elements.informationService = slice.elements.informationService;
    model.links = { ...slice.links, requirementElements: [], regionCounties: [], relations: slice.links.relations.filter((r) => ids.has(r.fromId)) };
  } else {
    model.elements.requirement = slice.elements.requirement;
    model.links.requirementElements = slice.links.requirementElements;
  }
  return model;
}
