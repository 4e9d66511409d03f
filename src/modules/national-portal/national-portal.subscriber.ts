/**
 * Hears of dossier changes through the outbox and marks the dossier pending for the portal, in
 * the relay's transaction: every dossier action and intake (aggregate `dossier`), and a payment
 * that succeeded (the record's DuocThanhToanTrucTuyen).
 */
import { dossierRecordByCode } from '../dossiers/dossiers.reporting.js';
import type { OutboxSubscriber } from '../../kernel/module.js';
import { requestSync } from './sync.service.js';

export const nationalPortalSubscriber: OutboxSubscriber = {
  name: 'national-portal',
  accepts: (e) => (e.aggregateType === 'dossier' && e.topic.startsWith('dossier.')) || e.topic === 'payment.paid',
  async handle(tx, event, now) {
    if (event.aggregateType === 'dossier') return requestSync(tx, event.aggregateId, now);
    const code = event.payload.code;
    if (typeof code !== 'string') return;
    const dossier = await dossierRecordByCode(tx, code);
    if (dossier) await requestSync(tx, dossier.id, now);
  },
};
