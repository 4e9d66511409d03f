/**
 * The delivery task's work: for each external channel, claim the pending messages that are due
 * (FOR UPDATE SKIP LOCKED: concurrent processes take different rows), no more than the channel's
 * per-minute limit minus what it sent in the last minute, hand each to the channel's adapter and
 * record the outcome on the row. A failure waits with the outbox's backoff (30 s doubling, ≤ 1 h)
 * and, once the tries are spent or the provider refused the message for good, is `failed` — the
 * administrator's list shows it. Delivery is at least once: a process that dies between the
 * provider's answer and the commit sends that message again.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../kernel/db.js';
import { ChannelError, type Channels } from './channels.js';
import { afterFailure, type QuietHours, type RateLimits, releaseAt } from './delivery.rules.js';
import type { ExternalChannel } from './notifications.tables.js';

export interface DeliverySettings {
  quietHours: QuietHours | null;
  limits: RateLimits;
  maxAttempts: number;
}

type Due = { id: string; address: string; subject: string; body: string; reference: string | null; attempts: number };

const CHANNEL_ORDER: readonly ExternalChannel[] = ['email', 'sms', 'zalo'];

async function deliverChannel(
  db: Database,
  channel: ExternalChannel,
  channels: Channels,
  now: Date,
  settings: DeliverySettings,
) {
  const counts = { sent: 0, retried: 0, failed: 0 };
  await db.transaction(async (tx) => {
    const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
    const [recent] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from notification_messages
        where channel = ${channel} and sent_at > ${minuteAgo}::timestamptz and sent_at <= ${now.toISOString()}::timestamptz`,
    );
    const room = settings.limits[channel] - Number(recent?.n ?? 0);
    if (room <= 0) return;
    // In the quiet hours only urgent messages leave; the others wait for the morning (their turn keeps).
    const quiet = releaseAt(now, settings.quietHours, false).getTime() > now.getTime();
    const due = await queryRows<Due>(
      tx,
      sql`select id, address, subject, body, reference, attempts from notification_messages
        where status = 'pending' and channel = ${channel} and next_attempt_at <= ${now.toISOString()}::timestamptz
          and (urgent or not ${quiet})
        order by next_attempt_at, created_at limit ${Math.min(room, 100)} for update skip locked`,
    );
    for (const m of due) {
      const attempts = Number(m.attempts) + 1;
      try {
        const { providerId } = await channels[channel].send({
          id: m.id,
          to: m.address,
          subject: m.subject,
          body: m.body,
          code: m.reference,
        });
        await tx.execute(sql`update notification_messages set status = 'sent', attempts = ${attempts}, provider_id = ${providerId},
          sent_at = ${now.toISOString()}::timestamptz, next_attempt_at = null, last_error = null where id = ${m.id}`);
        counts.sent += 1;
      } catch (error) {
        const permanent = error instanceof ChannelError && error.permanent;
        const next = afterFailure(now, attempts, settings.maxAttempts, permanent);
        await tx.execute(sql`update notification_messages set status = ${next.status}, attempts = ${attempts},
          next_attempt_at = ${next.nextAttemptAt?.toISOString() ?? null}::timestamptz,
          last_error = ${String((error as Error).message).slice(0, 500)} where id = ${m.id}`);
        if (next.status === 'failed') counts.failed += 1;
        else counts.retried += 1;
      }
    }
  });
  return counts;
}

/** Sends what is due at `now` on every channel; returns the counts per outcome. */
export async function deliverDue(db: Database, channels: Channels, now: Date, settings: DeliverySettings) {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (const channel of CHANNEL_ORDER) {
    const c = await deliverChannel(db, channel, channels, now, settings);
    total.sent += c.sent;
    total.retried += c.retried;
    total.failed += c.failed;
  }
  return total;
}
