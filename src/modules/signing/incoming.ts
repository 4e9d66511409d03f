/**
 * The check every PDF entering MotCua goes through (uploads by citizens and officials; files
 * from other agencies and the national data store arrive the same way): a signed PDF whose
 * validation fails is refused with the reason and the failure's stable code; an unsigned or
 * indeterminate one is kept with its report, which officials see with the file.
 */
import { AppError } from '../../kernel/errors.js';
import type { TrustProvider } from './trust.config.js';
import { type ValidationReport, validatePdfSignatures } from './verify.js';

export async function checkIncomingPdf(
  trust: TrustProvider,
  data: Buffer,
  now: Date,
): Promise<ValidationReport | null> {
  if (data.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  const report = await validatePdfSignatures(data, await trust.get(), now);
  if (report.status === 'invalid' && report.code) {
    const failed = report.signatures.find((s) => s.code === report.code);
    const who = failed?.signer ? `Chữ ký số của ${failed.signer}: ` : '';
    throw new AppError(
      report.code,
      { signatures: report.signatures.map(({ field, signer, status, code }) => ({ field, signer, status, code })) },
      `${who}${report.reason}`,
    );
  }
  return report;
}
