import { describe, expect, it } from 'vitest';
import { citizenNoticeOf } from './dossier-notices.subscriber.js';

// Issue 20: the applicant hears of every state of their dossier — received, supplement requested,
// fee due, processing resumed (supplement supplied or fee paid: the appointment moved), result
// ready, returned, refused, apology letter (and stopped, mẫu 05); the steps inside the unit are
// not theirs to hear of.
describe('citizenNoticeOf: dossier events → the applicant’s notice', () => {
  it.each([
    ['received at the counter', 'dossier.receive', 'received', 'dossier.received'],
    ['accepted (online)', 'dossier.accept', 'received', 'dossier.received'],
    ['accepted straight into processing', 'dossier.accept', 'processing', 'dossier.received'],
    ['registered only (not yet received)', 'dossier.receive', 'registered', null],
    ['supplement requested (mẫu 02)', 'dossier.requestSupplement', 'awaitingSupplement', 'dossier.supplementRequested'],
    ['financial obligation requested', 'dossier.requestPayment', 'awaitingPayment', 'dossier.feeDue'],
    ['supplement supplied: the clock restarts', 'dossier.supply', 'processing', 'dossier.resumed'],
    ['fee paid: the clock restarts', 'dossier.confirmPayment', 'processing', 'dossier.resumed'],
    ['finished at the last step', 'dossier.finish', 'processed', 'dossier.resultReady'],
    ['signed at the last step', 'dossier.signResult', 'processed', 'dossier.resultReady'],
    ['signed, moving to the next step', 'dossier.signResult', 'processing', null],
    ['result returned', 'dossier.returnResult', 'returned', 'dossier.returned'],
    ['refused (mẫu 03)', 'dossier.refuse', 'refused', 'dossier.refused'],
    ['stopped (mẫu 05)', 'dossier.stop', 'stopped', 'dossier.stopped'],
    ['apology letter (mẫu 04)', 'dossier.apologize', 'processing', 'dossier.apology'],
    ['forwarded inside the unit', 'dossier.forward', 'processing', null],
    ['a consultation asked', 'dossier.requestConsultation', 'processing', null],
  ])('%s', (_what, topic, status, expected) => {
    expect(citizenNoticeOf(topic, status)).toBe(expected);
  });
});
