/**
 * Tells the competent unit's leaders and the dossier's current assignee that an apology letter
 * (mẫu 04) is due — the same rule as the dossier view's `apologyDue` — once per dossier and
 * appointment. The reminder row is claimed with an insert that skips an existing one, in the
 * transaction that sends the messages, so a second run or another process sends nothing.
 */
import { and, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import { type Notifier, sendToStaff } from '../notifications/notifier.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import { apologyDue, apologyReminderText } from './deadline.rules.js';
import { dossierExtras } from './dossiers.query.js';
import { dossiers } from './dossiers.tables.js';
import { dossierApologyReminders } from './processing.tables.js';

/** Unfinished, running dossiers whose apology letter is due at `now`. */
async function dossiersNeedingApology(tx: Tx, now: Date) {
  const rows = await tx
    .select({
      id: dossiers.id,
      code: dossiers.code,
      competentUnitId: dossiers.competentUnitId,
      assigneeId: dossiers.currentAssigneeId,
      appointmentAt: dossiers.appointmentAt,
      dueSoonFrom: dossiers.dueSoonFrom,
      lastExtendedTo: dossierExtras.lastExtendedTo,
    })
    .from(dossiers)
    .where(
      and(
        isNull(dossiers.completedAt),
        isNull(dossiers.pausedSince),
        isNotNull(dossiers.appointmentAt),
        or(lte(dossiers.dueSoonFrom, now), lte(dossiers.appointmentAt, now)),
      ),
    );
  return rows.filter((d) => apologyDue({ ...d, finished: false, pausedSince: null }, now));
}

export async function sendApologyReminders(tx: Tx, notifier: Notifier, now: Date): Promise<number> {
  let reminded = 0;
  for (const d of await dossiersNeedingApology(tx, now)) {
    const appointmentAt = d.appointmentAt!;
    const [claimed] = await tx
      .insert(dossierApologyReminders)
      .values({ dossierId: d.id, appointmentAt, sentAt: now })
      .onConflictDoNothing()
      .returning({ dossierId: dossierApologyReminders.dossierId });
    if (!claimed) continue;
    const staff = await staffToNotify(tx, 'dossier.approve', d.competentUnitId, d.assigneeId ? [d.assigneeId] : []);
    const recipients = await sendToStaff(
      tx,
      notifier,
      staff,
      'dossier.apology-due',
      apologyReminderText(d.code, appointmentAt, now),
      now,
    );
    await tx
      .update(dossierApologyReminders)
      .set({ recipients })
      .where(
        and(eq(dossierApologyReminders.dossierId, d.id), eq(dossierApologyReminders.appointmentAt, appointmentAt)),
      );
    reminded += 1;
  }
  return reminded;
}
