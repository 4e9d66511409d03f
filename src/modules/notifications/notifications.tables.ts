import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The local notifier's outbox: what an SMS/e-mail gateway would have been asked to send. Tests and
 * the demo read it; production replaces the simulator with a gateway adapter (notifier.ts).
 */
export const simulatedMessages = pgTable('simulated_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  medium: text('medium').$type<'sms' | 'email'>().notNull(),
  recipient: text('recipient').notNull(),
  template: text('template').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
