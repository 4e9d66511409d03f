/**
 * Each API process runs one TaskRunner: on every tick it claims a due task (jobs.service.ts),
 * runs it and records how it went, and claims again until nothing is due. The loop is the one
 * the report worker uses (WorkLoop); `runDue(now)` is the same work with the clock injected.
 */
import type { Database } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import type { Services } from '../../kernel/http.js';
import { WorkLoop } from '../../kernel/work-loop.js';
import { claimDueTask, recordRun } from './jobs.service.js';
import type { PeriodicTask } from '../../kernel/module.js';

export class TaskRunner extends WorkLoop {
  private readonly tasks: Map<string, PeriodicTask>;

  constructor(
    private readonly db: Database,
    private readonly env: Env,
    private readonly services: Services,
    tasks: readonly PeriodicTask[],
    log: (message: string, error?: unknown) => void,
    tickMs: number,
  ) {
    super('task runner', log, tickMs);
    this.tasks = new Map(tasks.map((t) => [t.name, t]));
  }

  protected step(): Promise<boolean> {
    return this.runOne(new Date());
  }

  /** Claims and runs one task due at `now`; false when none is due. */
  async runOne(now: Date): Promise<boolean> {
    const name = await claimDueTask(this.db, [...this.tasks.keys()], now);
    if (!name) return false;
    const startedMs = Date.now();
    // Finished = the run's `now` plus the time it took (an injected clock stays consistent).
    const finishedAt = () => new Date(now.getTime() + Date.now() - startedMs);
    try {
      const outcome = await this.tasks.get(name)!.run(this.db, this.env, now, this.services);
      await recordRun(this.db, name, finishedAt(), { outcome });
    } catch (error) {
      await recordRun(this.db, name, finishedAt(), { error });
    }
    return true;
  }

  /** Runs every task due at `now` once (a tick with an injected clock); returns how many ran. */
  async runDue(now: Date): Promise<number> {
    let ran = 0;
    while (await this.runOne(now)) ran += 1;
    return ran;
  }
}
