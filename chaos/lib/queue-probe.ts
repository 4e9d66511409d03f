/**
 * Do two API processes on PostgreSQL still hear each other's queue changes (LISTEN/NOTIFY,
 * src/modules/queue/queue-notify.ts)? A display stream is opened on one process, a walk-in is
 * checked in at a kiosk of the other, and the stream must bring the new board. Tried again until
 * `timeoutMs` (a listener reconnects with a growing pause after the database came back).
 */
import { call } from './http.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves true when the stream at `url` sends `count` board events within `ms`. */
async function boardEvents(url: string, count: number, ms: number, ready: () => void): Promise<boolean> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    const res = await fetch(url, { signal: abort.signal });
    if (res.status !== 200 || !res.body) return false;
    const decoder = new TextDecoder();
    let text = '';
    let readySent = false;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const seen = text.split('event: board').length - 1;
      if (seen >= 1 && !readySent) {
        readySent = true;
        ready();
      }
      if (seen >= count) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

export async function queueHeardAcross(
  listenerUrl: string,
  kioskUrl: string,
  timeoutMs: number,
): Promise<{ ok: boolean; detail: string }> {
  const units = await call(kioskUrl, { method: 'GET', path: '/api/public/queue' });
  const unitId = (JSON.parse(units.text) as { units: { unitId: string }[] }).units[0]?.unitId;
  if (!unitId) return { ok: false, detail: 'no unit runs a queue' };
  const started = Date.now();
  let tries = 0;
  while (Date.now() - started < timeoutMs) {
    tries += 1;
    let opened!: () => void;
    const streamOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const heard = boardEvents(`${listenerUrl}/api/public/queue/${unitId}/events`, 2, 5_000, () => opened());
    await Promise.race([streamOpen, pause(5_000)]);
    const ticket = await call(kioskUrl, {
      method: 'POST',
      path: `/api/public/queue/${unitId}/tickets`,
      json: { fieldCode: 'HT' },
    }).catch(() => null);
    if (await heard)
      return { ok: true, detail: `heard after ${tries} check-in(s), ${Math.round((Date.now() - started) / 1000)} s` };
    if (ticket && ticket.status !== 201 && ticket.status !== 503)
      return { ok: false, detail: `check-in answered ${ticket.status} ${ticket.text.slice(0, 200)}` };
  }
  return { ok: false, detail: `no board event on the other process in ${timeoutMs / 1000} s (${tries} check-ins)` };
}
