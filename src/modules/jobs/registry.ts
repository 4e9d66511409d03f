/**
 * What a module hands the scheduler: a name, a period, and the work. The work lives in the
 * owning module's service; the jobs module only decides when it runs and records how it went.
 */
import type { Database } from '../../server/db/client.js';
import type { Env } from '../../server/env.js';

export interface PeriodicTask {
  /** Stable, `<module>.<what>`: the row's key in scheduled_tasks and the admin API's name. */
  name: string;
  intervalSeconds: number;
  /**
   * Does one run as of `now` (injected: tests move the clock). Must be safe to repeat — a run
   * that crashed half-way is simply run again at the next interval — and returns counts only.
   */
  run(db: Database, env: Env, now: Date): Promise<Record<string, unknown>>;
}
