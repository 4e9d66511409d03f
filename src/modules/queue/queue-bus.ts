/**
 * A tiny in-process bus: counter actions and check-ins publish "unit X's queue changed" after
 * their transaction commits; the display's server-sent-event streams of that unit re-read the
 * board. It reaches only the streams held by this process — with several API processes a change
 * must travel through PostgreSQL LISTEN/NOTIFY (see ARCHITECTURE.md, "Queue").
 */
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
// One listener per open display; a centre has a handful of screens, but do not warn at 10.
bus.setMaxListeners(0);

export function publishQueueChange(unitId: string): void {
  bus.emit(unitId);
}

export function subscribeQueue(unitId: string, listener: () => void): () => void {
  bus.on(unitId, listener);
  return () => bus.off(unitId, listener);
}
