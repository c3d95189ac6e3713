import type { Context } from 'hono';
import { Hono } from 'hono';
import { changedFields, deleteRequestSchema, elementInputSchemas, refOptions, toFormValues, versionSchema, type RefOptions } from '../../model/editing.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ScopeModel } from '../../model/schemas.ts';
import { requirementChoices } from '../db/queries/requirement-structure.ts';
import { elementHref, kindByPath, kindInfo, kindPathParam, type ElementKind } from '../../model/kinds.ts';
import { indexModel } from '../../model/lookup.ts';
import { ElementDetailPage } from '../../views/pages/element-detail.tsx';
import { ConflictView, CreatePanel, DeleteConfirm, EditForm } from '../../views/pages/edit.tsx';
import { ElementTable } from '../../views/pages/elements.tsx';
import { CapabilityTree } from '../../views/pages/capabilities.tsx';
import { createElement, deleteElement, moveElement, updateElement } from '../commands/scope.ts';
import { historyFor } from '../http/history.ts';
import { loadModelSlice, oneElementSlice } from '../db/queries/model.ts';
import { loadNeighbourhood } from '../db/queries/neighbourhood.ts';
import { capabilityServiceCounts, listCounts } from '../db/queries/element-lists.ts';
import { sourceLines } from '../db/queries/sources.ts';
import { loadTraceContextFor } from '../db/queries/requirement-trace.ts';
import type { AppDeps } from '../deps.ts';
import { fieldErrors, issueMessage, readForm, singleValues } from '../http/forms.ts';
import { callerOf } from '../auth/context.ts';
import { isFragmentRequest, notFound, respond, respondError } from '../http/render.tsx';
import { issueText } from '../../views/i18n/issues.ts';


/** Where to go after a change when the browser has no htmx: back to the page. */
function seeOther(c: Context, location: string) {
  return c.redirect(location, 303);
}

/**
 * The architect's workspace: create, edit, delete and reorder every kind of element, in place
 * with htmx. Registered before the read-only pages so `/…/ny` is not taken for a key.
 */
export function editRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();
  /**
   * What a form reads: the frame (its choices are all frame kinds) and, for a service or a
   * requirement, that one element, never the other services and requirements.
   */
  const load = async (kind?: ElementKind, key?: string) => {
    const frameOnly = { services: 'none', requirements: 'none', municipalities: false } as const;
    const model = await loadModelSlice(db, kind !== undefined && key !== undefined ? oneElementSlice(kind, key) : frameOnly);
    return { model, index: indexModel(model) };
  };
  /** The reference fields' choices; a requirement's form also chooses a chapter and a type. */
  const optionsFor = async (kind: ElementKind, model: ScopeModel, index: ModelIndex, exceptCapability?: number): Promise<RefOptions> => {
    const options = refOptions(model, index, exceptCapability);
    return kind === 'requirement' ? { ...options, lists: await requirementChoices(db) } : options;
  };
  const kindOf = (c: Context): ElementKind | undefined => kindByPath.get(c.req.param('kindPath') ?? '');

  app.get(`/${kindPathParam}/ny`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const { model, index } = await load();
    const open = c.req.query('lukk') === undefined;
    const panel = <CreatePanel kind={kind} open={open} state={{ values: { tentative: '' }, errors: {} }} options={await optionsFor(kind, model, index)} />;
    return respond(c, { title: c.var.i18n.t(`kinds.${kind}.new`), body: panel, fragment: panel });
  });

  app.post(`/${kindPathParam}`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const form = singleValues(await readForm(c));
    const parsed = elementInputSchemas[kind].safeParse(form);
    const invalid = async (said: Record<string, string>) => {
      // The use case's field messages are say() keys (or text as written): said in the reader's language.
      const errors = Object.fromEntries(Object.entries(said).map(([field, message]) => [field, issueText({ message }, c.var.i18n)]));
      const { model, index } = await load();
      const panel = <CreatePanel kind={kind} open state={{ values: form, errors }} options={await optionsFor(kind, model, index)} />;
      return respond(c, { title: c.var.i18n.t(`kinds.${kind}.new`), body: panel, fragment: panel, status: 422 });
    };
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const result = await createElement(db, callerOf(c), kind, parsed.data);
    if (!result.ok) return result.reason === 'invalid' ? invalid(result.errors) : respondError(c, { status: 500, title: c.var.i18n.t('errors.title.500'), message: c.var.i18n.t('scope.create.failed') });
    if (!isFragmentRequest(c)) return seeOther(c, elementHref(kind, result.key));
    const { model, index } = await load();
    c.header('HX-Trigger', 'scopeChanged');
    return c.html(
      <CreatePanel kind={kind} open state={{ values: {}, errors: {} }} options={await optionsFor(kind, model, index)} created={{ key: result.key, name: String(parsed.data.name) }} />,
    );
  });

  app.get(`/${kindPathParam}/:key/rediger`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const { model, index } = await load(kind, c.req.param('key'));
    const element = index.byKey(kind, c.req.param('key'));
    if (!element) return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key: c.req.param('key') }));
    const form = (
      <EditForm
        element={element}
        state={{ values: toFormValues(element, index), errors: {} }}
        options={await optionsFor(kind, model, index, element.kind === 'capability' ? element.id : undefined)}
        version={element.version}
      />
    );
    return respond(c, { title: c.var.i18n.t('scope.edit.pageTitle', { name: c.var.i18n.name(element) }), body: form, fragment: form });
  });

  app.post(`/${kindPathParam}/:key`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const key = c.req.param('key');
    const form = singleValues(await readForm(c));
    const version = versionSchema.safeParse(form);
    const parsed = elementInputSchemas[kind].safeParse(form);
    const invalid = async (said: Record<string, string>) => {
      const errors = Object.fromEntries(Object.entries(said).map(([field, message]) => [field, issueText({ message }, c.var.i18n)]));
      const { model, index } = await load(kind, key);
      const element = index.byKey(kind, key);
      if (!element) return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key: key }));
      const view = (
        <EditForm
          element={element}
          state={{ values: form, errors }}
          options={await optionsFor(kind, model, index, element.kind === 'capability' ? element.id : undefined)}
          version={version.success ? version.data.version : element.version}
        />
      );
      return respond(c, { title: c.var.i18n.t('scope.edit.pageTitle', { name: c.var.i18n.name(element) }), body: view, fragment: view, status: 422 });
    };
    if (!version.success) return invalid({ skjema: issueMessage(version.error.issues[0]) });
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const result = await updateElement(db, callerOf(c), kind, key, version.data.version, parsed.data);
    if (!result.ok) {
      if (result.reason === 'not-found') return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key: key }));
      if (result.reason === 'invalid') return invalid(result.errors);
      const view = (
        <ConflictView element={result.current} submitted={form} current={result.currentValues} changed={changedFields(kind, form, result.currentValues)} />
      );
      return respond(c, { title: c.var.i18n.t('scope.edit.pageTitle', { name: c.var.i18n.name(result.current) }), body: view, fragment: view, status: 409 });
    }
    if (!isFragmentRequest(c)) return seeOther(c, elementHref(kind, result.key));
    const found = await loadNeighbourhood(db, kind, result.key);
    if (!found) return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key: result.key }));
    const { element, model, index, services } = found;
    const excerpt = element.source ? await sourceLines(db, element.source) : null;
    c.header('HX-Trigger', 'scopeChanged');
    const history = await historyFor(c, db, element.id);
    return c.html(<ElementDetailPage element={element} model={model} index={index} services={services} excerpt={excerpt} canEdit notice={c.var.i18n.t('scope.edit.saved')} history={history} trace={await loadTraceContextFor(db, model)} />);
  });

  app.post(`/${kindPathParam}/:key/slett`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const form = singleValues(await readForm(c));
    const request = deleteRequestSchema.safeParse(form);
    if (!request.success) {
      return respondError(c, { status: 400, title: c.var.i18n.t('errors.title.400'), message: c.var.i18n.t('scope.delete.noVersion') });
    }
    const result = await deleteElement(db, callerOf(c), kind, c.req.param('key'), request.data);
    if (!result.ok) {
      if (result.reason === 'not-found') return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key: c.req.param('key') }));
      if (result.reason === 'conflict') {
        return respondError(c, {
          status: 409,
          title: c.var.i18n.t('scope.delete.conflict.title'),
          message: c.var.i18n.t('scope.delete.conflict.text'),
        });
      }
      const view = <DeleteConfirm impact={result.impact} fingerprint={result.fingerprint} changed={result.changed} />;
      return respond(c, { title: c.var.i18n.t('scope.delete.pageTitle'), body: view, fragment: view });
    }
    const list = `/${kindInfo[kind].path}`;
    if (isFragmentRequest(c)) {
      c.header('HX-Redirect', list);
      return c.body(null, 204);
    }
    return seeOther(c, list);
  });

  app.post(`/${kindPathParam}/:key/flytt`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const form = singleValues(await readForm(c));
    if (form.retning !== 'opp' && form.retning !== 'ned') {
      return respondError(c, { status: 400, title: c.var.i18n.t('errors.title.400'), message: c.var.i18n.t('scope.move.direction') });
    }
    const direction = form.retning === 'opp' ? 'up' : 'down';
    if (!/^-?[0-9]{1,9}$/.test(form.plass ?? '')) {
      return respondError(c, { status: 422, title: c.var.i18n.t('scope.move.noPlace.title'), message: c.var.i18n.t('scope.move.noPlace.text') });
    }
    const key = c.req.param('key');
    const moved = await moveElement(db, callerOf(c), kind, key, direction, Number(form.plass));
    if (moved === 'not-found') return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key: key }));
    const back = kind === 'capability' ? '/funksjonsomrader' : `/${kindInfo[kind].path}`;
    if (moved === 'stale' && !isFragmentRequest(c)) {
      return respondError(c, { status: 409, title: c.var.i18n.t('scope.move.stale.title'), message: c.var.i18n.t('scope.move.stale.text') });
    }
    // A stale move redraws the list as it is now (409), so the user sees the order before trying again.
    if (moved === 'stale') c.status(409);
    if (!isFragmentRequest(c)) return seeOther(c, back);
    if (kind === 'informationService' || kind === 'requirement') {
      // Their lists are paged and show no move buttons: the list is fetched again whole.
      c.header('HX-Redirect', back);
      return c.body(null, 204);
    }
    const model = await loadModelSlice(db, { services: 'none', requirements: 'none', municipalities: false });
    const index = indexModel(model);
    if (kind === 'capability') {
      return c.html(<CapabilityTree model={model} index={index} serviceCounts={await capabilityServiceCounts(db)} canEdit moved={{ key, direction }} />);
    }
    return c.html(
      <ElementTable kind={kind} model={model} index={index} elements={model.elements[kind]} counts={await listCounts(db, kind)} canEdit selfUrl={back} moved={{ key, direction }} />,
    );
  });

  return app;
}
