/**
 * The one way a module asks for a message: `notify(tx, request, now)`, in the caller's
 * transaction (a rolled-back change sends nothing). Each (event, recipient, channel) becomes one
 * row of the delivery log, at most once — a producer that runs again (the outbox relay retrying an
 * event, a periodic task repeating) adds nothing. In-app messages are in the inbox at once; the
 * others wait for the delivery task (deliver.service.ts), which holds non-urgent ones over the quiet hours.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import { contactsOfUsers } from '../identity/staff-contacts.query.js';
import { reasonText, storedReason } from './channels.js';
import { planChannels } from './delivery.rules.js';
import { KINDS, type NotificationKind } from './kinds.js';
import {
  type Channel,
  notificationMessages,
  notificationPreferences,
  notificationSettings,
  notificationTemplates,
} from './notifications.tables.js';
import { DEFAULT_TEMPLATES, type Locale, render, type TemplateText } from './templates.rules.js';

/** An account (inbox, its e-mail and phone), or someone known only by an address. */
export type Recipient = { userId: string } | { email?: string | null; phone?: string | null };

export interface NotificationRequest {
  /** Unique per occurrence: `outbox:<event id>`, `apology:<dossier>:<appointment>` … */
  eventKey: string;
  kind: NotificationKind;
  recipients: readonly Recipient[];
  /** The template's variables: only what every recipient may see. */
  data: Readonly<Record<string, string | number>>;
  /** Where the in-app message leads (e.g. `/portal/dossiers/<id>`). */
  link?: string | null;
  /** Only these channels (e.g. a one-time code asked for by SMS). */
  only?: readonly Channel[];
}

/** The template in force for a kind and locale: the administrator's latest version, else the built-in one. */
export async function currentTemplate(
  db: Queryable,
  kind: NotificationKind,
  locale: Locale,
): Promise<TemplateText & { version: number }> {
  const [saved] = await db
    .select({
      version: notificationTemplates.version,
      subject: notificationTemplates.subject,
      body: notificationTemplates.body,
    })
    .from(notificationTemplates)
    .where(and(eq(notificationTemplates.kind, kind), eq(notificationTemplates.locale, locale)))
    .orderBy(desc(notificationTemplates.version))
    .limit(1);
  return saved ?? { ...DEFAULT_TEMPLATES[kind][locale], version: 0 };
}

async function preferencesOf(tx: Tx, userIds: string[], kind: string) {
  const rows = userIds.length
    ? await tx
        .select()
        .from(notificationPreferences)
        .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)))
    : [];
  const byUser = new Map<string, Map<Channel, boolean>>();
  for (const row of rows) {
    const map = byUser.get(row.userId) ?? new Map<Channel, boolean>();
    map.set(row.channel, row.enabled);
    byUser.set(row.userId, map);
  }
  return byUser;
}

/** Each person's language for messages (Vietnamese unless they chose English). */
export async function localesOf(db: Queryable, userIds: readonly string[]): Promise<Map<string, Locale>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: notificationSettings.userId, locale: notificationSettings.locale })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, [...userIds]));
  return new Map(rows.map((r) => [r.userId, r.locale]));
}

/** Queues the messages of one event; returns how many rows were new (skipped ones included). */
export async function notify(tx: Tx, request: NotificationRequest, now: Date): Promise<number> {
  const spec = KINDS[request.kind];
  const userIds = [...new Set(request.recipients.flatMap((r) => ('userId' in r ? [r.userId] : [])))];
  const contacts = new Map((await contactsOfUsers(tx, userIds)).map((c) => [c.userId, c]));
  const preferences = await preferencesOf(tx, userIds, request.kind);
  const locales = await localesOf(tx, userIds);
  const texts = new Map<Locale, { version: number; subject: string; body: string }>();
  const textIn = async (locale: Locale) => {
    let text = texts.get(locale);
    if (!text) {
      const template = await currentTemplate(tx, request.kind, locale);
      text = { version: template.version, ...render(template, request.data) };
      texts.set(locale, text);
    }
    return text;
  };
  const rows: (typeof notificationMessages.$inferInsert)[] = [];
  for (const recipient of request.recipients) {
    const account = 'userId' in recipient ? contacts.get(recipient.userId) : undefined;
    if ('userId' in recipient && !account) continue; // disabled or unknown account
    const to = account
      ? { inapp: true, email: account.email, phone: account.phone }
      : {
          inapp: false,
          email: (recipient as { email?: string | null }).email ?? null,
          phone: (recipient as { phone?: string | null }).phone ?? null,
        };
    const recipientKey = account ? `user:${account.userId}` : `contact:${to.email ?? to.phone}`;
    const chosen = account ? (preferences.get(account.userId) ?? new Map()) : new Map<Channel, boolean>();
    const locale: Locale = (account && locales.get(account.userId)) || 'vi';
    const text = await textIn(locale);
    for (const plan of planChannels(spec, to, chosen)) {
      if (request.only && !request.only.includes(plan.channel)) continue;
      const inapp = plan.channel === 'inapp';
      rows.push({
        eventKey: request.eventKey,
        kind: request.kind,
        recipientKey,
        userId: account?.userId ?? null,
        channel: plan.channel,
        address: plan.address,
        templateVersion: text.version,
        locale,
        subject: text.subject,
        body: text.body,
        reference: typeof request.data.code === 'string' ? request.data.code : null,
        link: request.link ?? null,
        urgent: spec.urgent,
        status: plan.optedOut ? 'skipped' : inapp ? 'sent' : 'pending',
        lastError: plan.optedOut ? storedReason('NOTIFY_OPTED_OUT', reasonText('NOTIFY_OPTED_OUT')) : null,
        nextAttemptAt: plan.optedOut || inapp ? null : now,
        sentAt: inapp && !plan.optedOut ? now : null,
        createdAt: now,
      });
    }
  }
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(notificationMessages)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notificationMessages.id });
  return inserted.length;
}
