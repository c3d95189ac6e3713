import { randomBytes } from 'node:crypto';

/**
 * Imports that run on after the request that started them, so the page can show their progress.
 * Kept in this process's memory: a job is only its progress (phase and counts) and where to go
 * when it is done; what it did is in the database (the upload's report and result). The progress
 * is read by a random job id, without a session lookup, because on SQLite the import's one write
 * transaction holds the database until it ends (README, "Import").
 */
export type JobPhase = 'reading' | 'checking' | 'writing' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  phase: JobPhase;
  done: number;
  total: number;
  /** Where the page goes when the job is done (the report or the result). */
  next: string;
  /** Why it failed, for the user (a refusal's message), when it did. */
  failure?: string;
  endedAt?: number;
  /** Settles when the job has ended (a request without JavaScript waits for it). */
  promise?: Promise<void>;
}

/** How long a finished job's status stays readable. */
const KEEP_MS = 15 * 60_000;

export class ImportJobs {
  #jobs = new Map<string, ImportJob>();

  /** Starts `work` now and returns its job at once; `work` reports progress through `update`. */
  start(
    next: string,
    work: (update: (phase: JobPhase, done: number, total: number) => void) => Promise<void>,
    describeFailure: (error: unknown) => string,
    phase: JobPhase = 'reading',
  ): ImportJob {
    this.#sweep();
    const job: ImportJob = { id: randomBytes(18).toString('base64url'), phase, done: 0, total: 0, next };
    this.#jobs.set(job.id, job);
    job.promise = work((phase, done, total) => {
      job.phase = phase;
      job.done = done;
      job.total = total;
    }).then(
      () => {
        job.phase = 'done';
        job.endedAt = Date.now();
      },
      (error: unknown) => {
        job.phase = 'failed';
        job.failure = describeFailure(error);
        job.endedAt = Date.now();
      },
    );
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.#jobs.get(id);
  }

  #sweep() {
    const now = Date.now();
    for (const [id, job] of this.#jobs) if (job.endedAt !== undefined && now - job.endedAt > KEEP_MS) this.#jobs.delete(id);
  }
}
