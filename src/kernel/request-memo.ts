/**
 * Reference data (a unit's path, a year's working calendar, a procedure in force, a workflow) read
 * once per request and, across requests, once per change of it (issue 17).
 *
 * - `memo`: per request (AsyncLocalStorage). A request asks the same several times — the authority
 *   check before an action, the action's own check, the answer's allowed actions.
 * - `referenceMemo`: also kept in the process's ReferenceCache (kernel/reference-cache.ts) under
 *   the database's reference stamp, which a trigger on every reference table bumps at each write.
 *   The stamp is read with the request's first statement (the session look-up carries it) or, when
 *   a request has none, once when first needed; a hit costs no statement, and a change made by any
 *   process is seen by the next request of every process. A request that writes a reference table
 *   (seen by the statements it sends, `noteStatement`) stops using the shared cache, so it reads
 *   its own change. Outside a request (jobs, CLI) nothing is memoised.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from './db.js';
import { type ReferenceCache, readReferenceStamp } from './reference-cache.js';

interface RequestStore {
  values: Map<string, Promise<unknown>>;
  shared: ReferenceCache | null;
  /** The reference stamp this request works under: undefined = not read yet, null = do not share. */
  stamp: string | null | undefined;
}

const requestMemo = new AsyncLocalStorage<RequestStore>();

/** Runs `work` with a fresh memo (a Fastify onRequest hook runs the rest of the request in it). */
export function withRequestMemo<T>(work: () => T, shared: ReferenceCache | null = null): T {
  return requestMemo.run({ values: new Map(), shared, stamp: undefined }, work);
}

/** The value under `key` in this request's memo, loaded once; a failed load is not kept. */
export function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
  const store = requestMemo.getStore();
  if (!store) return load();
  const known = store.values.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  store.values.set(key, loading);
  loading.catch(() => store.values.delete(key));
  return loading;
}

/**
 * Like `memo`, and shared between requests while the reference tables do not change. The value
 * must be plain data: it is frozen, and every later request gets the same object.
 */
export function referenceMemo<T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  return memo(key, async () => {
    const store = requestMemo.getStore();
    const cache = store?.shared;
    if (!store || !cache || store.stamp === null) return load();
    if (store.stamp === undefined) store.stamp = await readReferenceStamp(db);
    const stamp = store.stamp;
    if (stamp === null) return load();
    const hit = cache.get(key, stamp);
    if (hit !== undefined) return hit as T;
    const value = await load();
    // Kept only if nothing changed between the stamp and the load (the stamp as this handle sees it now).
    if (store.stamp === stamp && (await readReferenceStamp(db)) === stamp) cache.set(key, stamp, value);
    return value;
  });
}

/** Whether this request may use the shared reference cache (a caller may then load a whole table once). */
export function sharesReference(): boolean {
  const store = requestMemo.getStore();
  return Boolean(store?.shared) && store?.stamp !== null;
}

/** The session look-up read the stamp with the session (one statement less per request). */
export function noteReferenceStamp(stamp: string | null): void {
  const store = requestMemo.getStore();
  if (store && store.stamp === undefined) store.stamp = stamp;
}

/** This request wrote a reference table: from now on it reads its own change, not the shared cache. */
export function stopSharingReference(): void {
  const store = requestMemo.getStore();
  if (!store) return;
  store.stamp = null;
  store.values.clear();
}

/** Forgets every memoised value whose key starts with `prefix` (after the data changed). */
export function forgetMemo(prefix: string): void {
  const store = requestMemo.getStore();
  if (!store) return;
  for (const key of store.values.keys()) if (key.startsWith(prefix)) store.values.delete(key);
}

/** Whether `key` is memoised in this request (loaded or loading). */
export function hasMemo(key: string): boolean {
  return requestMemo.getStore()?.values.has(key) ?? false;
}
