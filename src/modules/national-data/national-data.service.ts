/**
 * What intake takes from the national systems (through NationalDataClient): the population-data
 * check of a citizen applicant, and documents of the national data store copied into our file
 * store as a component's files. Both run inside the intake transaction, before the dossier row:
 * a refusal (mismatch, unknown document) leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { acceptedMediaType, recordUpload } from '../files/files.service.js';
import type { FileStorage } from '../files/storage.js';
import { type NationalDataClient, NationalDataError } from './national-data-client.js';
import {
  type DeclaredIdentity,
  identityMismatches,
  isoDateOf,
  mismatchMessage,
  type PopulationCheck,
} from './population.rules.js';

export interface PopulationOutcome {
  populationCheck: PopulationCheck;
  populationCheckedAt: Date | null;
}

/**
 * Looks the citizen up: found and matching → verified; not in the database → notFound; the
 * platform failing → unavailable (the dossier is kept, unverified). A mismatch → 422 naming the
 * fields. The identifier is never logged nor put in an error.
 */
export async function checkPopulation(
  client: NationalDataClient,
  personalId: string,
  declared: DeclaredIdentity,
  now: Date,
): Promise<PopulationOutcome> {
  let record: Awaited<ReturnType<NationalDataClient['findCitizen']>>;
  try {
    record = await client.findCitizen(personalId);
  } catch (error) {
    if (error instanceof NationalDataError) return { populationCheck: 'unavailable', populationCheckedAt: null };
    throw error;
  }
  if (!record) return { populationCheck: 'notFound', populationCheckedAt: now };
  const mismatches = identityMismatches(declared, record);
  if (mismatches.length > 0)
    throw new AppError('POPULATION_DATA_MISMATCH', { fields: mismatches }, mismatchMessage(mismatches));
  return { populationCheck: 'verified', populationCheckedAt: now };
}

/** The national store's documents of a citizen, as listed to choose from (no file content). */
export async function nationalStoreDocuments(client: NationalDataClient, personalId: string) {
  return (await fetchStoreDocuments(client, personalId)).map((d) => ({
    nationalDocumentId: d.maGiayTo,
    kind: d.loaiGiayTo,
    name: d.tenGiayTo,
    issuedOn: isoDateOf(d.ngayCap),
    issuer: d.coQuanCap,
  }));
}

/** The store's documents, or 503 when it does not answer (the officer can take the paper instead). */
async function fetchStoreDocuments(client: NationalDataClient, personalId: string) {
  try {
    return await client.storeDocuments(personalId);
  } catch (error) {
    if (error instanceof NationalDataError) throw new AppError('NATIONAL_STORE_UNAVAILABLE', { reason: error.code });
    throw error;
  }
}

/**
 * The national store's documents named by `documentIds` (mã giấy tờ), each copied into our file
 * store (content-addressed) and recorded as an upload of the acting officer or citizen: document
 * id → file id. A document the store does not hold for this citizen → 422; the store not
 * answering → 503.
 */
export async function takeFromNationalStore(
  tx: Tx,
  ctx: RequestContext,
  client: NationalDataClient,
  storage: FileStorage,
  personalId: string,
  documentIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const documents = await fetchStoreDocuments(client, personalId);
  const missing = documentIds.filter((id) => !documents.some((d) => d.maGiayTo === id));
  if (missing.length > 0) throw new AppError('NATIONAL_DOCUMENT_NOT_AVAILABLE', { documentIds: missing });
  const files = new Map<string, string>();
  for (const id of new Set(documentIds)) {
    const document = documents.find((d) => d.maGiayTo === id)!;
    const data = Buffer.from(document.tepDinhKem.noiDung, 'base64');
    const mediaType = acceptedMediaType(data);
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (!(await storage.exists(sha256))) await storage.put(sha256, data, mediaType);
    const file = await recordUpload(tx, ctx, {
      sha256,
      size: data.length,
      mediaType,
      originalName: document.tepDinhKem.tenTep,
      storageKey: sha256,
      uploadedAt: now,
    });
    files.set(id, file.id);
  }
  return files;
}
