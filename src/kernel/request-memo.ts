/**
 * Reference data read once per request (issue 17): a unit's path, a year's working calendar. One
 * request asks the same of the database several times — the authority check before an action, the
 * action's own check, the answer's allowed actions — and the answers cannot differ in a way that
 * matters within one request. The memo lives as long as the request (AsyncLocalStorage), so there
 * is nothing to invalidate across processes; outside a request (jobs, CLI) nothing is memoised.
 * A service that changes such data in a request forgets it (`forgetMemo`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const requestMemo = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `work` with a fresh memo (a Fastify onRequest hook runs the rest of the request in it). */
export function withRequestMemo<T>(work: () => T): T {
  return requestMemo.run(new Map(), work);
}

/** The value under `key` in this request's memo, loaded once; a failed load is not kept. */
export function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
  const store = requestMemo.getStore();
  if (!store) return load();
  const known = store.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  store.set(key, loading);
  loading.catch(() => store.delete(key));
  return loading;
}

/** Forgets every memoised value whose key starts with `prefix` (after the data changed). */
export function forgetMemo(prefix: string): void {
  const store = requestMemo.getStore();
  if (!store) return;
  for (const key of store.keys()) if (key.startsWith(prefix)) store.delete(key);
}

/** Whether `key` is memoised in this request (loaded or loading). */
export function hasMemo(key: string): boolean {
  return requestMemo.getStore()?.has(key) ?? false;
}
