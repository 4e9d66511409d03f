/**
 * Tells the competent unit's officials (those holding feedback.handle there) when an item's
 * answer or publication is due soon, and again when it is overdue — each once per item. The
 * reminder row is claimed with an insert that skips an existing one, in the transaction that
 * sends the messages: a rollback sends nothing, a second run or another process sends nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { DeadlineClock } from '../dossiers/dossier-view.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import { feedbackDueSoon } from './feedback.query.js';
import { feedbackReminders } from './feedback.tables.js';
import { type Notifier, sendToStaff } from '../notifications/notifier.js';
import { feedbackReminderKind, feedbackReminderText } from './reminders.rules.js';

export async function sendFeedbackReminders(tx: Tx, notifier: Notifier, clock: DeadlineClock): Promise<number> {
  let reminded = 0;
  for (const { item, dueAt, state } of await feedbackDueSoon(tx, clock)) {
    if (!item.unitId) continue; // not yet routed: the provincial office sees it on its worklist
    const kind = feedbackReminderKind(item.status, state);
    const [claimed] = await tx
      .insert(feedbackReminders)
      .values({ feedbackId: item.id, kind, dueAt, sentAt: clock.now })
      .onConflictDoNothing()
      .returning({ feedbackId: feedbackReminders.feedbackId });
    if (!claimed) continue;
    const staff = await staffToNotify(tx, 'feedback.handle', item.unitId);
    const recipients = await sendToStaff(
      tx,
      notifier,
      staff,
      'feedback.due-reminder',
      feedbackReminderText(item.code, kind, dueAt),
      clock.now,
    );
    await tx
      .update(feedbackReminders)
      .set({ recipients })
      .where(and(eq(feedbackReminders.feedbackId, item.id), eq(feedbackReminders.kind, kind)));
    reminded += 1;
  }
  return reminded;
}
