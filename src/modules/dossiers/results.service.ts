/**
 * Kết quả giải quyết: the leader signs (approves) the electronic result; it is recorded with its
 * document metadata and what the signature verifier found, and joins the applicant's data store
 * (with its validity) so a later dossier can reuse it. A dossier finishes only with a result.
 */
import { asc, eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { jsonRows } from '../../kernel/json-rows.js';
import { storeResult } from '../datastore/datastore.service.js';
import { filesForUse, readFileContent } from '../files/files.service.js';
import type { FileStorage } from '../files/storage.js';
import { dossierResults } from './processing.tables.js';
import { fromValidationReport, type SignatureVerifier, structuralVerifier } from './signature.js';

export interface ResultInput {
  /** Tên kết quả (e.g. "Giấy phép lao động"); default: the procedure's result name. */
  name?: string | undefined;
  fileId: string;
  number: string;
  issuedOn: string;
  issuer: string;
  validUntil?: string | undefined;
  signer: string;
  certificateSerial: string;
  paperCopy?: boolean | undefined;
}

interface SigningTarget {
  id: string;
  code: string;
  applicantKey: string;
  defaultName: string;
}

export async function signResult(
  tx: Tx,
  files: FileStorage,
  actor: Actor,
  dossier: SigningTarget,
  input: ResultInput,
  now: Date,
  verifier: SignatureVerifier = structuralVerifier,
) {
  if (input.validUntil && input.validUntil < input.issuedOn)
    throw new AppError('RESULT_VALIDITY_INVALID', { issuedOn: input.issuedOn, validUntil: input.validUntil });
  const [file] = await filesForUse(tx, actor, [input.fileId]);
  if (file!.mediaType !== 'application/pdf') throw new AppError('RESULT_FILE_NOT_PDF', { mediaType: file!.mediaType });
  // A PDF that entered through /api/files carries the report of its validation (signing/verify.ts).
  const found = file!.signatureReport
    ? fromValidationReport(file!.signatureReport)
    : await verifier.verify(await readFileContent(files, file!), input);
  if (found.status === 'invalid') throw new AppError('RESULT_SIGNATURE_INVALID', { detail: found.detail });
  const name = input.name?.trim() || dossier.defaultName;
  const [result] = await tx
    .insert(dossierResults)
    .values({
      dossierId: dossier.id,
      name,
      fileId: input.fileId,
      number: input.number,
      issuedOn: input.issuedOn,
      issuer: input.issuer,
      validUntil: input.validUntil ?? null,
      signer: input.signer,
      signedAt: now,
      certificateSerial: input.certificateSerial,
      verification: found.status,
      verificationDetail: found.detail,
      paperCopy: input.paperCopy ?? false,
      recordedBy: actor.userId,
      createdAt: now,
    })
    .returning();
  await storeResult(tx, {
    applicantKey: dossier.applicantKey,
    name,
    fileId: input.fileId,
    sourceDossierId: dossier.id,
    sourceDossierCode: dossier.code,
    validUntil: input.validUntil ?? null,
    signed: found.status === 'valid' || found.status === 'unverifiable',
    signedBy: actor.userId,
  });
  return { resultId: result!.id, number: result!.number, verification: found.status };
}

/** Selectable with a dossier row: whether a result has been recorded for it (finish requires one). */
export function hasResultColumn(dossierId: SQLWrapper) {
  return sql<boolean>`exists (select 1 from ${dossierResults} r where r.dossier_id = ${dossierId})`;
}

export function assertHasResult(hasResult: boolean, dossierId: string) {
  if (!hasResult) throw new AppError('RESULT_REQUIRED', { dossierId });
}

const RESULT_FIELDS = {
  id: dossierResults.id,
  name: dossierResults.name,
  fileId: dossierResults.fileId,
  number: dossierResults.number,
  issuedOn: dossierResults.issuedOn,
  issuer: dossierResults.issuer,
  validUntil: dossierResults.validUntil,
  signer: dossierResults.signer,
  signedAt: dossierResults.signedAt,
  certificateSerial: dossierResults.certificateSerial,
  verification: dossierResults.verification,
  verificationDetail: dossierResults.verificationDetail,
  paperCopy: dossierResults.paperCopy,
};

/** A dossier's results, oldest first, as one JSON column of a statement that reads the dossier. */
export function resultsJson(db: Queryable, dossierId: SQLWrapper) {
  return jsonRows(RESULT_FIELDS, (row) =>
    db
      .select({ row })
      .from(dossierResults)
      .where(eq(dossierResults.dossierId, dossierId))
      .orderBy(asc(dossierResults.createdAt)),
  );
}
