/**
 * "Phê duyệt, ký kết quả" with real signatures (issue 19): the leader's personal signature is made
 * by the remote-signing service (ký số từ xa, Decree 23/2025) after the leader confirms on the
 * phone, then the competent unit's seal signature is added by incremental update (Decree
 * 30/2020 art. 8 and Phụ lục I: the person's and the agency's digital signatures), the signed
 * result is validated, stored as a file with its validation report, and the leader records it
 * with the existing signResult action (which takes its verification from that report).
 *
 * Between the request and the confirmation the prepared PDF (with the empty signature field)
 * waits in this process's memory, as the simulator's transactions do: one API process, or a
 * sticky route to it, until the pending state moves to shared storage.
 */
import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type { Database } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { filesForUse, readFileContent, type StoredFile, storeFile } from '../files/files.service.js';
import type { FileStorage } from '../files/storage.js';
import { completeSignature, prepareSignature } from '../signing/pades.js';
import { nameAttribute, OID, serialHex } from '../signing/pki.js';
import type { RemoteSigningProvider } from '../signing/remote-signing.config.js';
import { REMOTE_SIGNING_TTL_MS } from '../signing/remote-signing.js';
import { sealPdf } from '../signing/seal.service.js';
import { officialBox } from '../signing/signature-boxes.js';
import type { TrustProvider } from '../signing/trust.config.js';
import { type ValidationReport, validatePdfSignatures } from '../signing/verify.js';

export type ResultSigningStatus = 'pending' | 'signed' | 'refused' | 'expired';

export interface ResultSigningAnswer {
  transactionId: string;
  status: ResultSigningStatus;
  expiresAt: string;
  /** The simulator's phone page (outside production), where the leader confirms. */
  confirmationUrl: string | null;
  /** When signed: the stored signed result, what signResult records. */
  fileId: string | null;
  signatureReport: ValidationReport | null;
  signer: string | null;
  certificateSerial: string | null;
}

interface Pending {
  transactionId: string;
  dossierCode: string;
  userId: string;
  providerUserId: string;
  expiresAt: Date;
  prepared: Buffer;
  chain: pkijs.Certificate[];
  unit: { code: string; name: string };
  originalName: string | null;
  completion?: Promise<StoredFile>;
}

export interface ResultSigningDeps {
  db: Database;
  files: FileStorage;
  trust: TrustProvider;
  remote: RemoteSigningProvider;
  now: () => Date;
}

/** The official's account at the remote-signing provider (their username here; production maps it). */
export const providerUserOf = (actor: Actor) => actor.username;

export function resultSigning(deps: ResultSigningDeps) {
  const pending = new Map<string, Pending>();

  const forget = () => {
    const cutoff = deps.now().getTime() - REMOTE_SIGNING_TTL_MS;
    for (const [id, p] of pending) if (p.expiresAt.getTime() < cutoff) pending.delete(id);
  };

  const answer = (p: Pending, status: ResultSigningStatus, file?: StoredFile): ResultSigningAnswer => ({
    transactionId: p.transactionId,
    status,
    expiresAt: p.expiresAt.toISOString(),
    confirmationUrl: status === 'pending' ? deps.remote.confirmationPage(p.providerUserId) : null,
    fileId: file?.id ?? null,
    signatureReport: file?.signatureReport ?? null,
    // The official's signature is the first: what signResult records as signer and certificate.
    signer: file ? (nameAttribute(p.chain[0]!.subject, OID.commonName) ?? null) : null,
    certificateSerial: file ? serialHex(p.chain[0]!).toUpperCase() : null,
  });

  /** Prepares the leader's signature over the result file and asks the remote service to sign it. */
  async function request(
    ctx: RequestContext & { actor: Actor },
    dossier: { id: string; code: string; competentUnitId: string },
    unit: { code: string; name: string },
    fileId: string,
  ): Promise<ResultSigningAnswer> {
    forget();
    const [file] = await filesForUse(deps.db, ctx.actor, [fileId]);
    if (file!.mediaType !== 'application/pdf')
      throw new AppError('RESULT_FILE_NOT_PDF', { mediaType: file!.mediaType });
    const remote = await deps.remote.get();
    const providerUserId = providerUserOf(ctx.actor);
    const chain = await remote.certificateChain(providerUserId, ctx.actor.fullName);
    const now = deps.now();
    const { prepared, digestToSign } = await prepareSignature(await readFileContent(deps.files, file!), chain, {
      fieldName: 'ChuKyNguoiCoThamQuyen',
      signerName: ctx.actor.fullName,
      reason: `Phê duyệt kết quả hồ sơ ${dossier.code}`,
      location: 'Việt Nam',
      signingTime: now,
      box: officialBox({ name: ctx.actor.fullName, signedAt: now }),
    });
    const { transactionId, expiresAt } = await remote.requestSignature({
      userId: providerUserId,
      holderName: ctx.actor.fullName,
      description: `Phê duyệt, ký kết quả hồ sơ ${dossier.code}`,
      digest: digestToSign,
    });
    const p: Pending = {
      transactionId,
      dossierCode: dossier.code,
      userId: ctx.actor.userId,
      providerUserId,
      expiresAt,
      prepared,
      chain,
      unit,
      originalName: file!.originalName,
    };
    pending.set(transactionId, p);
    await deps.db.transaction((tx) =>
      recordChange(tx, ctx, {
        action: 'result.signatureRequested',
        targetType: 'dossier',
        targetId: dossier.id,
        unitId: dossier.competentUnitId,
        after: { code: dossier.code, transactionId, fileId, sha256: file!.sha256, certificate: serialHex(chain[0]!) },
      }),
    );
    return answer(p, 'pending');
  }

  /** The transaction's state; once confirmed, the signature is embedded, the seal added, the file stored. */
  async function poll(
    ctx: RequestContext & { actor: Actor },
    dossier: { id: string; code: string; competentUnitId: string },
    transactionId: string,
  ): Promise<ResultSigningAnswer> {
    const p = pending.get(transactionId);
    if (!p || p.dossierCode !== dossier.code || p.userId !== ctx.actor.userId)
      throw new AppError('SIGNING_TRANSACTION_NOT_FOUND', { transactionId });
    const t = await (await deps.remote.get()).transaction(transactionId);
    if (!t) throw new AppError('SIGNING_TRANSACTION_NOT_FOUND', { transactionId });
    if (t.status !== 'confirmed' || !t.signature) return answer(p, t.status === 'confirmed' ? 'pending' : t.status);
    p.completion ??= complete(ctx, dossier, p, t.signature).catch((error: unknown) => {
      delete p.completion;
      throw error;
    });
    return answer(p, 'signed', await p.completion);
  }

  async function complete(
    ctx: RequestContext & { actor: Actor },
    dossier: { id: string; code: string; competentUnitId: string },
    p: Pending,
    signature: Buffer,
  ): Promise<StoredFile> {
    const trust = await deps.trust.get();
    const now = deps.now();
    const signed = await completeSignature(p.prepared, p.chain, signature, trust.tsa);
    const sealed = await sealPdf(deps.db, ctx, deps.trust, {
      pdf: signed,
      unit: p.unit,
      documentRef: `${dossier.code}/result`,
      reason: `Kết quả giải quyết hồ sơ ${dossier.code}`,
      now,
    });
    const report = await validatePdfSignatures(sealed, trust, now);
    if (report.status !== 'valid') throw new AppError('SIGNING_FAILED', { code: report.code, reason: report.reason });
    const stored = await storeFile(deps.db, deps.files, ctx, {
      data: sealed,
      originalName: signedName(p.originalName, dossier.code),
      signatureReport: report,
    });
    await deps.db.transaction((tx) =>
      recordChange(tx, ctx, {
        action: 'result.signed',
        targetType: 'dossier',
        targetId: dossier.id,
        unitId: dossier.competentUnitId,
        after: {
          code: dossier.code,
          transactionId: p.transactionId,
          fileId: stored.id,
          sha256: createHash('sha256').update(sealed).digest('hex'),
          signatures: report.signatures.map((s) => s.field),
        },
      }),
    );
    return stored;
  }

  return { request, poll };
}

function signedName(original: string | null, code: string): string {
  const base = (original ?? `ket-qua-${code}.pdf`).replace(/\.pdf$/i, '');
  return `${base}-da-ky.pdf`;
}
