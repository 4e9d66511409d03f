/**
 * The services this module gives the others (built once by its manifest's `provides`):
 * `notifier` — a text their owner already wrote (one-time codes, reminders) to an address or to
 * officials, through the delivery log like every other message — and the channel adapters with
 * the simulators behind them when no real provider is configured. Nothing here logs the
 * recipient or the text: they carry one-time codes and personal contacts.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { type Channels, smsGatewayChannel, smtpChannel, zaloChannel } from './channels.js';
import type { DeliverySettings } from './deliver.service.js';
import { parseQuietHours, parseRateLimits } from './delivery.rules.js';
import { MailSink, SmsSimulator, simulatorFetch, ZaloSimulator } from './gateway-simulators.js';
import { isKind } from './kinds.js';
import { type NotificationRequest, notify, type Recipient } from './notify.service.js';

export interface OutgoingText {
  medium: 'sms' | 'email';
  recipient: string;
  /** The kind of message (kinds.ts), e.g. `feedback.verification-code`. */
  template: string;
  body: string;
}

/** An official to tell: the account (inbox, e-mail) when known. */
export interface StaffRecipient {
  userId?: string;
  email: string | null;
  phone: string | null;
}

export interface Notifier {
  readonly settings: DeliverySettings;
  /** Queues a text to one address within the caller's transaction: a rolled-back request sends nothing. */
  send(tx: Tx, message: OutgoingText, now?: Date): Promise<void>;
  /** Queues the messages of one event (notify.service.ts); how many rows were new. */
  notify(tx: Tx, request: NotificationRequest, now: Date): Promise<number>;
}

export function createNotifier(settings: DeliverySettings): Notifier {
  return {
    settings,
    notify,
    async send(tx, message, now = new Date()) {
      if (!isKind(message.template)) throw new Error(`unknown notification kind ${message.template}`);
      const to = message.medium === 'sms' ? { phone: message.recipient } : { email: message.recipient };
      await notify(
        tx,
        {
          eventKey: `direct:${randomUUID()}`,
          kind: message.template,
          recipients: [to],
          data: { text: message.body },
          only: [message.medium],
        },
        now,
      );
    },
  };
}

/**
 * Tells officials a text their owner wrote (a reminder, an alarm): each in the inbox and on the
 * kind's channels, or by e-mail / SMS when only an address is known. Returns how many were reached.
 */
export async function sendToStaff(
  tx: Tx,
  notifier: Notifier,
  staff: readonly StaffRecipient[],
  template: string,
  body: string,
  now: Date = new Date(),
): Promise<number> {
  if (!isKind(template)) throw new Error(`unknown notification kind ${template}`);
  const recipients = staff.flatMap((p): Recipient[] =>
    p.userId ? [{ userId: p.userId }] : p.email || p.phone ? [{ email: p.email, phone: p.phone }] : [],
  );
  if (recipients.length === 0) return 0;
  await notifier.notify(
    tx,
    { eventKey: `direct:${randomUUID()}`, kind: template, recipients, data: { text: body } },
    now,
  );
  return recipients.length;
}

export interface NotificationSimulators {
  sms: SmsSimulator | null;
  zalo: ZaloSimulator | null;
  mail: MailSink | null;
}

/** The services of this module (its manifest's `provides`): the notifier and the channels with their simulators. */
export function notificationServicesFromEnv(env: Env) {
  const { channels, simulators } = channelsOf(env);
  return {
    notifier: createNotifier(deliverySettings(env)),
    notificationChannels: channels,
    notificationSimulators: simulators,
  };
}

function deliverySettings(env: Env): DeliverySettings {
  return {
    quietHours: parseQuietHours(env.NOTIFY_QUIET_HOURS),
    limits: parseRateLimits(env.NOTIFY_RATE_PER_MINUTE, { email: 600, sms: 60, zalo: 120 }),
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
  };
}

/** The adapters of SMTP_URL, SMS_GATEWAY_URL and ZALO_ZNS_URL, each else its simulator. */
function channelsOf(env: Env): { channels: Channels; simulators: NotificationSimulators } {
  const mail = env.SMTP_URL ? null : new MailSink();
  const sms = env.SMS_GATEWAY_URL ? null : new SmsSimulator(env.SMS_GATEWAY_API_KEY, env.SMS_BRANDNAME);
  const zalo = env.ZALO_ZNS_URL
    ? null
    : new ZaloSimulator(env.ZALO_APP_ID, env.ZALO_APP_SECRET, env.ZALO_REFRESH_TOKEN);
  const smsFetch = sms ? simulatorFetch(sms) : (url: string, init: RequestInit) => fetch(url, init);
  const zaloFetch = zalo ? simulatorFetch(zalo) : (url: string, init: RequestInit) => fetch(url, init);
  const channels: Channels = {
    email: env.SMTP_URL ? smtpChannel(env.SMTP_URL, env.MAIL_FROM) : mail!,
    sms: smsGatewayChannel(
      env.SMS_GATEWAY_URL ?? 'http://sms.sim',
      env.SMS_GATEWAY_API_KEY,
      env.SMS_BRANDNAME,
      smsFetch,
    ),
    zalo: zaloChannel(
      {
        znsBase: env.ZALO_ZNS_URL ?? 'http://zalo.sim',
        oauthBase: env.ZALO_OAUTH_URL ?? env.ZALO_ZNS_URL ?? 'http://zalo.sim',
        appId: env.ZALO_APP_ID,
        secret: env.ZALO_APP_SECRET,
        refreshToken: env.ZALO_REFRESH_TOKEN,
        templateId: env.ZALO_TEMPLATE_ID,
      },
      zaloFetch,
    ),
  };
  return { channels, simulators: { sms, zalo, mail } };
}

declare module '../../kernel/http.js' {
  interface Services {
    /** Texts their owner wrote (codes, reminders) through the delivery log (notifications module). */
    notifier: Notifier;
    /** The channel adapters (SMTP, SMS gateway, Zalo ZNS) the delivery task sends through. */
    notificationChannels: Channels;
    /** The in-process SMS/Zalo/mail simulators, where no real provider is configured. */
    notificationSimulators: NotificationSimulators;
  }
}
