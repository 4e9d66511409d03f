/**
 * The agency's seal signature (chữ ký số của cơ quan, tổ chức — Decree 30/2020 art. 8 and Phụ lục
 * I; Decree 23/2025 on the signatures of agencies) on a document MotCua issues: a form handed to
 * the citizen (mẫu 01–05 of Circular 03/2025) or a result after the official's signature. The key
 * comes from the key store; every sealing is audited with the document's hash, never its content.
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db.js';
import { recordChange } from '../audit/record-change.js';
import { signPdf } from './pades.js';
import { sealBox } from './signature-boxes.js';
import type { TrustProvider } from './trust.config.js';

export interface SealInput {
  pdf: Buffer;
  unit: { code: string; name: string };
  /** What is sealed, for the audit record (e.g. `<dossier code>/form-01`). */
  documentRef: string;
  reason: string;
  now: Date;
}

export async function sealPdf(
  db: Database,
  ctx: RequestContext,
  trust: TrustProvider,
  input: SealInput,
): Promise<Buffer> {
  const services = await trust.get();
  const signer = await services.seals.sealSigner(input.unit.code);
  const sealed = await signPdf(input.pdf, signer, services.tsa, {
    fieldName: 'ChuKyCoQuan',
    signerName: input.unit.name,
    reason: input.reason,
    location: 'Việt Nam',
    signingTime: input.now,
    box: sealBox({ agency: input.unit.name, signedAt: input.now }),
  });
  await db.transaction((tx) =>
    recordChange(tx, ctx, {
      action: 'document.sealed',
      targetType: 'document',
      targetId: input.documentRef,
      after: {
        unitCode: input.unit.code,
        reason: input.reason,
        sha256: createHash('sha256').update(sealed).digest('hex'),
      },
    }),
  );
  return sealed;
}
