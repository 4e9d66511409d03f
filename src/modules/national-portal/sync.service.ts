/**
 * Keeping the national portal's copy of each dossier current. A change marks the dossier pending
 * (`requestSync`, in the transaction that consumes its outbox event); `pushDueDossiers` claims a
 * batch of due rows (FOR UPDATE SKIP LOCKED, leased by moving next_attempt_at), pushes each
 * dossier as it stands (DongBoHoSoMC, an upsert: repeating it is harmless) and its new progress
 * steps (CapNhatTienDoHoSoMC), and records the outcome: synced, or failed with a backoff.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows, type Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { nextAttemptAfter, showsReceived, toHoSoDongBo, toTienDo } from './national-portal.rules.js';
import { nationalDossierSyncs } from './national-portal.tables.js';
import { type NationalPortalClient, PortalError } from './portal-client.js';
import { dossierSnapshot, progressSteps } from './snapshot.query.js';

/** How long a claimed push may take before another run may take the dossier again. */
const LEASE_MS = 5 * 60_000;
export const SYNC_BATCH = 50;

/** Marks the dossier pending from `now` (its state changed, or an officer asked again). */
export async function requestSync(tx: Tx, dossierId: string, now: Date): Promise<void> {
  await tx
    .insert(nationalDossierSyncs)
    .values({ dossierId, status: 'pending', requestedAt: now, nextAttemptAt: now })
    .onConflictDoUpdate({
      target: nationalDossierSyncs.dossierId,
      set: { status: 'pending', requestedAt: now, nextAttemptAt: now },
    });
}

type Claimed = {
  dossier_id: string;
  requested_at: Date;
  steps_synced: number;
  attempts: number;
  first_synced_at: Date | null;
};

/** Takes up to `limit` due rows and leases them (a concurrent run skips them). */
async function claimDue(db: Database, now: Date, limit: number): Promise<Claimed[]> {
  const rows = await queryRows<Claimed>(
    db,
    sql`update national_dossier_syncs s set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
      where s.dossier_id in (select dossier_id from national_dossier_syncs
        where status <> 'synced' and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by next_attempt_at limit ${limit} for update skip locked)
      returning s.dossier_id, s.requested_at, s.steps_synced, s.attempts, s.first_synced_at`,
  );
  return rows.map((r) => ({
    ...r,
    requested_at: new Date(r.requested_at),
    first_synced_at: r.first_synced_at ? new Date(r.first_synced_at) : null,
  }));
}

export type PushCounts = {
  synced: number;
  failed: number;
};

/** One run of the sync: pushes the due dossiers, batch after batch, until none is due at `now`. */
export async function pushDueDossiers(
  db: Database,
  env: Env,
  client: NationalPortalClient,
  now: Date,
): Promise<PushCounts> {
  const counts: PushCounts = { synced: 0, failed: 0 };
  for (;;) {
    const batch = await claimDue(db, now, SYNC_BATCH);
    for (const row of batch) {
      const ok = await pushOne(db, env, client, row, now);
      counts[ok ? 'synced' : 'failed'] += 1;
    }
    if (batch.length < SYNC_BATCH) return counts;
  }
}

async function pushOne(
  db: Database,
  env: Env,
  client: NationalPortalClient,
  row: Claimed,
  now: Date,
): Promise<boolean> {
  const found = await dossierSnapshot(db, row.dossier_id);
  if (!found) return recordFailure(db, row, now, new PortalError('NO_DOSSIER', 'Không tìm thấy hồ sơ'));
  const base = env.PUBLIC_URL ?? '';
  const record = toHoSoDongBo(found.snapshot, (fileId) => `${base}/api/files/${fileId}`);
  const steps = await progressSteps(db, row.dossier_id, row.steps_synced);
  try {
    await client.syncDossier(found.unitCode, record, row.first_synced_at !== null);
    await client.updateProgress(
      found.unitCode,
      steps.map((s) => toTienDo(record.MaHoSo, s)),
    );
  } catch (error) {
    return recordFailure(
      db,
      row,
      now,
      error instanceof PortalError ? error : new PortalError('CLIENT', (error as Error).message),
    );
  }
  // Synced unless a change asked for another push meanwhile (requested_at moved): then it stays pending.
  const stillCurrent = sql`${nationalDossierSyncs.requestedAt} = ${row.requested_at.toISOString()}::timestamptz`;
  await db
    .update(nationalDossierSyncs)
    .set({
      status: sql`case when ${stillCurrent} then 'synced' else 'pending' end`,
      nextAttemptAt: sql`case when ${stillCurrent} then null else ${nationalDossierSyncs.requestedAt} end`,
      syncedVersion: found.version,
      firstSyncedAt: sql`coalesce(${nationalDossierSyncs.firstSyncedAt}, ${now.toISOString()}::timestamptz)`,
      lastSyncedAt: now,
      ...(showsReceived(record)
        ? {
            receivedSyncedAt: sql`coalesce(${nationalDossierSyncs.receivedSyncedAt}, ${now.toISOString()}::timestamptz)`,
          }
        : {}),
      stepsSynced: row.steps_synced + steps.length,
      attempts: 0,
      lastErrorCode: null,
      lastErrorMessage: null,
    })
    .where(eq(nationalDossierSyncs.dossierId, row.dossier_id));
  return true;
}

async function recordFailure(db: Database, row: Claimed, now: Date, error: PortalError): Promise<false> {
  const failures = row.attempts + 1;
  await db
    .update(nationalDossierSyncs)
    .set({
      status: 'failed',
      attempts: failures,
      nextAttemptAt: nextAttemptAfter(now, failures),
      lastErrorCode: error.code,
      lastErrorMessage: error.message.slice(0, 1000),
    })
    .where(and(eq(nationalDossierSyncs.dossierId, row.dossier_id)));
  return false;
}
