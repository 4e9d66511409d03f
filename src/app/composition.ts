/** The system as composed from src/app/modules.ts, and the handles every entry point builds from it. */
import { type Clock, systemClock } from '../kernel/clock.js';
import { type DbHandle, type OpenOptions, openDatabase } from '../kernel/db.js';
import type { Env } from '../kernel/env.js';
import type { Deps } from '../kernel/http.js';
import { compose } from './compose.js';
import { MODULES } from './modules.js';

export const composition = compose(MODULES);

/** Opens the database with the session settings the modules' SQL relies on. */
export function openAppDatabase(options: Omit<OpenOptions, 'settings'>): Promise<DbHandle> {
  return openDatabase({ ...options, settings: composition.databaseSettings });
}

/** What every module's routes and tasks get; the shared services are built here, once. */
export function appDeps(handle: DbHandle, env: Env, clock: Clock = systemClock): Deps {
  return { handle, db: handle.db, env, clock, services: composition.services(env), extensions: composition.extensions };
}
