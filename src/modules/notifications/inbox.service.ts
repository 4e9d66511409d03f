/**
 * The in-app inbox (portal and staff console), a person's preferences, the administrator's
 * templates and delivery log, and the Zalo delivery reports. Reads and changes of one's own inbox
 * and preferences are the person's own; template versions are audited.
 */
import { and, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { RequestContext } from '../../kernel/context.js';
import type { Queryable, Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { maskEmail, maskPhone } from '../../kernel/personal-data.js';
import { recordChange } from '../audit/record-change.js';
import { splitReason } from './channels.js';
import { isKind, KINDS, type NotificationKind } from './kinds.js';
import {
  type Channel,
  MESSAGE_STATUSES,
  type MessageStatus,
  notificationMessages,
  notificationPreferences,
  notificationSettings,
  notificationTemplates,
} from './notifications.tables.js';
import { currentTemplate, localesOf } from './notify.service.js';
import { type Locale, render, type TemplateText, unknownPlaceholders } from './templates.rules.js';

const inboxOf = (userId: string) =>
  and(
    eq(notificationMessages.userId, userId),
    eq(notificationMessages.channel, 'inapp'),
    eq(notificationMessages.status, 'sent'),
  );

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notificationMessages)
    .where(and(inboxOf(userId), isNull(notificationMessages.readAt)));
  return Number(row?.n ?? 0);
}

export async function inbox(db: Queryable, userId: string, limit: number) {
  const items = await db
    .select({
      id: notificationMessages.id,
      kind: notificationMessages.kind,
      subject: notificationMessages.subject,
      body: notificationMessages.body,
      reference: notificationMessages.reference,
      link: notificationMessages.link,
      createdAt: notificationMessages.createdAt,
      readAt: notificationMessages.readAt,
    })
    .from(notificationMessages)
    .where(inboxOf(userId))
    .orderBy(desc(notificationMessages.createdAt))
    .limit(limit);
  return { items, unread: await unreadCount(db, userId) };
}

/** Marks one (or, without an id, every) message of the person's inbox read; returns the unread count. */
export async function markRead(tx: Tx, userId: string, id: string | null, now: Date): Promise<number> {
  const updated = await tx
    .update(notificationMessages)
    .set({ readAt: now })
    .where(and(inboxOf(userId), isNull(notificationMessages.readAt), id ? eq(notificationMessages.id, id) : undefined))
    .returning({ id: notificationMessages.id });
  if (id && updated.length === 0) {
    const [mine] = await tx
      .select({ id: notificationMessages.id })
      .from(notificationMessages)
      .where(and(inboxOf(userId), eq(notificationMessages.id, id)));
    if (!mine) throw new AppError('NOTIFICATION_NOT_FOUND');
  }
  return unreadCount(tx, userId);
}

export interface PreferenceRow {
  kind: NotificationKind;
  medium: Channel;
  enabled: boolean;
  legal: boolean;
}

/** Every kind and channel for this audience, with the person's choice or the default. */
export async function preferencesOf(db: Queryable, userId: string, staff: boolean): Promise<PreferenceRow[]> {
  const saved = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(saved.map((p) => [`${p.kind}|${p.channel}`, p.enabled]));
  const audiences = staff ? ['official', 'leader'] : ['citizen', 'contact'];
  const rows: PreferenceRow[] = [];
  for (const [kind, spec] of Object.entries(KINDS) as [NotificationKind, (typeof KINDS)[NotificationKind]][]) {
    if (!audiences.includes(spec.audience) || spec.variables.join() === 'text') continue;
    for (const channel of ['inapp', 'email', 'sms', 'zalo'] as const) {
      const enabled =
        spec.legal || (chosen.get(`${kind}|${channel}`) ?? (spec.channels as readonly Channel[]).includes(channel));
      rows.push({ kind, medium: channel, enabled, legal: spec.legal });
    }
  }
  return rows;
}

export async function setPreferences(
  tx: Tx,
  userId: string,
  changes: readonly { kind: string; medium: Channel; enabled: boolean }[],
  now: Date,
): Promise<void> {
  for (const change of changes) {
    if (!isKind(change.kind)) throw new AppError('NOTIFICATION_KIND_UNKNOWN', { kind: change.kind });
    if (KINDS[change.kind].legal && !change.enabled)
      throw new AppError('NOTIFICATION_LEGAL_NOTICE', { kind: change.kind });
    await tx
      .insert(notificationPreferences)
      .values({ userId, kind: change.kind, channel: change.medium, enabled: change.enabled, updatedAt: now })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
        set: { enabled: change.enabled, updatedAt: now },
      });
  }
}

/** The person's language for messages (Vietnamese by default). */
export async function localeOf(db: Queryable, userId: string): Promise<Locale> {
  return (await localesOf(db, [userId])).get(userId) ?? 'vi';
}

export async function setLocale(tx: Tx, userId: string, locale: Locale, now: Date): Promise<void> {
  await tx
    .insert(notificationSettings)
    .values({ userId, locale, updatedAt: now })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { locale, updatedAt: now } });
}

export function assertKind(kind: string): NotificationKind {
  if (!isKind(kind)) throw new AppError('NOTIFICATION_KIND_UNKNOWN', { kind });
  return kind;
}

/** A kind's template in both languages, with the variables it may use. */
export async function templateOf(db: Queryable, kind: NotificationKind) {
  return {
    kind,
    variables: [...KINDS[kind].variables],
    legal: KINDS[kind].legal,
    vi: await currentTemplate(db, kind, 'vi'),
    en: await currentTemplate(db, kind, 'en'),
  };
}

/** The text with sample values (the variables' names in brackets unless given). */
export function preview(kind: NotificationKind, text: TemplateText, sample: Readonly<Record<string, string>>) {
  const unknown = unknownPlaceholders(kind, text);
  if (unknown.length) throw new AppError('NOTIFICATION_TEMPLATE_VARIABLE', { unknown });
  const data = Object.fromEntries(KINDS[kind].variables.map((v) => [v, sample[v] ?? `[${v}]`]));
  return render(text, data);
}

/** Saves a new version of a kind's template in one language (audited); returns its number. */
export async function saveTemplate(
  tx: Tx,
  ctx: RequestContext & { actor: { userId: string } },
  kind: NotificationKind,
  locale: Locale,
  text: TemplateText,
  now: Date,
): Promise<number> {
  const unknown = unknownPlaceholders(kind, text);
  if (unknown.length) throw new AppError('NOTIFICATION_TEMPLATE_VARIABLE', { unknown });
  const { version: current } = await currentTemplate(tx, kind, locale);
  const version = current + 1;
  await tx.insert(notificationTemplates).values({
    kind,
    locale,
    version,
    subject: text.subject,
    body: text.body,
    createdBy: ctx.actor.userId,
    createdAt: now,
    variables: unknown,
  });
  await recordChange(tx, ctx, {
    action: 'notification.template_save',
    targetType: 'notification_template',
    targetId: `${kind}:${locale}`,
    after: { version },
  });
  return version;
}

/** The delivery log for the administrator: newest first, addresses masked, bodies left out. */
export async function deliveryLog(db: Queryable, asked: readonly string[], limit: number) {
  const statuses = asked.filter((s): s is MessageStatus => (MESSAGE_STATUSES as readonly string[]).includes(s));
  const rows = await db
    .select({
      id: notificationMessages.id,
      kind: notificationMessages.kind,
      channel: notificationMessages.channel,
      address: notificationMessages.address,
      reference: notificationMessages.reference,
      status: notificationMessages.status,
      attempts: notificationMessages.attempts,
      lastError: notificationMessages.lastError,
      createdAt: notificationMessages.createdAt,
      sentAt: notificationMessages.sentAt,
      deliveredAt: notificationMessages.deliveredAt,
    })
    .from(notificationMessages)
    .where(statuses.length ? inArray(notificationMessages.status, [...statuses]) : undefined)
    .orderBy(desc(notificationMessages.createdAt))
    .limit(limit);
  return rows.map(({ lastError, ...r }) => {
    const reason = splitReason(lastError);
    return {
      ...r,
      address: r.address === null ? null : r.channel === 'email' ? maskEmail(r.address) : maskPhone(r.address),
      lastErrorCode: reason.code,
      lastError: reason.text,
    };
  });
}

/**
 * A provider's delivery report: the message sent with this tracking id and provider id is delivered.
 * The report can overtake the worker: ZNS may call the webhook before the worker, back from the send
 * call, has recorded it as sent (status still 'pending'). The report is then kept on the row
 * (delivered_at, provider_id) and the worker's own update turns it 'delivered' (see deliver.service).
 */
export async function markDelivered(tx: Tx, trackingId: string, providerId: string, at: Date): Promise<boolean> {
  const updated = await tx
    .update(notificationMessages)
    .set({
      status: sql`case when ${notificationMessages.status} = 'sent' then 'delivered' else ${notificationMessages.status} end`,
      providerId,
      deliveredAt: at,
    })
    .where(
      and(
        sql`${notificationMessages.id}::text = ${trackingId}`,
        or(
          and(eq(notificationMessages.status, 'sent'), eq(notificationMessages.providerId, providerId)),
          and(eq(notificationMessages.status, 'pending'), isNull(notificationMessages.providerId)),
        ),
      ),
    )
    .returning({ id: notificationMessages.id });
  return updated.length > 0;
}
