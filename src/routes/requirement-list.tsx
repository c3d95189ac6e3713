import type { Context } from 'hono';
import { Hono } from 'hono';
import { refOptions } from '../../model/editing.ts';
import { indexModel } from '../../model/lookup.ts';
import { bulkApplyInputSchema, bulkFieldNames, bulkPreviewInputSchema, planBulkChange, type BulkChange } from '../../model/requirement-bulk.ts';
import { requirementListQuerySchema, requirementListUrl, requirementPageCount, type RequirementListQuery } from '../../model/requirement-list.ts';
import { CreatePanel } from '../../views/pages/edit.tsx';
import { BulkDone, BulkForm, BulkPreview, type BulkFormValues } from '../../views/pages/requirement-bulk.tsx';
import { RequirementListRegion, RequirementPageMissing, RequirementsPage } from '../../views/pages/requirements.tsx';
import { callerOf } from '../auth/context.ts';
import { BulkStale, bulkChangeRequirements, findLinkTarget } from '../commands/requirement-bulk.ts';
import { loadModelSlice } from '../db/queries/model.ts';
import {
  isFilterProblem,
  loadBulkRows,
  loadRequirementListChoices,
  loadRequirementListPage,
  resolveRequirementFilter,
  type RequirementListChoices,
} from '../db/queries/requirement-list.ts';
import type { AppDeps } from '../deps.ts';
import { fieldErrors, readForm, singleValues } from '../http/forms.ts';
import { isFragmentRequest, respond, respondError } from '../http/render.tsx';
import { describeIssues } from '../http/validate.ts';
import { canEditRequirements, canEditScope } from '../http/permissions.ts';
import { issueText } from '../../views/i18n/issues.ts';

/*
 * The requirement list and its bulk actions (issue 13):
 *   GET  /krav        the list: filter, sort and page from the URL (`requirementListQuerySchema`)
 *   GET  /krav/masse  the preview of a bulk action (a read: nothing changes)
 *   POST /krav/masse  the bulk action on exactly what the preview showed (one use case)
 * Each answers the whole page, or the list region (#kravliste) to htmx.
 */

type Query = Record<string, string | string[]>;

/** The URL's query with repeated parameters as lists. */
function queryOf(c: Context): Query {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** Splits a query into the list's parameters and the bulk form's. */
function split(query: Query): { list: Record<string, string>; bulk: Query } {
  const list: Record<string, string> = {};
  const bulk: Query = {};
  for (const [k, v] of Object.entries(query)) {
    if ((bulkFieldNames as readonly string[]).includes(k)) bulk[k] = v;
    else list[k] = Array.isArray(v) ? v.at(-1)! : v;
  }
  return { list, bulk };
}

function badQuery(c: Context, issues: string[]) {
  return respondError(c, {
    status: 400,
    title: c.var.i18n.t('requirementList.badQuery.title'),
    message: c.var.i18n.t('requirementList.badQuery.text'),
    details: issues,
  });
}

export function requirementListRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  /** The list page (or region) for a parsed query; 404 past the last page, 400 for a filter naming nothing. */
  async function listPage(
    c: Context,
    asked: RequirementListQuery,
    extra: { notice?: string; status?: 200 | 409 | 422; bulkValues?: BulkFormValues; bulkErrors?: Record<string, string>; clamp?: boolean } = {},
  ) {
    const choices = await loadRequirementListChoices(db);
    const resolved = await resolveRequirementFilter(db, asked, choices);
    if (isFilterProblem(resolved)) return badQuery(c, [c.var.i18n.t('errors.issue', { where: resolved.field, message: issueText({ message: resolved.message }, c.var.i18n) })]);
    let query = asked;
    let page = await loadRequirementListPage(db, resolved, query, choices);
    if (extra.clamp && query.side > requirementPageCount(page.total)) {
      // After a bulk change emptied the page it came from: the last page there is now.
      query = { ...query, side: requirementPageCount(page.total) };
      page = await loadRequirementListPage(db, resolved, query, choices);
    }
    if (extra.clamp) c.header('HX-Push-Url', requirementListUrl(query));
    if (query.side > requirementPageCount(page.total)) {
      const missing = <RequirementPageMissing query={query} total={page.total} />;
      return respondError(c, { status: 404, title: c.var.i18n.t('requirementList.pageMissingTitle'), message: missing });
    }
    const canEdit = canEditRequirements(c);
    const props = { query, page, choices, canEdit, ...(extra.notice ? { notice: extra.notice } : {}) };
    const region = extra.bulkErrors ? (
      <div id="kravliste">
        <BulkForm query={query} choices={choices} total={page.total} values={extra.bulkValues ?? {}} errors={extra.bulkErrors} />
      </div>
    ) : (
      <RequirementListRegion {...props} />
    );
    const createPanel = canEditScope(c) && !isFragmentRequest(c) ? await requirementCreatePanel() : null;
    return respond(c, {
      title: c.var.i18n.t('requirementList.title'),
      body: extra.bulkErrors ? region : <RequirementsPage {...props} createPanel={createPanel} />,
      fragment: region,
      status: extra.status ?? 200,
      announce: extra.notice ?? c.var.i18n.t('requirementList.announce', { count: page.total }),
    });
  }

  async function requirementCreatePanel() {
    // The create form offers the frame's elements (capabilities, tiers, …): read the frame only.
    const frame = await loadModelSlice(db, { services: 'none', requirements: 'none', municipalities: false });
    return <CreatePanel kind="requirement" open={false} state={{ values: {}, errors: {} }} options={refOptions(frame, indexModel(frame))} />;
  }

  app.get('/krav', async (c) => {
    const parsed = requirementListQuerySchema.safeParse(queryOf(c));
    if (!parsed.success) return badQuery(c, describeIssues(parsed.error));
    return listPage(c, parsed.data);
  });

  /** The preview's page: the change on the rows, for a change and a set of rows already read. */
  async function previewPage(c: Context, query: RequirementListQuery, change: BulkChange, choices: RequirementListChoices, which: Parameters<typeof loadBulkRows>[1], status: 200 | 409, stale?: BulkStale) {
    let elementName = '';
    let linkId: number | null = null;
    if (change.action === 'link') {
      const element = await findLinkTarget(db, change.element);
      if (!element) {
        return listPage(c, query, {
          status: 422,
          bulkValues: { action: 'link', linkElement: `${change.element.kind}:${change.element.key}` },
          bulkErrors: { linkElement: c.var.i18n.t('requirementList.bulk.noElement', { element: `${change.element.kind}:${change.element.key}` }) },
        });
      }
      elementName = element.name;
      linkId = element.id;
    }
    if (change.action === 'chapter' && change.chapterId !== null && !choices.chapters.some((ch) => ch.id === change.chapterId)) {
      return listPage(c, query, { status: 422, bulkValues: { action: 'chapter' }, bulkErrors: { newChapter: c.var.i18n.t('requirementList.bulk.noChapter') } });
    }
    const rows = await loadBulkRows(db, which, linkId);
    const items = planBulkChange(rows, change);
    const staleRows = stale?.rows.map((r) => ({ ref: r.ref, seen: r.seen, now: r.now }));
    const preview = <BulkPreview query={query} change={change} items={items} choices={choices} elementName={elementName} {...(staleRows ? { stale: staleRows } : {})} />;
    return respond(c, {
      title: c.var.i18n.t('requirementList.bulk.previewTitle'),
      body: preview,
      fragment: preview,
      status,
      announce: c.var.i18n.t('requirementList.bulk.summary', { count: items.length, changed: items.filter((i) => i.changes).length, unchanged: items.filter((i) => !i.changes).length }),
    });
  }

  app.get('/krav/masse', async (c) => {
    const { list, bulk } = split(queryOf(c));
    const parsedList = requirementListQuerySchema.safeParse(list);
    if (!parsedList.success) return badQuery(c, describeIssues(parsedList.error));
    const query = parsedList.data;
    const parsedBulk = bulkPreviewInputSchema.safeParse(bulk);
    if (!parsedBulk.success) {
      const values = Object.fromEntries(Object.entries(bulk).filter(([, v]) => typeof v === 'string')) as BulkFormValues;
      return listPage(c, query, { status: 422, bulkValues: values, bulkErrors: fieldErrors(parsedBulk.error) });
    }
    const { change, scope, selected } = parsedBulk.data;
    const choices = await loadRequirementListChoices(db);
    const resolved = await resolveRequirementFilter(db, query, choices);
    if (isFilterProblem(resolved)) return badQuery(c, [c.var.i18n.t('errors.issue', { where: resolved.field, message: issueText({ message: resolved.message }, c.var.i18n) })]);
    return previewPage(c, query, change, choices, scope === 'filtered' ? { filter: resolved } : { ids: selected }, 200);
  });

  app.post('/krav/masse', async (c) => {
    const form = await readForm(c);
    const parsed = bulkApplyInputSchema.safeParse(singleValues(form));
    if (!parsed.success) return badQuery(c, describeIssues(parsed.error));
    const { change, pinned, list } = parsed.data;
    const parsedList = requirementListQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(list)));
    const query = parsedList.success ? parsedList.data : requirementListQuerySchema.parse({});
    try {
      const outcome = await bulkChangeRequirements(db, callerOf(c), { change, pinned });
      const notice = c.var.i18n.t('requirementList.bulk.done', { changed: outcome.changed, unchanged: outcome.unchanged });
      if (!isFragmentRequest(c)) {
        const done = <BulkDone query={query} notice={notice} />;
        return respond(c, { title: c.var.i18n.t('requirementList.bulk.doneTitle'), body: done });
      }
      // htmx: the list as it is now, at the address it came from (the last page, if this one emptied).
      return listPage(c, query, { notice, clamp: true });
    } catch (error) {
      if (!(error instanceof BulkStale)) throw error;
      const choices = await loadRequirementListChoices(db);
      return previewPage(c, query, change, choices, { ids: pinned.map((p) => p.id) }, 409, error);
    }
  });

  return app;
}
