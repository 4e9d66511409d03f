/**
 * Opening and using reads of an applicant's data store, and the applicant's consent codes
 * (store-access.rules.ts says who may read and why). Every opening and every read writes an
 * audit record with its purpose; the identifier itself is masked there.
 */
import { randomInt } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { getProcedure } from '../catalog/procedures.service.js';
import { sha256Hex } from '../identity/secrets.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import { sendToStaff, type Notifier } from '../notifications/notifier.js';
import { getUnit, unitPath } from '../org/units.service.js';
import { storeConsentCodes, storeReads } from './datastore.tables.js';
import {
  BULK_READ_LIMIT,
  BULK_READ_WINDOW_MINUTES,
  CONSENT_CODE_MINUTES,
  consentCodeAccepts,
  exceedsBulkLimit,
  readIsUsable,
  receivesForProcedure,
  STORE_READ_MINUTES,
  type StoreReadBasis,
} from './store-access.rules.js';

const MINUTE = 60_000;
type OfficerContext = RequestContext & { actor: Actor };

export interface OpenReadInput {
  applicantKey: string;
  receivingUnitId: string;
  procedureId?: string | undefined;
  consentCode?: string | undefined;
  purpose: string;
}

export type OpenReadResult =
  | { ok: true; id: string; basis: StoreReadBasis; expiresAt: Date }
  | { ok: false; retryAfterSeconds: number };

/**
 * Opens a read for the officer, who already holds dossier.receive at the receiving unit. A
 * refusal for too many applicants is *returned*, so the caller's transaction commits the refused
 * row, its audit record and the supervisors' alarm.
 */
export async function openStoreRead(
  tx: Tx,
  ctx: OfficerContext,
  input: OpenReadInput,
  notifier: Notifier,
  now: Date,
): Promise<OpenReadResult> {
  const basis = input.consentCode
    ? await consumeConsentCode(tx, ctx.actor.userId, input.applicantKey, input.consentCode, now)
    : await counterBasis(tx, input);
  const row = {
    officerId: ctx.actor.userId,
    unitId: input.receivingUnitId,
    applicantKey: input.applicantKey,
    procedureId: input.procedureId ?? null,
    basis,
    purpose: input.purpose,
    openedAt: now,
  };
  const windowStart = new Date(now.getTime() - BULK_READ_WINDOW_MINUTES * MINUTE);
  const recent = await tx
    .select({ applicantKey: storeReads.applicantKey, refused: storeReads.refused, openedAt: storeReads.openedAt })
    .from(storeReads)
    .where(and(eq(storeReads.officerId, ctx.actor.userId), gt(storeReads.openedAt, windowStart)));
  const opened = recent.filter((r) => !r.refused);
  if (
    exceedsBulkLimit(
      opened.map((r) => r.applicantKey),
      input.applicantKey,
    )
  ) {
    const [refused] = await tx
      .insert(storeReads)
      .values({ ...row, refused: true, expiresAt: now })
      .returning();
    if (!recent.some((r) => r.refused)) await raiseBulkReadAlarm(tx, ctx, refused!.id, input.receivingUnitId, notifier);
    const oldest = Math.min(...opened.map((r) => r.openedAt.getTime()));
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((oldest + BULK_READ_WINDOW_MINUTES * MINUTE - now.getTime()) / 1000)),
    };
  }
  const expiresAt = new Date(now.getTime() + STORE_READ_MINUTES * MINUTE);
  const [read] = await tx
    .insert(storeReads)
    .values({ ...row, expiresAt })
    .returning({ id: storeReads.id });
  await recordChange(tx, ctx, {
    action: 'store.read_open',
    targetType: 'store_read',
    targetId: read!.id,
    unitId: input.receivingUnitId,
    after: { personalId: input.applicantKey, basis, procedureId: row.procedureId },
    note: input.purpose,
  });
  return { ok: true, id: read!.id, basis, expiresAt };
}

/** At the counter, without consent: only for a procedure the officer's unit receives. */
async function counterBasis(tx: Tx, input: OpenReadInput): Promise<StoreReadBasis> {
  if (!input.procedureId) {
    throw new AppError(
      'VALIDATION_FAILED',
      { procedureId: 'required' },
      'Cần thủ tục đang tiếp nhận, hoặc mã đồng ý của người nộp.',
    );
  }
  const procedure = await getProcedure(tx, input.procedureId);
  const place = async (id: string) => ({ id, kind: (await getUnit(tx, id)).kind, path: await unitPath(tx, id) });
  const competent = await Promise.all(procedure.competentUnits.map((u) => place(u.id)));
  if (!receivesForProcedure(await place(input.receivingUnitId), competent)) {
    throw new AppError('STORE_READ_NOT_ALLOWED', { procedureId: input.procedureId });
  }
  return 'counter';
}

async function consumeConsentCode(
  tx: Tx,
  officerId: string,
  applicantKey: string,
  code: string,
  now: Date,
): Promise<StoreReadBasis> {
  const [row] = await tx
    .select()
    .from(storeConsentCodes)
    .where(and(eq(storeConsentCodes.applicantKey, applicantKey), eq(storeConsentCodes.codeHash, sha256Hex(code))))
    .for('update');
  if (!row || !consentCodeAccepts(row, applicantKey, now)) throw new AppError('CONSENT_CODE_INVALID');
  await tx.update(storeConsentCodes).set({ usedAt: now, usedBy: officerId }).where(eq(storeConsentCodes.id, row.id));
  return 'consent';
}

/** The audit record auditors see, and a message to the leaders of the unit. */
async function raiseBulkReadAlarm(tx: Tx, ctx: OfficerContext, readId: string, unitId: string, notifier: Notifier) {
  await recordChange(tx, ctx, {
    action: 'store.bulk_read_alarm',
    targetType: 'store_read',
    targetId: readId,
    unitId,
    note: `Cán bộ ${ctx.actor.fullName} mở tra cứu kho dữ liệu của hơn ${BULK_READ_LIMIT} người trong ${BULK_READ_WINDOW_MINUTES} phút`,
  });
  await sendToStaff(
    tx,
    notifier,
    await staffToNotify(tx, 'dossier.approve', unitId),
    'store.bulk-read-alarm',
    `Canh bao: can bo ${ctx.actor.username} tra cuu kho du lieu cua hon ${BULK_READ_LIMIT} nguoi trong ${BULK_READ_WINDOW_MINUTES} phut. Xem nhat ky he thong.`,
  );
}

/** The open read behind a request, audited with what was read; refused if it is not this officer's or has expired. */
export async function useStoreRead(
  tx: Tx,
  ctx: OfficerContext,
  readId: string,
  what: Record<string, unknown>,
  now: Date,
) {
  const [read] = await tx.select().from(storeReads).where(eq(storeReads.id, readId));
  if (!read || read.refused || !readIsUsable(read, ctx.actor.userId, now)) {
    throw new AppError('STORE_READ_NOT_OPEN', { readId });
  }
  await recordChange(tx, ctx, {
    action: 'store.read',
    targetType: 'store_read',
    targetId: read.id,
    unitId: read.unitId,
    after: what,
    note: read.purpose,
  });
  return read;
}

/** A consent code for the applicant's own store: shown to them, or sent to their contact. */
export async function issueConsentCode(
  tx: Tx,
  ctx: RequestContext,
  applicant: { personalId: string; phone: string | null; email: string | null },
  send: boolean,
  notifier: Notifier,
  now: Date,
) {
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(now.getTime() + CONSENT_CODE_MINUTES * MINUTE);
  const [row] = await tx
    .insert(storeConsentCodes)
    .values({ applicantKey: applicant.personalId, codeHash: sha256Hex(code), expiresAt, createdAt: now })
    .returning({ id: storeConsentCodes.id });
  let medium: 'sms' | 'email' | null = null;
  if (send) {
    const to = applicant.phone
      ? { medium: 'sms' as const, recipient: applicant.phone }
      : applicant.email
        ? { medium: 'email' as const, recipient: applicant.email }
        : null;
    if (!to) throw new AppError('CONSENT_CONTACT_MISSING');
    medium = to.medium;
    await notifier.send(tx, {
      ...to,
      template: 'store.consent-code',
      body: `Ma dong y cho can bo tra cuu kho du lieu cua ban: ${code}. Dung mot lan, hieu luc ${CONSENT_CODE_MINUTES} phut.`,
    });
  }
  await recordChange(tx, ctx, {
    action: 'store.consent_issue',
    targetType: 'store_consent_code',
    targetId: row!.id,
    after: { medium: medium ?? 'screen' },
  });
  return { code: send ? undefined : code, expiresAt, sentBy: medium };
}
