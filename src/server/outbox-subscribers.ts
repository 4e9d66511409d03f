/**
 * Every module that hears of outbox events (src/modules/outbox/relay.ts), each defined by its
 * own module. Add a module's subscriber here.
 */
import { nationalPortalSubscriber } from '../modules/national-portal/national-portal.subscriber.js';
import type { OutboxSubscriber } from '../modules/outbox/relay.js';

export const OUTBOX_SUBSCRIBERS: readonly OutboxSubscriber[] = [nationalPortalSubscriber];
