/**
 * Delivery decisions as plain data: which channels a message goes to, when a non-urgent one may
 * leave (quiet hours, Vietnam time), how many a channel may send per minute, and what a failure
 * leads to (backoff as the outbox relay does it, then `failed`).
 */
import { type Backoff, retryAt } from '../outbox/backoff.rules.js';
import type { KindSpec } from './kinds.js';
import type { Channel, ExternalChannel } from './notifications.tables.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const VIETNAM_OFFSET_MS = 7 * 60 * MINUTE_MS;

export const DELIVERY_BACKOFF: Backoff = { baseSeconds: 30, maxSeconds: 3600 };

export interface Addresses {
  /** Has an account (the in-app inbox). */
  inapp: boolean;
  email: string | null;
  phone: string | null;
}

export type ChannelPlan = { channel: Channel; address: string | null; optedOut: boolean };

/**
 * The channels of a message for one person: those of the kind's defaults (or those the person
 * switched on) where there is an address. A legal notice goes out whatever the preference says;
 * otherwise a channel switched off is kept with `optedOut` (logged as skipped, never sent).
 */
export function planChannels(
  spec: Pick<KindSpec, 'channels' | 'legal'>,
  to: Addresses,
  preferences: ReadonlyMap<Channel, boolean>,
): ChannelPlan[] {
  const address = (channel: Channel): string | null | undefined =>
    channel === 'inapp' ? (to.inapp ? null : undefined) : channel === 'email' ? to.email : to.phone;
  const plans: ChannelPlan[] = [];
  for (const channel of ['inapp', 'email', 'zalo', 'sms'] as const) {
    const where = address(channel);
    if (where === undefined || (channel !== 'inapp' && !where)) continue;
    const chosen = preferences.get(channel);
    const byDefault = spec.channels.includes(channel);
    if (!byDefault && chosen !== true) continue;
    plans.push({ channel, address: where, optedOut: !spec.legal && chosen === false });
  }
  return plans;
}

/** Quiet hours as minutes of the Vietnam day, [from, to) — wrapping midnight when from > to. */
export interface QuietHours {
  fromMinute: number;
  toMinute: number;
}

export function parseQuietHours(text: string): QuietHours | null {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  if (!m) return null;
  const fromMinute = Number(m[1]) * 60 + Number(m[2]);
  const toMinute = Number(m[3]) * 60 + Number(m[4]);
  return fromMinute === toMinute ? null : { fromMinute, toMinute };
}

/** When a message created at `now` may leave: now, or the end of the quiet hours it falls in. */
export function releaseAt(now: Date, quiet: QuietHours | null, urgent: boolean): Date {
  if (!quiet || urgent) return now;
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const minute = Math.floor((local - dayStart) / MINUTE_MS);
  const { fromMinute, toMinute } = quiet;
  const inside =
    fromMinute < toMinute ? minute >= fromMinute && minute < toMinute : minute >= fromMinute || minute < toMinute;
  if (!inside) return now;
  // The end is today when we are before it (the early-morning part), else tomorrow.
  const endToday = dayStart + toMinute * MINUTE_MS;
  const end = minute < toMinute ? endToday : endToday + DAY_MS;
  return new Date(end - VIETNAM_OFFSET_MS);
}

export type RateLimits = Record<ExternalChannel, number>;

/** `email=600,sms=60` → per-minute limits; a channel not named keeps its default. */
export function parseRateLimits(text: string, defaults: RateLimits): RateLimits {
  const limits = { ...defaults };
  for (const part of text.split(',').filter(Boolean)) {
    const [name, value] = part.split('=');
    if (name === 'email' || name === 'sms' || name === 'zalo') limits[name] = Number(value);
  }
  return limits;
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed'; nextAttemptAt: null };

/** After the n-th failed try: again later (backoff), or failed for good once the tries are spent or the provider refused for good. */
export function afterFailure(now: Date, attempts: number, maxAttempts: number, permanent: boolean): AfterFailure {
  if (permanent || attempts >= maxAttempts) return { status: 'failed', nextAttemptAt: null };
  return { status: 'pending', nextAttemptAt: retryAt(now, attempts, DELIVERY_BACKOFF) };
}

/** Whether the daily digest is due: at or after HH:MM Vietnam time on a working day. */
export function digestDue(now: Date, time: string, workingDay: boolean): boolean {
  if (!workingDay) return false;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  const minute = Math.floor((local % DAY_MS) / MINUTE_MS);
  return minute >= h * 60 + m;
}
