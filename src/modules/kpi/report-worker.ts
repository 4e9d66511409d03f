/**
 * The in-process worker of report jobs. Every API process runs one: it claims a job (SKIP LOCKED,
 * so processes never share one), works it, and claims the next until none is left; then it sleeps
 * until `poke()` (a request in this process) or the poll interval (a request received by another
 * process, or a job whose worker died). `stop()` waits for the job in hand, so the database is
 * not closed under it. No dependency: a job table and a loop.
 */
import type { Queryable } from '../../server/db/client.js';
import { claimReportJob, runReportJob } from './report-jobs.service.js';

export const POLL_MS = 5000;

export class ReportWorker {
  private running: Promise<void> | null = null;
  private stopped = true;
  /** A poke that came while the worker was busy: look again before sleeping. */
  private pending = false;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly pollMs = POLL_MS,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Look for work now (a job was just requested here). */
  poke(): void {
    this.pending = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        const job = await claimReportJob(this.db);
        if (job) {
          await runReportJob(this.db, job, () => new Date());
          continue;
        }
      } catch (error) {
        this.log('report worker: claim failed', error);
      }
      if (this.pending) {
        this.pending = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.pollMs);
      });
      if (this.timer) clearTimeout(this.timer);
      this.wake = null;
    }
  }
}
