/** The public verification of a PDF someone holds (verification.routes.ts): its hash, size and validation report. */
import { createHash } from 'node:crypto';
import { AppError } from '../../kernel/errors.js';
import type { TrustProvider } from './trust.config.js';
import { validatePdfSignatures } from './verify.js';

export async function verifyHeldPdf(trust: TrustProvider, data: unknown, now: Date) {
  if (!Buffer.isBuffer(data) || data.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new AppError('SIGNATURE_VERIFICATION_NOT_PDF');
  const report = await validatePdfSignatures(data, await trust.get(), now);
  return { sha256: createHash('sha256').update(data).digest('hex'), size: data.length, report };
}
