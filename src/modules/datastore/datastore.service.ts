/**
 * The applicant's data store: what a received dossier adds (its components, digitized and
 * checked by the receiving officer), what a new dossier may reuse (only the same applicant's
 * items), and the record of each reuse.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { searchKey } from '../catalog/search.rules.js';
import { storeItemReuses, storeItems } from './datastore.tables.js';

export interface FiledComponent {
  componentId: string;
  name: string;
  fileIds: readonly string[];
}

/** The dossier a store item came from: its id, and its code (shown with the item). */
export interface SourceDossier {
  id: string;
  code: string;
}

/** A received dossier's components become store items of its applicant. */
export async function storeReceivedComponents(
  tx: Tx,
  source: SourceDossier,
  applicantKey: string,
  components: readonly FiledComponent[],
  digitizedBy: string | null,
) {
  await receivedComponentsInsert(tx, source, applicantKey, components, digitizedBy);
}

/**
 * The INSERT of storeReceivedComponents, not yet sent, or null when there is nothing to keep:
 * intake sends it with its other writes in one statement (kernel/one-statement.ts).
 */
export function receivedComponentsInsert(
  tx: Tx,
  source: SourceDossier,
  applicantKey: string,
  components: readonly FiledComponent[],
  digitizedBy: string | null,
) {
  if (components.length === 0) return null;
  return tx.insert(storeItems).values(
    components.map((c) => ({
      applicantKey,
      kind: 'document' as const,
      name: c.name,
      fileIds: [...c.fileIds],
      sourceDossierId: source.id,
      sourceDossierCode: source.code,
      sourceComponentId: c.componentId,
      digitizedBy,
    })),
  );
}

export interface StoredResult {
  applicantKey: string;
  name: string;
  fileId: string;
  sourceDossierId: string;
  sourceDossierCode: string;
  validUntil: string | null;
  signed: boolean;
  /** The leader who signed it: the result's provenance. */
  signedBy: string;
}

/** A signed result joins its applicant's store, with its validity. */
export async function storeResult(tx: Tx, result: StoredResult) {
  await tx.insert(storeItems).values({
    applicantKey: result.applicantKey,
    kind: 'result',
    name: result.name,
    fileIds: [result.fileId],
    sourceDossierId: result.sourceDossierId,
    sourceDossierCode: result.sourceDossierCode,
    digitizedBy: result.signedBy,
    validUntil: result.validUntil,
    signed: result.signed,
  });
}

/**
 * The files of stored items the applicant wants to reuse; refuses items that are not theirs, and
 * expired ones (a document past its validity is no proof any more).
 */
export async function reusableFiles(
  db: Queryable,
  applicantKey: string,
  itemIds: readonly string[],
  today: string,
): Promise<Map<string, string[]>> {
  const unique = [...new Set(itemIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: storeItems.id,
      applicantKey: storeItems.applicantKey,
      fileIds: storeItems.fileIds,
      validUntil: storeItems.validUntil,
    })
    .from(storeItems)
    .where(inArray(storeItems.id, unique));
  const mine = rows.filter((r) => r.applicantKey === applicantKey);
  const missing = unique.filter((id) => !mine.some((r) => r.id === id));
  if (missing.length > 0) throw new AppError('STORE_ITEM_NOT_AVAILABLE', { ids: missing });
  const expired = mine.filter((r) => r.validUntil !== null && r.validUntil < today).map((r) => r.id);
  if (expired.length > 0) throw new AppError('STORE_ITEM_EXPIRED', { ids: expired });
  return new Map(mine.map((r) => [r.id, r.fileIds]));
}

export async function recordReuses(
  tx: Tx,
  dossierId: string,
  reuses: readonly { storeItemId: string; componentId: string }[],
) {
  if (reuses.length === 0) return;
  await tx
    .insert(storeItemReuses)
    .values(reuses.map((r) => ({ ...r, dossierId })))
    .onConflictDoNothing();
}

/**
 * An applicant's store, newest first, with where each item came from and how often it was
 * reused; `forNames` keeps the items matching these component names (diacritics ignored) and
 * still valid today, which is what intake offers for a procedure's components.
 */
export async function listStore(db: Queryable, applicantKey: string, forNames?: readonly string[], today?: string) {
  const rows = await db
    .select({
      id: storeItems.id,
      kind: storeItems.kind,
      name: storeItems.name,
      fileIds: storeItems.fileIds,
      sourceDossierCode: storeItems.sourceDossierCode,
      validUntil: storeItems.validUntil,
      signed: storeItems.signed,
      createdAt: storeItems.createdAt,
    })
    .from(storeItems)
    .where(eq(storeItems.applicantKey, applicantKey))
    .orderBy(desc(storeItems.createdAt));
  const wanted = forNames ? new Set(forNames.map(searchKey)) : null;
  const valid = (r: { validUntil: string | null }) => !today || r.validUntil === null || r.validUntil >= today;
  const items = wanted ? rows.filter((r) => wanted.has(searchKey(r.name)) && valid(r)) : rows;
  const reuses = items.length
    ? await db
        .select({ storeItemId: storeItemReuses.storeItemId })
        .from(storeItemReuses)
        .where(
          inArray(
            storeItemReuses.storeItemId,
            items.map((i) => i.id),
          ),
        )
    : [];
  return items.map((i) => ({ ...i, reuseCount: reuses.filter((r) => r.storeItemId === i.id).length }));
}

/**
 * An online dossier accepted by a one-stop officer: its own (not reused) components join the
 * store. The caller (the dossiers module, which owns them) hands in the dossier's filed components.
 */
export async function storeAcceptedDossier(
  tx: Tx,
  source: SourceDossier,
  applicantKey: string,
  filed: readonly FiledComponent[],
  digitizedBy: string,
) {
  const reused = await tx
    .select({ componentId: storeItemReuses.componentId })
    .from(storeItemReuses)
    .where(eq(storeItemReuses.dossierId, source.id));
  const fresh = filed.filter((c) => !reused.some((r) => r.componentId === c.componentId));
  await storeReceivedComponents(tx, source, applicantKey, fresh, digitizedBy);
}

/** One item of an applicant's store (404-like refusal when it is someone else's). */
export async function itemOfApplicant(db: Queryable, applicantKey: string, itemId: string) {
  const [item] = await db
    .select()
    .from(storeItems)
    .where(and(eq(storeItems.id, itemId), eq(storeItems.applicantKey, applicantKey)));
  if (!item) throw new AppError('STORE_ITEM_NOT_AVAILABLE', { ids: [itemId] });
  return item;
}
