import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { chapterInputSchema, numberChapters } from '../../model/requirements.ts';
import { ChaptersPage, ChaptersSection, TypesPage, TypesSection, type StructureMessages } from '../../views/pages/requirement-structure.tsx';
import { callerOf } from '../auth/context.ts';
import {
  createChapter,
  createRequirementType,
  renameRequirementType,
  reorderChapter,
  updateChapter,
  type FieldErrors,
} from '../commands/requirement-structure.ts';
import { chapterCounts, loadChapters, loadRequirementTypes } from '../db/queries/requirement-structure.ts';
import type { AppDeps } from '../deps.ts';
import { readForm, singleValues } from '../http/forms.ts';
import { canEditRequirements } from '../http/permissions.ts';
import { isFragmentRequest, notFound, respond } from '../http/render.tsx';
import { issueText } from '../../views/i18n/issues.ts';

/** Zod issues as field → message, the first per field. */
function issuesByField(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? 'skjema')] ??= issueText(issue);
  return errors;
}

const versionField = z.string().regex(/^\d+$/).transform(Number);
const idParam = z.string().regex(/^\d{1,9}$/).transform(Number);
const typeLabelSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(200));

/** Chapters and requirement types (issue 13): their pages and the forms that change them. */
export function requirementStructureRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  const translate = (c: Context, errors: FieldErrors) => Object.fromEntries(Object.entries(errors).map(([f, key]) => [f, c.var.i18n.t(key)]));

  /** The chapter section as it is now, with the outcome; a plain form post goes back to the page. */
  const chapters = async (c: Context, messages: StructureMessages, status: 200 | 409 | 422 = 200) => {
    if (!isFragmentRequest(c) && status === 200) return c.redirect('/krav/kapitler', 303);
    const [list, counts] = await Promise.all([loadChapters(db), chapterCounts(db)]);
    const props = { chapters: list, counts, canEdit: canEditRequirements(c), ...messages };
    return respond(c, { title: c.var.i18n.t('requirement.chapters.title'), body: <ChaptersPage {...props} />, fragment: <ChaptersSection {...props} />, status });
  };

  app.get('/krav/kapitler', async (c) => {
    const [list, counts] = await Promise.all([loadChapters(db), chapterCounts(db)]);
    const props = { chapters: list, counts, canEdit: canEditRequirements(c) };
    return respond(c, { title: c.var.i18n.t('requirement.chapters.title'), body: <ChaptersPage {...props} />, fragment: <ChaptersSection {...props} /> });
  });

  app.post('/krav/kapitler', async (c) => {
    const form = singleValues(await readForm(c));
    const parsed = chapterInputSchema.safeParse(form);
    if (!parsed.success) return chapters(c, { failed: { form: 'ny', values: form, errors: issuesByField(parsed.error.issues) } }, 422);
    const result = await createChapter(db, callerOf(c), parsed.data);
    if (result.kind !== 'ok') return chapters(c, { failed: { form: 'ny', values: form, errors: result.kind === 'invalid' ? translate(c, result.errors) : {} } }, 422);
    return chapters(c, { notice: c.var.i18n.t('requirement.chapters.created', { name: parsed.data.name }) });
  });

  app.post('/krav/kapitler/:id', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) return notFound(c, c.var.i18n.t('errors.refused.chapterGone'));
    const form = singleValues(await readForm(c));
    const formId = String(id.data);
    const parsed = chapterInputSchema.safeParse(form);
    const version = versionField.safeParse(form.version);
    if (!parsed.success || !version.success) {
      const errors = parsed.success ? { name: c.var.i18n.t('validation.element.versionMissing') } : issuesByField(parsed.error.issues);
      return chapters(c, { failed: { form: formId, values: form, errors } }, 422);
    }
    const result = await updateChapter(db, callerOf(c), id.data, { ...parsed.data, version: version.data });
    if (result.kind === 'invalid') return chapters(c, { failed: { form: formId, values: form, errors: translate(c, result.errors) } }, 422);
    if (result.kind === 'stale') {
      const all = numberChapters(await loadChapters(db));
      const label = (parent: string | null | undefined) => {
        const chapter = all.find((x) => String(x.id) === parent);
        return chapter ? `${chapter.number} ${chapter.name}` : c.var.i18n.t('requirement.chapters.topLevel');
      };
      const theirs = { name: result.current.name, parent: result.current.parentId === null ? '' : String(result.current.parentId) };
      const fields = [
        { label: c.var.i18n.t('requirement.chapters.name'), mine: form.name ?? '', theirs: theirs.name },
        { label: c.var.i18n.t('requirement.chapters.parent'), mine: label(form.parent), theirs: label(theirs.parent) },
      ].filter((f) => f.mine.trim() !== f.theirs.trim());
      return chapters(c, { stale: { form: formId, fields, values: form } }, 409);
    }
    return chapters(c, { notice: c.var.i18n.t('requirement.chapters.saved', { name: parsed.data.name }) });
  });

  app.post('/krav/kapitler/:id/flytt', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) return notFound(c, c.var.i18n.t('errors.refused.chapterGone'));
    const form = singleValues(await readForm(c));
    const version = versionField.safeParse(form.version);
    const direction = form.retning === 'opp' ? 'up' : form.retning === 'ned' ? 'down' : null;
    if (!version.success || direction === null) {
      return chapters(c, { failed: { form: String(id.data), values: {}, errors: { name: c.var.i18n.t('requirement.chapters.error.direction') } } }, 422);
    }
    const result = await reorderChapter(db, callerOf(c), id.data, direction, version.data);
    if (result.kind === 'stale') return chapters(c, { stale: { form: String(id.data), fields: [], values: {} } }, 409);
    return chapters(c, { notice: c.var.i18n.t('requirement.chapters.reordered') });
  });

  const types = async (c: Context, messages: StructureMessages, status: 200 | 409 | 422 = 200) => {
    if (!isFragmentRequest(c) && status === 200) return c.redirect('/krav/typer', 303);
    const props = { types: await loadRequirementTypes(db), canEdit: canEditRequirements(c), ...messages };
    return respond(c, { title: c.var.i18n.t('requirement.types.title'), body: <TypesPage {...props} />, fragment: <TypesSection {...props} />, status });
  };

  app.get('/krav/typer', async (c) => {
    const props = { types: await loadRequirementTypes(db), canEdit: canEditRequirements(c) };
    return respond(c, { title: c.var.i18n.t('requirement.types.title'), body: <TypesPage {...props} />, fragment: <TypesSection {...props} /> });
  });

  app.post('/krav/typer', async (c) => {
    const form = singleValues(await readForm(c));
    const label = typeLabelSchema.safeParse(form.label ?? '');
    if (!label.success) return types(c, { failed: { form: 'ny', values: form, errors: { label: c.var.i18n.t('requirement.types.error.label') } } }, 422);
    const result = await createRequirementType(db, callerOf(c), { label: label.data });
    if (result.kind === 'invalid') return types(c, { failed: { form: 'ny', values: form, errors: translate(c, result.errors) } }, 422);
    return types(c, { notice: c.var.i18n.t('requirement.types.created', { name: label.data }) });
  });

  app.post('/krav/typer/:key', async (c) => {
    const key = c.req.param('key');
    const form = singleValues(await readForm(c));
    const formId = `type-${key}`;
    const label = typeLabelSchema.safeParse(form.label ?? '');
    if (!/^[a-z0-9-]{1,60}$/.test(key)) return notFound(c, c.var.i18n.t('errors.refused.noRequirementType'));
    if (!label.success) return types(c, { failed: { form: formId, values: form, errors: { label: c.var.i18n.t('requirement.types.error.label') } } }, 422);
    const result = await renameRequirementType(db, callerOf(c), key, { label: label.data, shown: form.shown ?? '' });
    if (result.kind === 'invalid') return types(c, { failed: { form: formId, values: form, errors: translate(c, result.errors) } }, 422);
    if (result.kind === 'stale') {
      const fields = [{ label: c.var.i18n.t('requirement.types.label'), mine: label.data, theirs: result.current.label }];
      return types(c, { stale: { form: formId, fields, values: form } }, 409);
    }
    return types(c, { notice: c.var.i18n.t('requirement.types.saved', { name: label.data }) });
  });

  return app;
}
