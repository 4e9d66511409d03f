/** The system as composed from src/app/modules.ts, and the handles every entry point builds from it. */
import { type Clock, systemClock } from '../kernel/clock.js';
import { type DbHandle, type OpenOptions, openDatabase } from '../kernel/db.js';
import type { Env } from '../kernel/env.js';
import type { Deps } from '../kernel/http.js';
import { referenceWriteDetector } from '../kernel/reference-cache.js';
import { stopSharingReference } from '../kernel/request-memo.js';
import { compose } from './compose.js';
import { MODULES } from './modules.js';

export const composition = compose(MODULES);

const writesReference = referenceWriteDetector(composition.referenceTables);

/**
 * Opens the database with the session settings the modules' SQL relies on. A request that writes
 * a reference table stops reading the shared reference cache (kernel/request-memo.ts).
 */
export function openAppDatabase(options: Omit<OpenOptions, 'settings'>): Promise<DbHandle> {
  const observe = options.onStatement;
  return openDatabase({
    ...options,
    settings: composition.databaseSettings,
    onStatement: (statement) => {
      if (writesReference(statement)) stopSharingReference();
      observe?.(statement);
    },
  });
}

/** What every module's routes and tasks get; the shared services are built here, once. */
export function appDeps(handle: DbHandle, env: Env, clock: Clock = systemClock): Deps {
  return { handle, db: handle.db, env, clock, services: composition.services(env), extensions: composition.extensions };
}
