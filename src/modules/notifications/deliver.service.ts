/**
 * The delivery task's work: for each external channel, claim the pending messages that are due
 * (FOR UPDATE SKIP LOCKED: concurrent processes take different rows), no more than the channel's
 * per-minute limit minus what it sent in the last minute, hand each to the channel's adapter and
 * record the outcome on the row. A failure waits with the outbox's backoff (30 s doubling, ≤ 1 h)
 * and, once the tries are spent or the provider refused the message for good, is `failed` — the
 * administrator's list shows it; after a failure that may pass, the channel's other messages keep
 * their turn for the next run. No transaction is open while a provider is called (the claim
 * is a short transaction of its own). Delivery is at least once: a process that dies between the
 * provider's answer and the record sends that message again once its claim lapses.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../kernel/db.js';
import { ChannelError, type Channels, reasonText, storedReason } from './channels.js';
import { afterFailure, type QuietHours, type RateLimits, releaseAt } from './delivery.rules.js';
import type { ExternalChannel } from './notifications.tables.js';

export interface DeliverySettings {
  quietHours: QuietHours | null;
  limits: RateLimits;
  maxAttempts: number;
}

type Due = {
  id: string;
  address: string;
  subject: string;
  body: string;
  reference: string | null;
  attempts: number;
  /** Its turn before this run claimed it. */
  turn: string | Date;
};

const CHANNEL_ORDER: readonly ExternalChannel[] = ['email', 'sms', 'zalo'];

/**
 * How long a claimed message is the claiming run's to send. A process that dies mid-send leaves
 * it due again after this; a run stops sending (and hands the rest back) at half of it.
 */
const CLAIM_MS = 5 * 60_000;

async function deliverChannel(
  db: Database,
  channel: ExternalChannel,
  channels: Channels,
  now: Date,
  settings: DeliverySettings,
) {
  const counts = { sent: 0, retried: 0, failed: 0 };
  // Claimed in one short transaction (pushed out of the other runs' reach for CLAIM_MS); the
  // provider is called with no transaction open: a hung provider must not hold a connection —
  // on PGlite the only one, which every request waits for — while its timeout runs.
  const due = await db.transaction(async (tx) => {
    const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
    const [recent] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from notification_messages
        where channel = ${channel} and sent_at > ${minuteAgo}::timestamptz and sent_at <= ${now.toISOString()}::timestamptz`,
    );
    const room = settings.limits[channel] - Number(recent?.n ?? 0);
    if (room <= 0) return [];
    // In the quiet hours only urgent messages leave; the others wait for the morning (their turn keeps).
    const quiet = releaseAt(now, settings.quietHours, false).getTime() > now.getTime();
    const rows = await queryRows<Due>(
      tx,
      sql`select id, address, subject, body, reference, attempts, next_attempt_at as "turn" from notification_messages
        where status = 'pending' and channel = ${channel} and next_attempt_at <= ${now.toISOString()}::timestamptz
          and (urgent or not ${quiet})
        order by next_attempt_at, created_at limit ${Math.min(room, 100)} for update skip locked`,
    );
    const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
    for (const m of rows)
      await tx.execute(
        sql`update notification_messages set next_attempt_at = ${claimedUntil}::timestamptz where id = ${m.id}`,
      );
    return rows;
  });
  const started = performance.now();
  for (const [i, m] of due.entries()) {
    const attempts = Number(m.attempts) + 1;
    try {
      const { providerId } = await channels[channel].send({
        id: m.id,
        to: m.address,
        subject: m.subject,
        body: m.body,
        code: m.reference,
      });
      // A delivery report that overtook this update left its provider id and time on the row.
      await db.execute(sql`update notification_messages
        set status = case when delivered_at is not null and provider_id = ${providerId} then 'delivered' else 'sent' end,
        attempts = ${attempts}, provider_id = ${providerId},
        sent_at = ${now.toISOString()}::timestamptz, next_attempt_at = null, last_error = null
        where id = ${m.id} and status = 'pending'`);
      counts.sent += 1;
    } catch (error) {
      const permanent = error instanceof ChannelError && error.permanent;
      // What the administrator reads: a stable code and a Vietnamese sentence (never the provider's text).
      const reason =
        error instanceof ChannelError
          ? storedReason(error.code, error.message)
          : storedReason('NOTIFY_SEND_FAILED', reasonText('NOTIFY_SEND_FAILED', '', (error as Error).name || 'Error'));
      const next = afterFailure(now, attempts, settings.maxAttempts, permanent);
      await db.execute(sql`update notification_messages set status = ${next.status}, attempts = ${attempts},
        next_attempt_at = ${next.nextAttemptAt?.toISOString() ?? null}::timestamptz,
        last_error = ${reason.slice(0, 500)} where id = ${m.id} and status = 'pending'`);
      if (next.status === 'failed') counts.failed += 1;
      else counts.retried += 1;
      // The provider is unreachable or failing: the others keep their turn for the next run
      // rather than each waiting out the same timeout now.
      if (!permanent) {
        await handBack(db, due.slice(i + 1));
        break;
      }
    }
    if (performance.now() - started > CLAIM_MS / 2) {
      await handBack(db, due.slice(i + 1));
      break;
    }
  }
  return counts;
}

/** Gives claimed, unsent messages their turn back (as if this run had not claimed them). */
async function handBack(db: Database, rest: readonly Due[]) {
  for (const m of rest)
    await db.execute(sql`update notification_messages set next_attempt_at = ${new Date(m.turn).toISOString()}::timestamptz
      where id = ${m.id} and status = 'pending'`);
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
