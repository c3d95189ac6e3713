import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { baselineInputSchema, diffBaselines, diffCsv, diffMarkdown, type BaselineDiff, type BaselineSnapshot, type DiffGrouping } from '../../model/baselines.ts';
import { baselineWording } from '../../views/pages/baseline-wording.ts';
import { BaselineComparePage, BaselineListPage } from '../../views/pages/baselines.tsx';
import type { I18n } from '../../views/i18n/index.ts';
import { callerOf } from '../auth/context.ts';
import { freezeBaseline } from '../commands/baselines.ts';
import { baselineSummary, currentSnapshot, diffStoredBaselines, listBaselines, loadBaseline } from '../db/queries/baselines.ts';
import type { AppDeps } from '../deps.ts';
import { readForm, singleValues } from '../http/forms.ts';
import { canEditRequirements } from '../http/permissions.ts';
import { notFound, respond } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

// Messages are catalogue keys, said in the reader's language by `validParams`.
const compareQuery = z.strictObject({
  fra: z.string().regex(/^\d+$/, 'baselines.error.from'),
  til: z.string().regex(/^(\d+|naa)$/, 'baselines.error.to'),
  gruppering: z.enum(['type', 'kapittel'], { error: 'baselines.error.grouping' }).optional(),
});
const idParam = z.object({ id: z.string().regex(/^\d+$/, 'baselines.error.id') });
const diffParams = z.object({
  from: z.string().regex(/^\d+$/, 'baselines.error.id'),
  to: z.string().regex(/^(\d+|now)$/, 'baselines.error.diffTo'),
});

/** The freeze form's messages (the model's bokmål rules, by which limit they break). */
function freezeError(i18n: I18n, field: string, issue: { code: string; maximum?: unknown }): string {
  if (issue.code === 'too_big') return i18n.t(field === 'description' ? 'baselines.error.descriptionTooLong' : 'baselines.error.nameTooLong', { maximum: Number(issue.maximum) });
  return i18n.t('baselines.error.nameMissing');
}

/** Baselines: the list and freezing (`/baselines`), the comparison and its exports, and the JSON API. */
export function baselineRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();

  /**
   * Two baselines' diff from their compact forms (only what differs is read), or, with "now" or
   * a baseline frozen before the compact form existed, from the whole snapshots.
   */
  const diffOf = async (i18n: I18n, fromId: string, toId: string): Promise<{ from: { id: string; label: string }; to: { id: string; label: string }; diff: BaselineDiff } | undefined> => {
    const wording = baselineWording(i18n);
    if (/^\d+$/.test(fromId) && /^\d+$/.test(toId)) {
      const [fromSummary, toSummary] = await Promise.all([baselineSummary(db, Number(fromId)), baselineSummary(db, Number(toId))]);
      if (!fromSummary || !toSummary) return undefined;
      const diff = await diffStoredBaselines(db, fromSummary.id, toSummary.id, wording);
      if (diff) return { from: { id: fromId, label: fromSummary.name }, to: { id: toId, label: toSummary.name }, diff };
    }
    const [from, to] = await Promise.all([side(i18n, fromId), side(i18n, toId)]);
    if (!from || !to) return undefined;
    return { from, to, diff: diffBaselines(from.snapshot, to.snapshot, wording) };
  };

  /** A side of a comparison: a baseline by id, or the model now. */
  const side = async (i18n: I18n, id: string): Promise<{ id: string; label: string; snapshot: BaselineSnapshot } | undefined> => {
    if (id === 'naa' || id === 'now') return { id: 'naa', label: i18n.t('baselines.compare.now'), snapshot: await currentSnapshot(db, now()) };
    const found = await loadBaseline(db, Number(id));
    return found ? { id, label: found.summary.name, snapshot: found.snapshot } : undefined;
  };

  const listPage = async (c: Context, extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string } = {}, status: 200 | 422 = 200) => {
    const page = <BaselineListPage baselines={await listBaselines(db)} canFreeze={canEditRequirements(c)} {...extra} />;
    return respond(c, { title: c.var.i18n.t('baselines.title'), body: page, fragment: page, status });
  };

  app.get('/baselines', (c) => listPage(c));

  app.post('/baselines', async (c) => {
    const form = singleValues(await readForm(c));
    const parsed = baselineInputSchema.safeParse(form);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        errors[field] ??= freezeError(c.var.i18n, field, issue);
      }
      return listPage(c, { values: form, errors }, 422);
    }
    const result = await freezeBaseline(db, callerOf(c), parsed.data);
    if (!result.ok) return listPage(c, { values: form, errors: { name: c.var.i18n.t('baselines.error.taken', { name: result.name }) } }, 422);
    return listPage(c, { notice: c.var.i18n.t('baselines.frozen', { name: result.name }) });
  });

  const compare = async (c: Context, q: z.infer<typeof compareQuery>) => {
    const grouping: DiffGrouping = q.gruppering === 'kapittel' ? 'chapter' : 'kind';
    const diff = await diffOf(c.var.i18n, q.fra, q.til);
    if (!diff) return undefined;
    return { ...diff, grouping };
  };

  /** A comparison asked for without saying of what: the list, where the two are chosen. */
  const chooseFirst = async (c: Context, next: () => Promise<void>) => {
    if (c.req.query('fra') === undefined && c.req.query('til') === undefined) return c.redirect('/baselines', 303);
    await next();
  };

  app.get('/baselines/sammenlign', chooseFirst, validParams('query', compareQuery), async (c) => {
    const result = await compare(c, c.req.valid('query'));
    if (!result) return notFound(c, c.var.i18n.t('baselines.error.notFound'));
    const page = (
      <BaselineComparePage
        baselines={await listBaselines(db)}
        from={{ id: result.from.id, label: result.from.label }}
        to={{ id: result.to.id, label: result.to.label }}
        grouping={result.grouping}
        diff={result.diff}
      />
    );
    return respond(c, { title: c.var.i18n.t('baselines.compare.title', { from: result.from.label, to: result.to.label }), body: page });
  });

  app.get('/baselines/sammenlign.csv', chooseFirst, validParams('query', compareQuery), async (c) => {
    const result = await compare(c, c.req.valid('query'));
    if (!result) return notFound(c, c.var.i18n.t('baselines.error.notFound'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="endringer-${result.from.id}-${result.to.id}.csv"`);
    return c.body(diffCsv(result.diff, baselineWording(c.var.i18n)));
  });

  app.get('/baselines/sammenlign.md', chooseFirst, validParams('query', compareQuery), async (c) => {
    const result = await compare(c, c.req.valid('query'));
    if (!result) return notFound(c, c.var.i18n.t('baselines.error.notFound'));
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="endringer-${result.from.id}-${result.to.id}.md"`);
    return c.body(diffMarkdown(result.diff, { from: result.from.label, to: result.to.label }, baselineWording(c.var.i18n), result.grouping));
  });

  // JSON ---------------------------------------------------------------------------------------
  app.get('/api/baselines', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ baselines: await listBaselines(db) });
  });

  app.get('/api/baselines/:id', validParams('param', idParam), async (c) => {
    const found = await loadBaseline(db, Number(c.req.valid('param').id));
    if (!found) return c.json({ error: { code: 'not_found', message: c.var.i18n.t('baselines.error.notFound') } }, 404);
    const { snapshot, summary } = found;
    return c.json({
      ...snapshot.model,
      baseline: summary,
      requirementChapters: snapshot.requirementChapters,
      requirementRelations: snapshot.requirementRelations,
      requirementTypes: snapshot.requirementTypes,
    });
  });

  app.get('/api/baselines/:from/diff/:to', validParams('param', diffParams), async (c) => {
    const p = c.req.valid('param');
    const result = await diffOf(c.var.i18n, p.from, p.to);
    if (!result) return c.json({ error: { code: 'not_found', message: c.var.i18n.t('baselines.error.notFound') } }, 404);
    const fromSummary = await baselineSummary(db, Number(p.from));
    c.header('Cache-Control', 'no-store');
    return c.json({
      from: fromSummary,
      to: p.to === 'now' ? 'now' : await baselineSummary(db, Number(p.to)),
      diff: result.diff,
    });
  });

  return app;
}
