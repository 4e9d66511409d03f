/**
 * Kết quả is handed over only once the fees and financial obligations are settled: returning the
 * result of a dossier with something still due is refused, unless the unit's leader recorded an
 * exemption (exemptions.service.ts). Law on Fees and Charges 2015 art. 6: phí, lệ phí are paid
 * for the service rendered; Decree 61/2018/NĐ-CP art. 20: the one-stop section returns the result
 * once the applicant has paid the fees and fulfilled the financial obligations (issue 15: a result
 * was returned with "Còn phải nộp: 8.000 ₫").
 */
import { AppError } from '../../kernel/errors.js';
import type { DossierActionGuard } from '../../kernel/module.js';
import { totalDue } from './payments.rules.js';
import { totalsOf } from './payments.service.js';

export const resultWaitsForPayment: DossierActionGuard = {
  name: 'payments.result-waits-for-payment',
  actions: ['returnResult'],
  async check(tx, dossier) {
    const dueVnd = totalDue(await totalsOf(tx, dossier));
    if (dueVnd > 0) throw new AppError('PAYMENT_DUE_AT_RETURN', { code: dossier.code, dueVnd });
  },
};
