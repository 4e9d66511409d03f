/**
 * What MotCua tells whom: every kind of message, who receives it, the channels it goes to unless
 * the person chose otherwise, whether it is a legal notice (cannot be switched off) or urgent
 * (ignores quiet hours), and the only variables its template may use — the data the recipient may
 * see. Legal notices: the request to supplement (mẫu 02), the refusal (mẫu 03), the apology and
 * new appointment (mẫu 04) and the notice of stopping (mẫu 05) of Circular 03/2025/TT-VPCP under
 * Decree 118/2025/NĐ-CP (docs/domain/DOMAIN.md §4, §9 "Notifications"): the applicant must
 * receive them, so a preference cannot silence them.
 */
import type { Channel } from './notifications.tables.js';

export type Audience = 'citizen' | 'official' | 'leader' | 'contact';

export interface KindSpec {
  audience: Audience;
  legal: boolean;
  urgent: boolean;
  /** The channels used when the person has no preference row (and has an address there). */
  channels: readonly Channel[];
  variables: readonly string[];
}

const CITIZEN: readonly Channel[] = ['inapp', 'email', 'zalo'];
const CITIZEN_LEGAL: readonly Channel[] = ['inapp', 'email', 'zalo', 'sms'];
const OFFICIAL: readonly Channel[] = ['inapp', 'email'];
const DOSSIER = ['code', 'procedure', 'status'] as const;

const citizen = (variables: readonly string[], legal = false): KindSpec => ({
  audience: 'citizen',
  legal,
  urgent: legal,
  channels: legal ? CITIZEN_LEGAL : CITIZEN,
  variables: [...DOSSIER, ...variables],
});
const official = (variables: readonly string[], audience: Audience = 'official', urgent = false): KindSpec => ({
  audience,
  legal: false,
  urgent,
  channels: OFFICIAL,
  variables,
});

export const KINDS = {
  // Citizens: every state of their dossier (seed 004).
  'dossier.received': citizen(['appointment']),
  'dossier.supplementRequested': citizen(['note'], true),
  'dossier.feeDue': citizen(['amount']),
  // The clock restarts (supplement supplied, fee paid): the appointment moved by the time waited.
  'dossier.resumed': citizen(['appointment']),
  'dossier.resultReady': citizen([]),
  'dossier.returned': citizen([]),
  'dossier.refused': citizen(['note'], true),
  'dossier.stopped': citizen(['note'], true),
  'dossier.apology': citizen(['appointment', 'note'], true),
  'feedback.answered': {
    audience: 'contact',
    legal: false,
    urgent: false,
    channels: ['inapp', 'email', 'sms'],
    variables: ['code', 'title'],
  },
  // Officials: each step of the workflow (seed 002: "thông báo qua Zalo … từng bước của quy trình").
  'step.assigned': official([...DOSSIER, 'step', 'due']),
  'consultation.asked': official([...DOSSIER, 'step', 'due']),
  'step.dueSoon': official([...DOSSIER, 'step', 'due'], 'official', true),
  'step.overdue': official([...DOSSIER, 'step', 'due'], 'official', true),
  'worklist.digest': official(['day', 'total', 'dueSoon', 'overdue', 'list']),
  'unit.lateList': official(['day', 'unit', 'count', 'list'], 'leader'),
  // Leaders: their unit's dossiers late in the reporting month that closed on the 20th (kpi module).
  'unit.monthlyLateList': official(['month', 'from', 'to', 'unit', 'count', 'withApology', 'list'], 'leader'),
  // The reminders and one-time codes that came before this module (bodies rendered by their owner).
  'dossier.apology-due': official(['text'], 'leader', true),
  'feedback.due-reminder': official(['text']),
  'store.bulk-read-alarm': official(['text'], 'official', true),
  'queue.booking-reminder': {
    audience: 'contact',
    legal: false,
    urgent: false,
    channels: ['email', 'sms'],
    variables: ['text'],
  },
  'feedback.verification-code': {
    audience: 'contact',
    legal: false,
    urgent: true,
    channels: ['email', 'sms'],
    variables: ['text'],
  },
  'store.consent-code': {
    audience: 'contact',
    legal: false,
    urgent: true,
    channels: ['email', 'sms'],
    variables: ['text'],
  },
} as const satisfies Record<string, KindSpec>;

export type NotificationKind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as NotificationKind[];
export const isKind = (name: string): name is NotificationKind => name in KINDS;
export const kindSpec = (kind: NotificationKind): KindSpec => KINDS[kind];
