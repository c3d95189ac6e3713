import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  bulkMoveSchema,
  exchangeCellSchema,
  exchangeModeValueSchema,
  personnelCellSchema,
  serviceLinksSchema,
  versionSchema,
} from '../../model/editing.ts';
import { indexModel } from '../../model/lookup.ts';
import { actorMatrix, personnelMatrix } from '../../model/matrix.ts';
import { elementKeySchema } from '../../model/schemas.ts';
import { ExchangeCellEditor, ExchangeCellView, PersonnelCell, PersonnelCellEditor } from '../../views/components/matrix-cells.tsx';
import { ElementDetailPage } from '../../views/pages/element-detail.tsx';
import { GapPanel } from '../../views/pages/gaps.tsx';
import { ServiceLinksForm } from '../../views/pages/service-links.tsx';
import { moveServices, setExchangeCell, setPersonnelCell, setServiceLinks } from '../commands/scope.ts';
import { historyFor } from '../http/history.ts';
import { loadModelSlice } from '../db/queries/model.ts';
import { loadNeighbourhood } from '../db/queries/neighbourhood.ts';
import { gapPanelLimit, loadGapReport } from '../db/queries/gaps.ts';
import { sourceLines } from '../db/queries/sources.ts';
import { loadTraceContextFor } from '../db/queries/requirement-trace.ts';
import type { AppDeps } from '../deps.ts';
import { readForm, singleValues } from '../http/forms.ts';
import { callerOf } from '../auth/context.ts';
import { isFragmentRequest, notFound, respond, respondError } from '../http/render.tsx';
import { describeIssues, validParams } from '../http/validate.ts';
import { issueText } from '../../views/i18n/issues.ts';

const personnelCellQuery = z.strictObject({ service: elementKeySchema, group: elementKeySchema, vis: z.literal('1').optional() });
const exchangeCellQuery = z.strictObject({ service: elementKeySchema, actor: elementKeySchema, vis: z.literal('1').optional() });
const gapPanelQuery = z.strictObject({ for: z.enum(['personell', 'aktorer'], { error: 'gaps.panel.for' }) });


function invalid(c: Context, details: string[]) {
  const { t } = c.var.i18n;
  return respondError(c, { status: 422, title: t('matrix.error.invalid.title'), message: t('matrix.error.invalid.message'), details: details.map((message) => issueText({ message }, c.var.i18n)) });
}

/** What a stale cell editor says: someone saved first, nothing was written, and what the cell holds now. */
function staleCell(c: Context, now: string): string {
  return c.var.i18n.t('matrix.error.stale', { now });
}

/** The links between elements: matrix cells, a service's own links, bulk moves, the gap panel. */
export function linkRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();
  /**
   * The frame and one service with its links: what the service-link editor and a matrix cell show
   * (a cell is one service against a frame element), not the whole model.
   */
  const loadService = async (key: string) => {
    const model = await loadModelSlice(db, {
      services: (q) => q.selectFrom('element').select('id').where('kind', '=', 'informationService').where('key', '=', key),
      requirements: 'none',
      municipalities: false,
    });
    return { model, index: indexModel(model) };
  };

  app.get('/gapanalyse/panel', validParams('query', gapPanelQuery), async (c) => {
    const panel = <GapPanel gaps={await loadGapReport(db, gapPanelLimit)} focus={c.req.valid('query').for} />;
    return respond(c, { title: 'Hull', body: panel, fragment: panel });
  });

  app.get('/matriser/personellgrupper/celle', validParams('query', personnelCellQuery), async (c) => {
    const q = c.req.valid('query');
    const { model, index } = await loadService(q.service);
    const service = index.byKey('informationService', q.service);
    const group = index.byKey('personnelGroup', q.group);
    if (!service || !group) return notFound(c, c.var.i18n.t('matrix.error.notFound.personnel'));
    const usage = personnelMatrix(model, [service]).usage(service.id, group.id);
    return c.html(
      q.vis ? (
        <PersonnelCell service={service} group={group} usage={usage} canEdit focus />
      ) : (
        <PersonnelCellEditor service={service} group={group} usage={usage} />
      ),
    );
  });

  app.post('/matriser/personellgrupper/celle', async (c) => {
    const parsed = personnelCellSchema.safeParse(singleValues(await readForm(c)));
    if (!parsed.success) return invalid(c, describeIssues(parsed.error));
    const { service: serviceKey, group: groupKey, usage, vist } = parsed.data;
    const result = await setPersonnelCell(db, callerOf(c), serviceKey, groupKey, usage, vist);
    if (!result.ok && result.reason === 'invalid') return invalid(c, result.errors);
    const { model, index } = await loadService(serviceKey);
    const service = index.byKey('informationService', serviceKey)!;
    const group = index.byKey('personnelGroup', groupKey)!;
    if (!result.ok) {
      // Someone else saved the cell after this editor opened: show what is there now, nothing written.
      const current = personnelMatrix(model, [service]).usage(service.id, group.id);
      c.status(409);
      return c.html(<PersonnelCellEditor service={service} group={group} usage={current} error={staleCell(c, c.var.i18n.t(current ? `domain.usage.${current}` : 'matrix.editor.noLink'))} />);
    }
    c.header('HX-Trigger', 'linksChanged');
    if (!isFragmentRequest(c)) return c.redirect('/matriser/personellgrupper', 303);
    return c.html(<PersonnelCell service={service} group={group} usage={personnelMatrix(model, [service]).usage(service.id, group.id)} canEdit focus />);
  });

  app.get('/matriser/aktorer/celle', validParams('query', exchangeCellQuery), async (c) => {
    const q = c.req.valid('query');
    const { model, index } = await loadService(q.service);
    const service = index.byKey('informationService', q.service);
    const actor = index.byKey('actor', q.actor);
    if (!service || !actor) return notFound(c, c.var.i18n.t('matrix.error.notFound.actor'));
    const matrix = actorMatrix(model, index, [service]);
    const cell = matrix.exchanges(service.id, actor.id);
    return c.html(
      q.vis ? (
        <ExchangeCellView service={service} actor={actor} cell={cell} canEdit focus />
      ) : (
        <ExchangeCellEditor service={service} actor={actor} cell={cell} modes={matrix.modes} needLevels={matrix.needLevels} />
      ),
    );
  });

  app.post('/matriser/aktorer/celle', async (c) => {
    const { t, name } = c.var.i18n;
    const form = singleValues(await readForm(c));
    const parsed = exchangeCellSchema.safeParse(form);
    if (!parsed.success) return invalid(c, describeIssues(parsed.error));
    const modes: Record<string, string | null | undefined> = {};
    const errors: string[] = [];
    if (Object.keys(form).filter((field) => field.startsWith('mode-')).length > 50) {
      return invalid(c, [t('matrix.error.tooManyModes')]);
    }
    for (const [field, value] of Object.entries(form)) {
      if (!field.startsWith('mode-')) continue;
      const modeKey = elementKeySchema.safeParse(field.slice(5));
      const v = exchangeModeValueSchema.safeParse(value);
      if (!modeKey.success || !v.success) {
        errors.push(v.success ? t('matrix.error.unknownMode', { field }) : t('matrix.error.badModeValue', { field, message: v.error.issues[0] ? issueText(v.error.issues[0], c.var.i18n) : '' }));
        continue;
      }
      modes[modeKey.data] = v.data === '' ? undefined : v.data === 'uvurdert' ? null : v.data;
    }
    if (errors.length > 0) return invalid(c, errors);
    if (Object.keys(modes).length === 0) return invalid(c, [t('matrix.error.noModes')]);
    const result = await setExchangeCell(db, callerOf(c), parsed.data.service, parsed.data.actor, modes, parsed.data.version);
    if (!result.ok && result.reason === 'invalid') return invalid(c, result.errors);
    const { model, index } = await loadService(parsed.data.service);
    const service = index.byKey('informationService', parsed.data.service)!;
    const actor = index.byKey('actor', parsed.data.actor)!;
    if (!result.ok) {
      const matrix = actorMatrix(model, index, [service]);
      const cell = matrix.exchanges(service.id, actor.id);
      const now =
        cell.length === 0
          ? t('matrix.editor.noLink')
          : cell.map((x) => t('matrix.error.staleMode', { mode: name(x.mode), need: x.needLevel ? name(x.needLevel) : t('matrix.need.unassessedLower') })).join(', ');
      c.status(409);
      return c.html(<ExchangeCellEditor service={service} actor={actor} cell={cell} modes={matrix.modes} needLevels={matrix.needLevels} error={staleCell(c, now)} />);
    }
    c.header('HX-Trigger', 'linksChanged');
    if (!isFragmentRequest(c)) return c.redirect('/matriser/aktorer', 303);
    return c.html(<ExchangeCellView service={service} actor={actor} cell={actorMatrix(model, index, [service]).exchanges(service.id, actor.id)} canEdit focus />);
  });

  app.get('/informasjonstjenester/:key/koblinger', async (c) => {
    const { model, index } = await loadService(c.req.param('key'));
    const service = index.byKey('informationService', c.req.param('key'));
    if (!service) return notFound(c, c.var.i18n.t('diagrams.service.notFound', { key: c.req.param('key') }));
    const keysOf = (ids: number[]) => new Set(ids.map((id) => index.byId.get(id)?.key ?? ''));
    const form = (
      <ServiceLinksForm
        service={service}
        model={model}
        index={index}
        selected={{
          capabilities: keysOf(model.links.serviceCapabilities.filter((l) => l.serviceId === service.id).map((l) => l.capabilityId)),
          goals: keysOf(model.links.serviceGoals.filter((l) => l.serviceId === service.id).map((l) => l.goalId)),
          projects: keysOf(model.links.serviceDependencies.filter((l) => l.serviceId === service.id).map((l) => l.projectId)),
        }}
      />
    );
    return respond(c, { title: c.var.i18n.t('links.serviceLinks.title', { name: c.var.i18n.name(service) }), body: form, fragment: form });
  });

  app.post('/informasjonstjenester/:key/koblinger', async (c) => {
    const key = c.req.param('key');
    const body = await readForm(c);
    const version = versionSchema.safeParse(singleValues(body));
    const parsed = serviceLinksSchema.safeParse(body);
    const reshow = async (errors: string[], status: 409 | 422) => {
      const { model, index } = await loadService(key);
      const service = index.byKey('informationService', key);
      if (!service) return notFound(c, c.var.i18n.t('diagrams.service.notFound', { key }));
      const sets = parsed.success ? parsed.data : { capabilities: [], goals: [], projects: [] };
      const form = (
        <ServiceLinksForm
          service={service}
          model={model}
          index={index}
          selected={{ capabilities: new Set(sets.capabilities), goals: new Set(sets.goals), projects: new Set(sets.projects) }}
          errors={errors}
        />
      );
      c.header('HX-Retarget', '#tjeneste-koblinger');
      c.header('HX-Reswap', 'outerHTML');
      return respond(c, { title: c.var.i18n.t('links.serviceLinks.heading'), body: form, fragment: form, status });
    };
    if (!version.success) return reshow(describeIssues(version.error), 422);
    if (!parsed.success) return reshow(describeIssues(parsed.error), 422);
    const result = await setServiceLinks(db, callerOf(c), key, version.data.version, parsed.data);
    if (!result.ok) {
      return result.reason === 'invalid'
        ? reshow(result.errors.map((message) => issueText({ message }, c.var.i18n)), 422)
        : reshow([c.var.i18n.t('links.serviceLinks.stale')], 409);
    }
    if (!isFragmentRequest(c)) return c.redirect(`/informasjonstjenester/${key}`, 303);
    const found = await loadNeighbourhood(db, 'informationService', key);
    if (!found) return notFound(c, c.var.i18n.t('diagrams.service.notFound', { key }));
    const { element: service, model, index } = found;
    const excerpt = service.source ? await sourceLines(db, service.source) : null;
    c.header('HX-Trigger', 'linksChanged');
    const history = await historyFor(c, db, service.id);
    return c.html(<ElementDetailPage element={service} model={model} index={index} excerpt={excerpt} canEdit notice={c.var.i18n.t('links.serviceLinks.saved')} history={history} trace={await loadTraceContextFor(db, model)} />);
  });

  app.post('/informasjonstjenester/flytt', async (c) => {
    const parsed = bulkMoveSchema.safeParse(await readForm(c));
    const message = (text: string, ok: boolean) => (
      <p class="ds-validation-message" data-color={ok ? 'success' : 'danger'}>
        {text}
      </p>
    );
    if (!parsed.success) {
      return c.html(message(describeIssues(parsed.error).map((d) => d.replace(/^[a-z]+: /, '')).join(' '), false), 422);
    }
    const result = await moveServices(db, callerOf(c), parsed.data.services, { tier: parsed.data.tier, category: parsed.data.category });
    if (!result.ok && result.reason === 'conflict') {
      const stale = c.var.i18n.list(result.stale ?? []);
      return c.html(message(c.var.i18n.t('links.bulkMove.stale', { services: stale }), false), 409);
    }
    if (!result.ok) return c.html(message(result.errors.map((said) => issueText({ message: said }, c.var.i18n)).join(' '), false), 422);
    if (!isFragmentRequest(c)) return c.redirect('/informasjonstjenester', 303);
    c.header('HX-Trigger', 'scopeChanged');
    return c.html(message(c.var.i18n.t('links.bulkMove.moved', { count: result.moved ?? 0 }), true));
  });

  return app;
}
