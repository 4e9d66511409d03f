/**
 * Verifying an anonymous submitter's phone or e-mail: a six-digit code goes out through the
 * Notifier, the submitter types it back and receives a contact token that submitting, voting
 * and complaining accept. Codes and tokens are stored as hashes; wrong codes are counted (five,
 * then a new code is needed). The audit record names the medium only.
 */
import { and, count, eq, gt } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { randomSecret, safeEqual, sha256Hex } from '../identity/secrets.js';
import { contactVerifications } from './feedback.tables.js';
import type { Notifier } from '../notifications/notifier.js';
import {
  CODE_TTL_MINUTES,
  CODES_PER_CONTACT_PER_HOUR,
  CONTACT_TOKEN_TTL_MINUTES,
  contactKey,
  MAX_CODE_ATTEMPTS,
  newCode,
  normalizeContact,
} from './verification.rules.js';

const MINUTE = 60_000;

export async function startVerification(
  tx: Tx,
  ctx: RequestContext,
  notifier: Notifier,
  input: { phone?: string | undefined; email?: string | undefined },
  now: Date,
) {
  const contact = normalizeContact(input);
  if (!contact) throw new AppError('CONTACT_REQUIRED');
  const key = contactKey(contact);
  // Counted in the database, so every API process sees the same number.
  const [sent] = await tx
    .select({ n: count() })
    .from(contactVerifications)
    .where(
      and(
        eq(contactVerifications.contactKey, key),
        gt(contactVerifications.createdAt, new Date(now.getTime() - 60 * MINUTE)),
      ),
    );
  if ((sent?.n ?? 0) >= CODES_PER_CONTACT_PER_HOUR) throw new AppError('RATE_LIMITED', { per: 'contact' });
  const code = newCode();
  const [row] = await tx
    .insert(contactVerifications)
    .values({
      medium: contact.medium,
      contact: contact.value,
      contactKey: key,
      codeHash: sha256Hex(code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * MINUTE),
    })
    .returning({ id: contactVerifications.id, expiresAt: contactVerifications.expiresAt });
  await notifier.send(tx, {
    medium: contact.medium,
    recipient: contact.value,
    template: 'feedback.verification-code',
    body: `Ma xac thuc phan anh, kien nghi: ${code}. Hieu luc ${CODE_TTL_MINUTES} phut.`,
  });
  await recordChange(tx, ctx, {
    action: 'feedback.contact.verify-start',
    targetType: 'contact_verification',
    targetId: row!.id,
    after: { medium: contact.medium },
  });
  return row!;
}

export type ConfirmResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; code: 'VERIFICATION_CODE_INVALID' | 'VERIFICATION_EXPIRED' | 'VERIFICATION_ATTEMPTS_EXCEEDED' };

/** A wrong code is returned (not thrown) so the counted attempt commits with the failed request. */
export async function confirmVerification(tx: Tx, id: string, code: string, now: Date): Promise<ConfirmResult> {
  const [row] = await tx.select().from(contactVerifications).where(eq(contactVerifications.id, id)).for('update');
  if (!row) throw new AppError('VERIFICATION_NOT_FOUND');
  if (row.confirmedAt || row.expiresAt < now) return { ok: false, code: 'VERIFICATION_EXPIRED' };
  if (row.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, code: 'VERIFICATION_ATTEMPTS_EXCEEDED' };
  if (!safeEqual(sha256Hex(code.trim()), row.codeHash)) {
    await tx
      .update(contactVerifications)
      .set({ attempts: row.attempts + 1 })
      .where(eq(contactVerifications.id, id));
    return {
      ok: false,
      code: row.attempts + 1 >= MAX_CODE_ATTEMPTS ? 'VERIFICATION_ATTEMPTS_EXCEEDED' : 'VERIFICATION_CODE_INVALID',
    };
  }
  const token = randomSecret();
  const expiresAt = new Date(now.getTime() + CONTACT_TOKEN_TTL_MINUTES * MINUTE);
  await tx
    .update(contactVerifications)
    .set({ confirmedAt: now, tokenHash: sha256Hex(token), tokenExpiresAt: expiresAt })
    .where(eq(contactVerifications.id, id));
  return { ok: true, token, expiresAt };
}

export interface VerifiedContact {
  medium: 'sms' | 'email';
  value: string;
  key: string;
}

/** The contact a token proves, or CONTACT_TOKEN_INVALID. */
export async function verifiedContact(db: Queryable, token: string, now: Date): Promise<VerifiedContact> {
  const [row] = await db
    .select()
    .from(contactVerifications)
    .where(and(eq(contactVerifications.tokenHash, sha256Hex(token)), gt(contactVerifications.tokenExpiresAt, now)));
  if (!row) throw new AppError('CONTACT_TOKEN_INVALID');
  return { medium: row.medium, value: row.contact, key: row.contactKey };
}
