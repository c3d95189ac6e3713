import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { pageQuerySchema } from '../../../model/consultation.ts';
import { exportFormat } from '../../../model/export-format.ts';
import { say } from '../../../model/messages.ts';
import { buildReport, reportCsv, reportMarkdown, tally, type ReportLanguage } from '../../../model/consultation-report.ts';
import { OrganisationCommentsPage } from '../../../views/pages/consultation/organisation.tsx';
import { ReportPage } from '../../../views/pages/consultation/report.tsx';
import { organisationById } from '../../db/queries/accounts.ts';
import { allComments, organisationComments, roundReplies, tallyRows } from '../../db/queries/consultation-comments.ts';
import { roundItems } from '../../db/queries/consultation-rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { loadRound, missing, readerOf, roundParam } from './common.ts';

/** A file name people can recognise: the round's title in ASCII, with its id. */
function fileName(c: Context, round: { id: number; title: string }, extension: string): string {
  const slug = round.title
    .normalize('NFKD')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return `${c.var.i18n.t('consultation.report.fileName')}-${round.id}${slug ? `-${slug}` : ''}.${extension}`;
}

/** The request's language for an export: its messages and dates, and times and numbers as its spreadsheets read them. */
export function reportLanguage(c: Context): ReportLanguage {
  const { t, date, dateTime, language } = c.var.i18n;
  return { ...exportFormat(language.locale), t, date, dateTime };
}

/** The consultation report (page, CSV, Markdown) and each organisation's own page. */
export function reportRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  /** The report as this viewer may see it: hidden comments marked, their words only for those allowed. */
  const loadReport = async (c: Context, id: number) => {
    const found = await loadRound(deps, c, id);
    if (!found) return undefined;
    const reader = readerOf(c);
    const [items, comments] = await Promise.all([roundItems(db, id), allComments(db, id, reader)]);
    return buildReport(found.round, items, comments, c.var.clock(), await roundReplies(db, comments, id, reader.access));
  };

  app.get('/horing/:id/rapport', roundParam, async (c) => {
    const report = await loadReport(c, c.req.valid('param').id);
    if (!report) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    return respond(c, { title: c.var.i18n.t('consultation.report.pageTitle', { title: report.round.title }), body: <ReportPage report={report} /> });
  });

  app.get('/horing/:id/rapport.csv', roundParam, async (c) => {
    const report = await loadReport(c, c.req.valid('param').id);
    if (!report) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(c, report.round, 'csv')}"`);
    // In the reader's language, with times as a clock in Norway shows them.
    return c.body(reportCsv(report, reportLanguage(c)));
  });

  app.get('/horing/:id/rapport.md', roundParam, async (c) => {
    const report = await loadReport(c, c.req.valid('param').id);
    if (!report) return missing(c, c.var.i18n.t('consultation.notFound.round'));
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(c, report.round, 'md')}"`);
    return c.body(reportMarkdown(report, reportLanguage(c)));
  });

  const idMessage = say('consultation.error.organisationId');
  const organisationParam = validParams('param', z.object({ id: z.coerce.number({ error: idMessage }).int(idMessage).positive(idMessage) }));

  app.get('/horing/organisasjon/:id', organisationParam, validParams('query', pageQuerySchema), async (c) => {
    const organisation = await organisationById(db, c.req.valid('param').id);
    if (!organisation) return missing(c, c.var.i18n.t('consultation.notFound.organisation'));
    const { side } = c.req.valid('query');
    const reader = readerOf(c);
    const pageSize = deps.config.CONSULTATION_PAGE_SIZE;
    const [rows, comments] = await Promise.all([
      tallyRows(db, { organisationId: organisation.id }),
      organisationComments(db, organisation.id, { page: side, pageSize, reader }),
    ]);
    return respond(c, {
      title: organisation.name,
      body: (
        <OrganisationCommentsPage
          organisation={organisation}
          tally={tally(rows, []).all}
          comments={comments}
          page={side}
          pageSize={pageSize}
          own={reader.organisationId === organisation.id}
        />
      ),
    });
  });

  return app;
}
