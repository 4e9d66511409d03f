/** Request and response schemas of the notifications routes (also the OpenAPI document). */
import { z } from 'zod';
import { CHANNELS, MESSAGE_STATUSES } from './notifications.tables.js';

export const Channel = z.enum(CHANNELS);

export const InboxItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  reference: z.string().nullable().describe('The dossier or feedback code'),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export const Inbox = z.object({ items: z.array(InboxItem), unread: z.number().int() });
export const InboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const Unread = z.object({ unread: z.number().int() });
export const ReadBody = z.object({ id: z.uuid().nullable().describe('One message, or null: all') });

export const Preference = z.object({ kind: z.string(), medium: Channel, enabled: z.boolean(), legal: z.boolean() });
export const MessageLocale = z.enum(['vi', 'en']).describe('The language messages are written in to this person');
export const Preferences = z.object({ items: z.array(Preference), locale: MessageLocale });
export const PreferencesBody = z
  .object({
    items: z
      .array(z.object({ kind: z.string().max(60), medium: Channel, enabled: z.boolean() }))
      .max(200)
      .default([]),
    locale: MessageLocale.optional(),
  })
  .refine((b) => b.items.length > 0 || b.locale !== undefined, {
    message: 'Cần ít nhất một lựa chọn kênh hoặc ngôn ngữ.',
  });

export const TemplateText = z.object({ subject: z.string().min(1).max(300), body: z.string().min(1).max(4000) });
export const KindParams = z.object({ kind: z.string().max(60) });
export const Template = z.object({
  kind: z.string(),
  variables: z.array(z.string()),
  legal: z.boolean(),
  vi: TemplateText.extend({ version: z.number().int() }),
  en: TemplateText.extend({ version: z.number().int() }),
});
export const Templates = z.object({ items: z.array(Template) });
export const TemplateSaveBody = TemplateText.extend({ locale: z.enum(['vi', 'en']) });
export const PreviewBody = TemplateText.extend({ sample: z.record(z.string(), z.string().max(500)).default({}) });

export const DeliveryQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z,]*$/)
    .optional()
    .describe('Comma-separated statuses, e.g. failed,pending'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const DeliveryRow = z.object({
  id: z.uuid(),
  kind: z.string(),
  channel: Channel,
  address: z.string().nullable().describe('Masked'),
  reference: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  lastErrorCode: z
    .string()
    .nullable()
    .describe('Why it waits or failed, a stable code (NOTIFY_PEER_UNREACHABLE, NOTIFY_PEER_REFUSED…)'),
  lastError: z.string().nullable().describe('The same reason in Vietnamese, for the administrator'),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});
export const DeliveryLog = z.object({ items: z.array(DeliveryRow) });

/** Zalo's webhook body for a delivery report (event `user_received_message`). */
export const ZnsCallback = z.object({
  event_name: z.string(),
  app_id: z.string(),
  timestamp: z.string(),
  message: z.object({ msg_id: z.string(), tracking_id: z.string(), delivery_time: z.string().optional() }).optional(),
});
