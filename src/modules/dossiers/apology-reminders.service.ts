/**
 * Tells the competent unit's leaders and the dossier's current assignee that an apology letter
 * (mẫu 04) is due — the same rule as the dossier view's `apologyDue` — once per dossier and
 * appointment. The reminder row is claimed with an insert that skips an existing one, in the
 * transaction that sends the messages, so a second run or another process sends nothing.
 */
import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import { type Notifier, sendToStaff } from '../notifications/notifier.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import { apologyDue, apologyReminderText } from './deadline.rules.js';
import type { DeadlineClock } from './dossier-view.js';
import { dossierExtras } from './dossiers.query.js';
import { dossiers } from './dossiers.tables.js';
import { dossierApologyReminders } from './processing.tables.js';

/** Unfinished, running dossiers whose apology letter is due at the clock's time. */
async function dossiersNeedingApology(tx: Tx, clock: DeadlineClock) {
  const rows = await tx
    .select({
      id: dossiers.id,
      code: dossiers.code,
      competentUnitId: dossiers.competentUnitId,
      assigneeId: dossiers.currentAssigneeId,
      appointmentAt: dossiers.appointmentAt,
      lastExtendedTo: dossierExtras.lastExtendedTo,
    })
    .from(dossiers)
    .where(
      and(
        isNull(dossiers.completedAt),
        isNull(dossiers.pausedSince),
        isNotNull(dossiers.appointmentAt),
        lte(dossiers.appointmentAt, clock.dueSoonBy),
      ),
    );
  return rows.filter((d) =>
    apologyDue(
      { finished: false, paused: false, appointmentAt: d.appointmentAt, lastExtendedTo: d.lastExtendedTo },
      clock.now,
      clock.dueSoonBy,
    ),
  );
}

export async function sendApologyReminders(tx: Tx, notifier: Notifier, clock: DeadlineClock): Promise<number> {
  let reminded = 0;
  for (const d of await dossiersNeedingApology(tx, clock)) {
    const appointmentAt = d.appointmentAt!;
    const [claimed] = await tx
      .insert(dossierApologyReminders)
      .values({ dossierId: d.id, appointmentAt, sentAt: clock.now })
      .onConflictDoNothing()
      .returning({ dossierId: dossierApologyReminders.dossierId });
    if (!claimed) continue;
    const staff = await staffToNotify(tx, 'dossier.approve', d.competentUnitId, d.assigneeId ? [d.assigneeId] : []);
    const recipients = await sendToStaff(
      tx,
      notifier,
      staff,
      'dossier.apology-due',
      apologyReminderText(d.code, appointmentAt, clock.now),
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
