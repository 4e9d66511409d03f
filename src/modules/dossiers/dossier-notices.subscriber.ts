/**
 * Dossier events → messages (outbox subscriber `dossiers.notices`). The applicant hears of every
 * state of their dossier (seed 004): received with its code and appointment, supplement
 * requested, fee due, processing resumed (with the appointment moved by the wait), result ready,
 * returned, refused, stopped, apology letter — the account that filed it in its inbox and on its
 * channels, else the phone / e-mail given at the counter.
 * Officials hear of each step handed to them (seed 002) and units of the opinions asked of them.
 * Keyed by the outbox event, so a retried event queues nothing twice. The texts hold the code,
 * the procedure's name and what the applicant's own papers say — never another person's data.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { OutboxEvent, OutboxSubscriber } from '../../kernel/module.js';
import { vietnamClockText } from '../calendar/dates.js';
import { procedureSummary } from '../catalog/procedures.query.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import type { NotificationKind } from '../notifications/kinds.js';
import { notify, type Recipient } from '../notifications/notify.service.js';
import { stepNameIn } from '../workflows/workflows.query.js';
import { dossierEvents, dossiers } from './dossiers.tables.js';
import type { DossierStatus } from './status.rules.js';

/** The applicant's notice for an action (and the status it led to), if any. */
export function citizenNoticeOf(topic: string, status: string): NotificationKind | null {
  switch (topic) {
    case 'dossier.receive':
    case 'dossier.accept':
      return status === 'received' || status === 'processing' ? 'dossier.received' : null;
    case 'dossier.requestSupplement':
      return 'dossier.supplementRequested';
    case 'dossier.requestPayment':
      return 'dossier.feeDue';
    // The applicant's wait ends: the clock restarts and the appointment moves by the time waited.
    case 'dossier.supply':
    case 'dossier.confirmPayment':
      return 'dossier.resumed';
    case 'dossier.finish':
    case 'dossier.signResult':
      return status === 'processed' ? 'dossier.resultReady' : null;
    case 'dossier.returnResult':
      return 'dossier.returned';
    case 'dossier.refuse':
      return 'dossier.refused';
    case 'dossier.stop':
      return 'dossier.stopped';
    case 'dossier.apologize':
      return 'dossier.apology';
    default:
      return null;
  }
}

/** The statuses as the applicant reads them (status.rules.ts). */
const STATUS_TEXT: Record<DossierStatus, string> = {
  registered: 'Mới đăng ký',
  received: 'Đã tiếp nhận',
  refused: 'Từ chối tiếp nhận',
  processing: 'Đang xử lý',
  awaitingSupplement: 'Chờ bổ sung',
  awaitingPayment: 'Chờ thực hiện nghĩa vụ tài chính',
  withdrawn: 'Đã rút',
  stopped: 'Dừng xử lý',
  processed: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
};

const vnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

async function dossierFacts(tx: Tx, id: string) {
  const [d] = await tx
    .select({
      id: dossiers.id,
      code: dossiers.code,
      status: dossiers.status,
      procedureId: dossiers.procedureId,
      ownerUserId: dossiers.ownerUserId,
      applicant: dossiers.applicant,
      appointmentAt: dossiers.appointmentAt,
      stepDueAt: dossiers.currentStepDueAt,
      stepName: stepNameIn(dossiers.workflowId, dossiers.currentStepKey),
    })
    .from(dossiers)
    .where(eq(dossiers.id, id));
  return d ?? null;
}

/** The note the official wrote with the action (what the applicant's form says). */
async function noteOf(tx: Tx, dossierId: string, action: string): Promise<string> {
  const [row] = await tx
    .select({ note: dossierEvents.note })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.action, action)))
    .orderBy(desc(dossierEvents.occurredAt))
    .limit(1);
  return row?.note ?? '';
}

async function handle(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const d = await dossierFacts(tx, event.aggregateId);
  if (!d) return;
  const procedure = (await procedureSummary(tx, d.procedureId))?.name ?? '';
  const base = { code: d.code, procedure, status: STATUS_TEXT[d.status] };
  const eventKey = `outbox:${event.id}`;
  const link = `/ho-so-cua-toi/${encodeURIComponent(d.code)}`;
  const action = String(event.payload.action ?? event.topic.replace(/^dossier\./, ''));

  const citizenKind = citizenNoticeOf(event.topic, String(event.payload.status ?? d.status));
  if (citizenKind) {
    const applicant: Recipient = d.ownerUserId
      ? { userId: d.ownerUserId }
      : { email: d.applicant.email ?? null, phone: d.applicant.phone ?? null };
    const extra: Record<string, string> = {
      appointment: d.appointmentAt ? vietnamClockText(d.appointmentAt) : '',
      amount: vnd(Number(event.payload.amountVnd ?? 0)),
      note: ['dossier.supplementRequested', 'dossier.refused', 'dossier.stopped', 'dossier.apology'].includes(
        citizenKind,
      )
        ? await noteOf(tx, d.id, action)
        : '',
    };
    await notify(tx, { eventKey, kind: citizenKind, recipients: [applicant], data: { ...base, ...extra }, link }, now);
  }

  const handedTo = event.payload.handedTo as { userId?: string } | undefined;
  if (handedTo?.userId) {
    await notify(
      tx,
      {
        eventKey,
        kind: 'step.assigned',
        recipients: [{ userId: handedTo.userId }],
        data: { ...base, step: d.stepName ?? '', due: d.stepDueAt ? vietnamClockText(d.stepDueAt) : '' },
        link: '/staff/dossiers',
      },
      now,
    );
  }

  const consultations = event.payload.consultations as { unitId: string; dueAt: string }[] | undefined;
  for (const c of consultations ?? []) {
    const staff = await staffToNotify(tx, 'dossier.process', c.unitId);
    await notify(
      tx,
      {
        eventKey: `${eventKey}:${c.unitId}`,
        kind: 'consultation.asked',
        recipients: staff.map((s) => ({ userId: s.userId })),
        data: { ...base, step: d.stepName ?? '', due: vietnamClockText(new Date(c.dueAt)) },
        link: '/staff/dossiers',
      },
      now,
    );
  }
}

export const dossierNotices: OutboxSubscriber = {
  name: 'dossiers.notices',
  accepts: (event) => event.aggregateType === 'dossier' && event.topic.startsWith('dossier.'),
  handle,
};
