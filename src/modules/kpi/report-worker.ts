/**
 * The in-process worker of report jobs. Every API process runs one: it claims a job (SKIP LOCKED,
 * so processes never share one), works it, and claims the next until none is left; then it sleeps
 * until `poke()` (a request in this process) or the poll interval (a request received by another
 * process, or a job whose worker died). The loop itself is the shared WorkLoop.
 */
import type { Queryable } from '../../kernel/db.js';
import { WorkLoop } from '../../kernel/work-loop.js';
import { claimReportJob, runReportJob } from './report-jobs.service.js';

export const POLL_MS = 5000;

export class ReportWorker extends WorkLoop {
  constructor(
    private readonly db: Queryable,
    log: (message: string, error?: unknown) => void,
    pollMs = POLL_MS,
  ) {
    super('report worker', log, pollMs);
  }

  protected async step(): Promise<boolean> {
    const job = await claimReportJob(this.db);
    if (job) await runReportJob(this.db, job, () => new Date());
    return job !== null;
  }
}
