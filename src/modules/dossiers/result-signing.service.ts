/**
 * "Phê duyệt, ký kết quả" with real signatures (issue 19): the leader's personal signature is made
 * by the remote-signing service (ký số từ xa, Decree 23/2025) after the leader confirms on the
 * phone, then the competent unit's seal signature is added by incremental update (Decree
 * 30/2020 art. 8 and Phụ lục I: the person's and the agency's digital signatures), the signed
 * result is validated, stored as a file with its validation report, and the leader records it
 * with the existing signResult action (which takes its verification from that report).
 *
 * Between the request and the confirmation the request waits in `result_signing_requests` (the
 * prepared PDF as a stored file), so the poll may reach any API process, and survives a restart.
 * Completing it is claimed on the row (result-signing.rules.ts COMPLETION_LEASE_MS): when two
 * polls come at once, one embeds, seals and stores while the other answers "pending", and every
 * poll after that answers the same signed file.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database, Queryable } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { filesForUse, getFile, readFileContent, type StoredFile, storeFile } from '../files/files.service.js';
import type { FileStorage } from '../files/storage.js';
import { completeSignature, prepareSignature } from '../signing/pades.js';
import { certificatePem, certificatesFromPem, nameAttribute, OID, serialHex } from '../signing/pki.js';
import type { RemoteSigningProvider } from '../signing/remote-signing.config.js';
import { sealPdf } from '../signing/seal.service.js';
import { officialBox } from '../signing/signature-boxes.js';
import type { TrustProvider } from '../signing/trust.config.js';
import { type ValidationReport, validatePdfSignatures } from '../signing/verify.js';
import { COMPLETION_LEASE_MS, type FinishedStatus, pollStep } from './result-signing.rules.js';
import { type ResultSigningRequestRow, resultSigningRequests } from './result-signing.table.js';

/** What the API answers: a failed request is thrown as SIGNING_FAILED instead. */
export type ResultSigningAnswerStatus = 'pending' | 'signed' | 'refused' | 'expired';

export interface ResultSigningAnswer {
  transactionId: string;
  status: ResultSigningAnswerStatus;
  expiresAt: string;
  /** The simulator's phone page (outside production), where the leader confirms. */
  confirmationUrl: string | null;
  /** When signed: the stored signed result, what signResult records. */
  fileId: string | null;
  signatureReport: ValidationReport | null;
  signer: string | null;
  certificateSerial: string | null;
}

export interface ResultSigningDeps {
  db: Database;
  files: FileStorage;
  trust: TrustProvider;
  remote: RemoteSigningProvider;
  now: () => Date;
}

type Dossier = { id: string; code: string; competentUnitId: string };
type Ctx = RequestContext & { actor: Actor };

/** The official's account at the remote-signing provider (their username here; production maps it). */
export const providerUserOf = (actor: Actor) => actor.username;

const byId = (transactionId: string) => eq(resultSigningRequests.transactionId, transactionId);
const stillPending = eq(resultSigningRequests.status, 'pending');

/** The audit action of a request that ended without a signed file. */
const ENDED_ACTION = {
  refused: 'result.signatureRefused',
  expired: 'result.signatureExpired',
  failed: 'result.signatureFailed',
} as const satisfies Record<Exclude<FinishedStatus, 'signed'>, string>;

export function resultSigning(deps: ResultSigningDeps) {
  async function answer(row: ResultSigningRequestRow): Promise<ResultSigningAnswer> {
    if (row.status === 'failed') throw new AppError('SIGNING_FAILED', { transactionId: row.transactionId });
    const file = row.signedFileId ? await getFile(deps.db, row.signedFileId) : null;
    // The official's signature is the first: what signResult records as signer and certificate.
    const official = file ? certificatesFromPem(row.certificateChain)[0]! : null;
    return {
      transactionId: row.transactionId,
      status: row.status,
      expiresAt: row.expiresAt.toISOString(),
      confirmationUrl: row.status === 'pending' ? deps.remote.confirmationPage(row.providerUserId) : null,
      fileId: file?.id ?? null,
      signatureReport: file?.signatureReport ?? null,
      signer: official ? (nameAttribute(official.subject, OID.commonName) ?? null) : null,
      certificateSerial: official ? serialHex(official).toUpperCase() : null,
    };
  }

  const current = async (db: Queryable, transactionId: string) =>
    (await db.select().from(resultSigningRequests).where(byId(transactionId)))[0]!;

  /** Prepares the leader's signature over the result file and asks the remote service to sign it. */
  async function request(
    ctx: Ctx,
    dossier: Dossier,
    unit: { code: string; name: string },
    fileId: string,
  ): Promise<ResultSigningAnswer> {
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
    // The signing time is in the prepared signature: the completion must embed into these very bytes.
    const preparedFile = await storeFile(deps.db, deps.files, ctx, {
      data: prepared,
      originalName: `${baseName(file!.originalName, dossier.code)}-cho-ky.pdf`,
      uploadedAt: now,
    });
    const row: ResultSigningRequestRow = {
      transactionId,
      dossierId: dossier.id,
      requestedBy: ctx.actor.userId,
      providerUserId,
      expiresAt,
      preparedFileId: preparedFile.id,
      certificateChain: chain.map(certificatePem).join(''),
      unitCode: unit.code,
      unitName: unit.name,
      originalName: file!.originalName,
      status: 'pending',
      claimedUntil: null,
      signedFileId: null,
      createdAt: now,
      updatedAt: now,
    };
    await recordChange(
      deps.db,
      ctx,
      {
        action: 'result.signatureRequested',
        targetType: 'dossier',
        targetId: dossier.id,
        unitId: dossier.competentUnitId,
        after: { code: dossier.code, transactionId, fileId, sha256: file!.sha256, certificate: serialHex(chain[0]!) },
      },
      [deps.db.insert(resultSigningRequests).values(row)],
    );
    return answer(row);
  }

  /** The request's state; once confirmed, the signature is embedded, the seal added, the file stored. */
  async function poll(ctx: Ctx, dossier: Dossier, transactionId: string): Promise<ResultSigningAnswer> {
    const [row] = await deps.db
      .select()
      .from(resultSigningRequests)
      .where(
        and(
          byId(transactionId),
          eq(resultSigningRequests.dossierId, dossier.id),
          eq(resultSigningRequests.requestedBy, ctx.actor.userId),
        ),
      );
    if (!row) throw new AppError('SIGNING_TRANSACTION_NOT_FOUND', { transactionId });
    if (row.status !== 'pending') return answer(row);
    const t = await (await deps.remote.get()).transaction(transactionId);
    if (!t) throw new AppError('SIGNING_TRANSACTION_NOT_FOUND', { transactionId });
    const step = pollStep({ status: t.status, hasSignature: t.signature !== undefined }, row.expiresAt, deps.now());
    if (step.kind === 'wait') return answer(row);
    if (step.kind === 'close') return answer(await finish(ctx, dossier, row, step.status));
    return answer(await complete(ctx, dossier, row, t.signature!));
  }

  /**
   * Records how the request ended, once: only from pending and not while a process completes it
   * (its audit record in the same transaction). Answers the row as it then stands.
   */
  function finish(
    ctx: Ctx,
    dossier: Dossier,
    row: ResultSigningRequestRow,
    status: Exclude<FinishedStatus, 'signed'>,
  ): Promise<ResultSigningRequestRow> {
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const [closed] = await tx
        .update(resultSigningRequests)
        .set({ status, claimedUntil: null, updatedAt: now })
        .where(and(byId(row.transactionId), stillPending))
        .returning();
      if (!closed) return current(tx, row.transactionId);
      await recordChange(tx, ctx, {
        action: ENDED_ACTION[status],
        targetType: 'dossier',
        targetId: dossier.id,
        unitId: dossier.competentUnitId,
        after: { code: dossier.code, transactionId: row.transactionId },
      });
      return closed;
    });
  }

  /**
   * Claims the request (pending, and no other process's lease running), embeds and stores, then
   * records it signed. A poll that finds it claimed answers it as it stands (pending until the
   * other process is done). A validation failure ends the request (failed: the leader asks
   * again); any other fault releases it for the next poll.
   */
  async function complete(
    ctx: Ctx,
    dossier: Dossier,
    row: ResultSigningRequestRow,
    signature: Buffer,
  ): Promise<ResultSigningRequestRow> {
    const now = deps.now();
    const [claimed] = await deps.db
      .update(resultSigningRequests)
      .set({ claimedUntil: new Date(now.getTime() + COMPLETION_LEASE_MS), updatedAt: now })
      .where(
        and(
          byId(row.transactionId),
          stillPending,
          or(isNull(resultSigningRequests.claimedUntil), lt(resultSigningRequests.claimedUntil, now)),
        ),
      )
      .returning();
    if (!claimed) return current(deps.db, row.transactionId);
    let stored: StoredFile;
    try {
      stored = await embedAndStore(ctx, dossier, claimed, signature, now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SIGNING_FAILED') await finish(ctx, dossier, claimed, 'failed');
      else
        await deps.db
          .update(resultSigningRequests)
          .set({ claimedUntil: null })
          .where(and(byId(row.transactionId), stillPending));
      throw error;
    }
    return deps.db.transaction(async (tx) => {
      // Only from pending: a process whose lease ran out and finished second leaves the first one's file.
      const [signed] = await tx
        .update(resultSigningRequests)
        .set({ status: 'signed', signedFileId: stored.id, claimedUntil: null, updatedAt: deps.now() })
        .where(and(byId(row.transactionId), stillPending))
        .returning();
      if (!signed) return current(tx, row.transactionId);
      await recordChange(tx, ctx, {
        action: 'result.signed',
        targetType: 'dossier',
        targetId: dossier.id,
        unitId: dossier.competentUnitId,
        after: {
          code: dossier.code,
          transactionId: row.transactionId,
          fileId: stored.id,
          sha256: stored.sha256,
          signatures: stored.signatureReport?.signatures.map((s) => s.field) ?? [],
        },
      });
      return signed;
    });
  }

  /** The signature embedded in the prepared PDF, the unit's seal added, validated, stored. */
  async function embedAndStore(
    ctx: Ctx,
    dossier: Dossier,
    row: ResultSigningRequestRow,
    signature: Buffer,
    now: Date,
  ): Promise<StoredFile> {
    const trust = await deps.trust.get();
    const prepared = await readFileContent(deps.files, await getFile(deps.db, row.preparedFileId));
    const signed = await completeSignature(prepared, certificatesFromPem(row.certificateChain), signature, trust.tsa);
    const sealed = await sealPdf(deps.db, ctx, deps.trust, {
      pdf: signed,
      unit: { code: row.unitCode, name: row.unitName },
      documentRef: `${dossier.code}/result`,
      reason: `Kết quả giải quyết hồ sơ ${dossier.code}`,
      now,
    });
    const report = await validatePdfSignatures(sealed, trust, now);
    if (report.status !== 'valid') throw new AppError('SIGNING_FAILED', { code: report.code, reason: report.reason });
    return storeFile(deps.db, deps.files, ctx, {
      data: sealed,
      originalName: `${baseName(row.originalName, dossier.code)}-da-ky.pdf`,
      signatureReport: report,
      uploadedAt: now,
    });
  }

  return { request, poll };
}

function baseName(original: string | null, code: string): string {
  return (original ?? `ket-qua-${code}.pdf`).replace(/\.pdf$/i, '');
}
