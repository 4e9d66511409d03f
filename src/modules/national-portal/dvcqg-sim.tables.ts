/**
 * The simulated national portal's own storage (only used when NATIONAL_PORTAL_URL is unset): its
 * login sessions, the dossiers it holds (the last DongBoHoSoMC record per MaHoSo) and the progress
 * steps it was sent. Nothing of ours reads these except the simulator and tests.
 */
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const simDvcqgSessions = pgTable('sim_dvcqg_sessions', {
  session: text('session').primaryKey(),
  username: text('username').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const simDvcqgDossiers = pgTable('sim_dvcqg_dossiers', {
  maHoSo: text('ma_ho_so').primaryKey(),
  /** The record as received (field names of the protocol). */
  record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  /** Mã định danh of the sending unit (madonvi). */
  madonvi: text('madonvi').notNull(),
  firstReceivedAt: timestamp('first_received_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const simDvcqgProgress = pgTable(
  'sim_dvcqg_progress',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    maHoSo: text('ma_ho_so').notNull(),
    step: jsonb('step').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sim_dvcqg_progress_ho_so_idx').on(t.maHoSo)],
);
