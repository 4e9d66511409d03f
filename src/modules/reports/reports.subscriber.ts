/** Hears that a report was signed and submitted (outbox) and makes it due for delivery, in the relay's transaction. */
import type { OutboxSubscriber } from '../../kernel/module.js';
import { markForDelivery } from './reports.service.js';

export const reportsSubscriber: OutboxSubscriber = {
  name: 'reports',
  accepts: (e) => e.topic === 'statutory_report.submit',
  handle: (tx, event, now) => markForDelivery(tx, event.aggregateId, now),
};
