/**
 * What a module declares about itself (its `module.ts`): the composition root (src/app) reads
 * these manifests and wires them — nothing else lists modules. The extension points other modules
 * plug into (periodic tasks, outbox subscribers, file-access resolvers, dossier action guards) are typed here so a
 * module can offer one without importing the module that runs it.
 */
import type { Actor } from './context.js';
import type { Database, Queryable, Tx } from './db.js';
import type { Env } from './env.js';
import type { ErrorTable } from './errors.js';
import type { App, Deps, Services } from './http.js';

export interface ModuleManifest {
  /** The folder name under src/modules. */
  name: string;
  /** The modules whose exported functions this one calls (checked against its imports; no cycle). */
  needs: readonly string[];
  /** Its table files' exports (Drizzle tables): what the migrations must create. */
  tables?: readonly Record<string, unknown>[];
  /** Its error codes with their HTTP statuses and messages. */
  errors?: readonly ErrorTable[];
  /** Shared services it provides to the others (built once at start from the settings). */
  provides?: (env: Env) => Partial<Services>;
  /** Request hooks every route relies on (e.g. authentication), registered before any route. */
  httpHooks?: (app: App, deps: Deps) => void;
  /** Registers its HTTP routes. */
  routes?: (app: App, deps: Deps) => void;
  /** Its periodic tasks; the outbox relay's needs every module's outbox subscribers. */
  periodicTasks?: (gathered: { outboxSubscribers: readonly OutboxSubscriber[] }) => readonly PeriodicTask[];
  outboxSubscribers?: readonly OutboxSubscriber[];
  fileAccess?: readonly FileAccessResolver[];
  dossierActionGuards?: readonly DossierActionGuard[];
  /** Session settings its SQL relies on (e.g. a pg_trgm threshold), set on every connection. */
  databaseSettings?: Readonly<Record<string, string | number>>;
  /**
   * Its tables of reference data that requests may cache across requests (kernel/reference-cache.ts):
   * each must carry the `reference_changed` trigger that bumps the reference stamp (checked by a test).
   */
  referenceTables?: readonly string[];
}

/**
 * What a module hands the scheduler (the jobs module): a name, a period, and the work. The work
 * lives in the owning module; the jobs module only decides when it runs and records how it went.
 */
export interface PeriodicTask {
  /** Stable, `<module>.<what>`: the row's key in scheduled_tasks and the admin API's name. */
  name: string;
  intervalSeconds: number;
  /**
   * Does one run as of `now` (injected: tests move the clock). Must be safe to repeat — a run
   * that crashed half-way is simply run again at the next interval — and returns counts only.
   * The shared services are the ones the routes get (Deps.services), built once at start.
   */
  run(db: Database, env: Env, now: Date, services: Services): Promise<Record<string, unknown>>;
}

/** A committed state change as the outbox relay hands it to subscribers. */
export interface OutboxEvent {
  id: number;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

export interface OutboxSubscriber {
  name: string;
  accepts(event: OutboxEvent): boolean;
  /** Runs in the relay's transaction: what it writes commits with the event's publication. */
  handle(tx: Tx, event: OutboxEvent, now: Date): Promise<void>;
}

/** Answers, for the files module, whether something this module owns links a file the actor may read. */
export interface FileAccessResolver {
  /** `<module>.<what links files>`, for reading and debugging. */
  name: string;
  /**
   * Whether something this module owns links the file and the actor may read it, by the same
   * rule as reading that thing itself (one indexed lookup for the links).
   */
  mayRead(db: Queryable, actor: Actor, fileId: string): Promise<boolean>;
}

/**
 * Lets a module refuse a dossier action for a reason it owns, without the dossiers module
 * importing it (payments needs dossiers): payments refuses returning a result while a fee is due.
 */
export interface DossierActionGuard {
  /** `<module>.<what it guards>`, for reading and debugging. */
  name: string;
  /** The dossier actions it checks (e.g. `returnResult`). */
  actions: readonly string[];
  /** Throws an AppError to refuse; runs in the action's transaction, on the locked dossier row. */
  check(tx: Tx, dossier: { id: string; code: string; fees: readonly { amountVnd: number }[] }): Promise<void>;
}
