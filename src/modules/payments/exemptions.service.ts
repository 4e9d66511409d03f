/**
 * Miễn nộp phí, lệ phí: an authorised officer records that what is still due on a dossier's fee
 * lines or one of its obligations need not be paid, with the ground. The categories exempted are
 * set by law (Law on Fees and Charges 2015 art. 10; Decree 120/2016/NĐ-CP); who applies them is
 * the policy's `payment.exempt` (the unit's leader). One transaction with its audit and outbox event.
 */
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { type DossierRecord, lockDossier } from '../dossiers/dossiers.reporting.js';
import { amountDue } from './payments.rules.js';
import { paymentExemptions } from './payments.tables.js';
import { totalsOf } from './payments.service.js';

import type { ExemptionRow } from './exemptions.query.js';

/** Exempts what is still due on the target (null: the fee lines); refuses an unknown obligation or nothing due. */
export async function recordExemption(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  dossier: DossierRecord,
  input: { obligationId: string | null; reason: string },
): Promise<ExemptionRow> {
  await lockDossier(tx, dossier.id);
  const target = input.obligationId
    ? { kind: 'obligation' as const, obligationId: input.obligationId }
    : { kind: 'fees' as const };
  const due = amountDue(await totalsOf(tx, dossier), target);
  if (due === null) throw new AppError('PAYMENT_OBLIGATION_NOT_FOUND', { code: dossier.code });
  if (due === 0) throw new AppError('PAYMENT_NOTHING_DUE', { code: dossier.code });
  const [exemption] = await tx
    .insert(paymentExemptions)
    .values({
      dossierId: dossier.id,
      obligationId: input.obligationId,
      amountVnd: due,
      reason: input.reason,
      exemptedBy: ctx.actor.userId,
      exemptedAt: new Date(),
    })
    .returning();
  await recordChange(tx, ctx, {
    action: 'payment.exempt',
    targetType: 'payment_exemption',
    targetId: exemption!.id,
    unitId: dossier.competentUnitId,
    after: { code: dossier.code, obligationId: input.obligationId, amountVnd: due, reason: input.reason },
    event: { code: dossier.code, exemptionId: exemption!.id, obligationId: input.obligationId, amountVnd: due },
  });
  return exemption!;
}
