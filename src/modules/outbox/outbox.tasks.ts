/** The outbox module's periodic task: the relay (relay.ts) with every module's outbox subscribers (gathered by src/app/compose.ts). */
import type { PeriodicTask } from '../../kernel/module.js';
import type { OutboxSubscriber } from '../../kernel/module.js';
import { relayOutbox } from './relay.js';

export const outboxRelay = (subscribers: readonly OutboxSubscriber[]): PeriodicTask => ({
  name: 'outbox.relay',
  intervalSeconds: 30,
  run: (db, _env, now) => relayOutbox(db, subscribers, now),
});
