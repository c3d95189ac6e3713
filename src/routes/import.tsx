import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { MAX_MODEL_JSON_BYTES } from '../../model/exchange/model-import.ts';
import { MAX_IMPORT_ROWS, mapHeaders, rowsLeftOut } from '../../model/exchange/sheet-import.ts';
import { MAX_XML_BYTES } from '../../model/exchange/xml.ts';
import { DocumentReportPage, DocumentResultPage, defaultDocumentSection, documentSections, type DocumentSection } from '../../views/pages/import-document.tsx';
import {
  ImportProgress,
  ImportProgressPage,
  ImportReportPage,
  ImportResultPage,
  ImportUploadPage,
  defaultSection,
  refusalText,
  reportSections,
  type Refusal,
  type ReportSection,
} from '../../views/pages/import.tsx';
import { callerOf } from '../auth/context.ts';
import { RuleRefused, spoken, StaleVersion } from '../commands/errors.ts';
import { applyDocumentUpload, documentKindOf, dryRunDocumentUpload, loadDocumentUpload, storeDocumentUpload } from '../commands/file-import.ts';
import { applySheetUpload, dryRunSheetUpload, loadSheetUpload, storeSheetUpload, type ApplyMode } from '../commands/requirement-import.ts';
import type { AppDeps } from '../deps.ts';
import { ImportJobs, type ImportJob } from '../exchange/import-jobs.ts';
import { MAX_IMPORT_BYTES, readSheetFile } from '../exchange/sheet-file.ts';
import { isFragmentRequest, respond, respondError } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

/** The import's own body limit: the largest file any importer reads (a JSON model), and the multipart framing around it. */
export const IMPORT_BODY_BYTES = Math.max(MAX_IMPORT_BYTES, MAX_MODEL_JSON_BYTES, MAX_XML_BYTES) + 64 * 1024;

const limits = { rows: MAX_IMPORT_ROWS, megabytes: MAX_IMPORT_BYTES / (1024 * 1024) };

/** How long the upload's answer waits for a quick dry run before it shows the progress instead. */
const QUICK_MS = 800;

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) });

/**
 * `/import`: upload a requirement spreadsheet, read its dry-run report, apply it (issue 15). The
 * file is read and checked while the upload is answered; the dry run and the apply run as jobs
 * whose progress the page polls (`/import/jobb/:id`), and whose outcome is kept with the upload.
 */
export function importRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  const jobs = new ImportJobs();
  /** The latest job of each upload, and what its last apply attempt said when it wrote nothing. */
  const jobOfUpload = new Map<string, string>();
  const noticeOfUpload = new Map<string, 'replanned' | 'stale' | 'notAll'>();

  const failureText = (c: Context) => (error: unknown) =>
    error instanceof RuleRefused || error instanceof StaleVersion ? spoken(error, c.var.i18n) : c.var.i18n.t('import.serverError');
  /** Uploads' latest jobs and notices are kept for the most recent uploads only. */
  const remember = <V,>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key);
    map.set(key, value);
    for (const oldest of map.keys()) {
      if (map.size <= 1000) break;
      map.delete(oldest);
    }
  };

  const uploadPage = (c: Context, refusal?: Refusal, status: 200 | 413 | 422 = 200) =>
    respond(c, { title: c.var.i18n.t('import.title'), body: <ImportUploadPage refusal={refusal} limits={limits} />, status });

  app.get('/import', (c) => uploadPage(c));

  app.post(
    '/import',
    bodyLimit({
      maxSize: IMPORT_BODY_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return uploadPage(c, { code: 'too-large', values: { megabytes: limits.megabytes } }, 413);
      },
    }),
    async (c) => {
      let body: Record<string, string | File>;
      try {
        body = (await c.req.parseBody()) as Record<string, string | File>;
      } catch {
        return uploadPage(c, { code: 'not-spreadsheet', values: {} }, 422);
      }
      const file = body.fil;
      if (!(file instanceof File) || file.size === 0) {
        return uploadPage(c, file instanceof File ? { code: 'empty', values: {} } : { code: 'not-spreadsheet', values: {} }, 422);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const caller = callerOf(c);
      const name = (file.name || 'fil').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
      // ReqIF, ArchiMate and JSON are documents: read, stored and dry-run here, then shown as one report.
      const kind = documentKindOf(new TextDecoder().decode(bytes.subarray(0, 4096)));
      if (kind) {
        const max = kind === 'model' ? MAX_MODEL_JSON_BYTES : MAX_XML_BYTES;
        if (bytes.length > max) return uploadPage(c, { code: 'too-large', values: { megabytes: max / (1024 * 1024) } }, 422);
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
        } catch {
          return uploadPage(c, { code: 'not-text', values: {} }, 422);
        }
        const { id } = await storeDocumentUpload(db, caller, { kind, fileName: name, text });
        const upload = (await loadDocumentUpload(db, caller, id))!;
        await dryRunDocumentUpload(db, caller, upload);
        return c.redirect(`/import/${id}`, 303);
      }
      const read = await readSheetFile(bytes);
      if (!read.ok) {
        const { code, ...values } = read.refusal;
        return uploadPage(c, { code, values: code === 'too-large' ? { megabytes: limits.megabytes } : (values as Record<string, number>) }, 422);
      }
      // The headers are checked now, so a file that is not in the export's layout is never stored.
      const headers = mapHeaders(read.table.headers);
      if (!headers.ok) return uploadPage(c, { code: headers.refusal.code, values: headers.refusal.code === 'missing-columns' ? { columns: headers.refusal.columns } : {} }, 422);
      if (read.table.rows.length === 0) return uploadPage(c, { code: 'no-rows', values: {} }, 422);
      const fileName = name;
      const { id } = await storeSheetUpload(db, caller, { fileName, table: read.table });
      const job = startDryRun(c, id, caller);
      // A quick dry run goes straight to its report; a long one shows its progress.
      await Promise.race([job.promise, new Promise((resolve) => setTimeout(resolve, QUICK_MS))]);
      if (job.phase === 'done') return c.redirect(`/import/${id}`, 303);
      return respond(c, { title: c.var.i18n.t('import.progressTitle'), body: <ImportProgressPage job={job} fileName={fileName} /> });
    },
  );

  function startDryRun(c: Context, id: string, caller: ReturnType<typeof callerOf>): ImportJob {
    const job = jobs.start(
      `/import/${id}`,
      async (update) => {
        update('checking', 0, 0);
        const plan = await dryRunSheetUpload(db, caller, id);
        if ('refusal' in plan) {
          const { refusal } = plan;
          throw new RuleRefused(refusalText(c.var.i18n.t, { code: refusal.code, values: refusal.code === 'missing-columns' ? { columns: refusal.columns } : {} }));
        }
      },
      failureText(c),
    );
    remember(jobOfUpload, id, job.id);
    return job;
  }

  /** A job's progress, polled without a session lookup (see import-jobs.ts): only phase and counts. */
  app.get('/import/jobb/:id', (c) => {
    c.header('Cache-Control', 'no-store');
    const job = jobs.get(c.req.param('id'));
    if (!job) {
      return respond(c, {
        title: c.var.i18n.t('import.progressTitle'),
        status: 404,
        body: <p class="ds-paragraph">{c.var.i18n.t('import.progress.gone')}</p>,
        fragment: <p class="ds-paragraph">{c.var.i18n.t('import.progress.gone')}</p>,
      });
    }
    if (job.phase === 'done' && isFragmentRequest(c)) c.header('HX-Redirect', job.next);
    const view = <ImportProgress job={job} />;
    return respond(c, { title: c.var.i18n.t('import.progressTitle'), body: view, fragment: view });
  });

  app.get(
    '/import/:id',
    validParams('param', idParam),
    validParams('query', z.object({ vis: z.enum(reportSections as [ReportSection, ...ReportSection[]]).optional(), side: z.coerce.number().int().min(1).max(100_000).optional() })),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = callerOf(c);
      const query = c.req.valid('query');
      const document = await loadDocumentUpload(db, caller, id);
      if (document) {
        const notice = noticeOfUpload.get(id);
        noticeOfUpload.delete(id);
        const { report, fingerprint } = document.report && document.fingerprint ? { report: document.report, fingerprint: document.fingerprint } : await dryRunDocumentUpload(db, caller, document);
        if (document.result) {
          return respond(c, { title: c.var.i18n.t('import.resultTitle', { file: document.fileName }), body: <DocumentResultPage kind={document.kind} report={report} result={document.result} /> });
        }
        const section = (documentSections as readonly string[]).includes(query.vis ?? '') ? (query.vis as DocumentSection) : defaultDocumentSection(report);
        return respond(c, {
          title: c.var.i18n.t('import.reportTitle', { file: document.fileName }),
          body: <DocumentReportPage id={id} kind={document.kind} report={report} fingerprint={fingerprint} section={section} page={query.side ?? 1} expiresAt={document.expiresAt} notice={notice} />,
        });
      }
      const upload = await loadSheetUpload(db, caller, id);
      if (upload.result) return respond(c, { title: c.var.i18n.t('import.resultTitle', { file: upload.fileName }), body: <ImportResultPage result={upload.result} /> });
      const running = jobs.get(jobOfUpload.get(id) ?? '');
      if (running && running.phase !== 'done' && running.phase !== 'failed') {
        return respond(c, { title: c.var.i18n.t('import.progressTitle'), body: <ImportProgressPage job={running} fileName={upload.fileName} /> });
      }
      if (!upload.report || !upload.fingerprint) {
        // The dry run has not run (or the server restarted during it): run it now.
        const job = startDryRun(c, id, caller);
        return respond(c, { title: c.var.i18n.t('import.progressTitle'), body: <ImportProgressPage job={job} fileName={upload.fileName} /> });
      }
      const notice = noticeOfUpload.get(id);
      noticeOfUpload.delete(id);
      return respond(c, {
        title: c.var.i18n.t('import.reportTitle', { file: upload.fileName }),
        body: (
          <ImportReportPage
            id={id}
            report={upload.report}
            fingerprint={upload.fingerprint}
            section={query.vis ?? defaultSection(upload.report)}
            page={query.side ?? 1}
            expiresAt={upload.expiresAt}
            leftOut={rowsLeftOut(upload.report).length}
            notice={notice}
          />
        ),
      });
    },
  );

  app.post('/import/:id/bruk', validParams('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const form = await c.req.parseBody();
    const mode: ApplyMode | null = form.mode === 'all' ? 'all' : form.mode === 'valid' ? 'valid' : null;
    if (mode === null) return respondError(c, { status: 400, title: c.var.i18n.t('import.badRequest'), message: c.var.i18n.t('import.chooseMode') });
    const caller = callerOf(c);
    const document = await loadDocumentUpload(db, caller, id);
    if (document) {
      if (document.result) return c.redirect(`/import/${id}`, 303);
      const outcome = await applyDocumentUpload(db, caller, document, mode, typeof form.plan === 'string' ? form.plan : '');
      if (outcome === 'replanned') remember(noticeOfUpload, id, 'stale');
      if (outcome === 'refused') remember(noticeOfUpload, id, 'notAll');
      return c.redirect(`/import/${id}`, 303);
    }
    const upload = await loadSheetUpload(db, caller, id);
    if (upload.result) return c.redirect(`/import/${id}`, 303);
    // The report the architect saw must be the one the upload has now, or they choose again.
    if (typeof form.plan !== 'string' || form.plan !== upload.fingerprint) {
      remember(noticeOfUpload, id, 'stale');
      if (isFragmentRequest(c)) {
        c.header('HX-Redirect', `/import/${id}`);
        return c.body(null, 409);
      }
      return c.redirect(`/import/${id}`, 303);
    }
    const job = jobs.start(
      `/import/${id}`,
      async (update) => {
        const outcome = await applySheetUpload(db, caller, id, mode, (done, total) => update('writing', done, total));
        if (outcome.outcome === 'replanned') remember(noticeOfUpload, id, 'replanned');
        if (outcome.outcome === 'refused') remember(noticeOfUpload, id, 'notAll');
      },
      failureText(c),
      // Applying first plans again from the stored rows, then writes.
      'checking',
    );
    remember(jobOfUpload, id, job.id);
    if (isFragmentRequest(c)) return c.html(<ImportProgress job={job} />);
    // Without JavaScript there is no polling: the answer waits for the import and shows its outcome.
    await job.promise;
    if (job.phase === 'failed') return respondError(c, { status: 409, title: c.var.i18n.t('import.refusedTitle'), message: job.failure ?? '' });
    return c.redirect(`/import/${id}`, 303);
  });

  return app;
}

