import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Nhật ký: append-only and hash-chained. A state change inserts its row (`id`, in insertion order)
 * without taking any lock; the chainer (audit.chainer.ts) then links committed rows in the order
 * it finds them, setting once `seq` (gapless), `prev_hash` and `hash`. The triggers refuse every
 * other UPDATE, any DELETE and TRUNCATE (migrations 0001 and 0038), so a deleted chained row shows
 * as a gap, an edited one no longer matches its hash.
 * No foreign keys: an audit row must outlive anything it mentions.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Position in the chain: null until the chainer links the row. */
    seq: bigint('seq', { mode: 'number' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    // What the chainer looks for, found without scanning the chained millions.
    index('audit_log_unchained_idx').on(t.id).where(sql`seq is null`),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_time_idx').on(t.occurredAt),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
