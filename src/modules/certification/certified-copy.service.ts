/**
 * Making the certified electronic copy of a certification dossier (chứng thực bản sao điện tử từ
 * bản chính): the certifying official — whoever may "Phê duyệt, ký kết quả" on the dossier now,
 * the person who compares, signs and enters the register (Nghị định 23/2015/NĐ-CP art. 20
 * *(verify)*) — confirms the scan was compared with the original; the next number of the unit's
 * register for the year is drawn, the copy with its statement rendered and stored, and the entry
 * recorded, in one transaction with its audit record and event. The stored PDF is then signed by
 * the existing remote signing with the seal (dossiers/result-signing) and recorded by signResult.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../kernel/db.js';
import { queryRows } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { allowedActions } from '../dossiers/actions.service.js';
import type { DossierView } from '../dossiers/dossiers.query.js';
import { stillOpen } from '../dossiers/dossiers.query.js';
import { filesForUse, getFile, readFileContent, storeFile, type StoredFile } from '../files/files.service.js';
import type { FileStorage } from '../files/storage.js';
import { userNames } from '../identity/users.query.js';
import { CERTIFICATION_FIELD_CODES } from '../kpi/kpi.config.js';
import { certifiedCopies } from './certification.tables.js';
import { renderCertifiedCopy, scanPages } from './certified-copy.pdf.js';
import {
  certificationStatement,
  isCertificationField,
  registerReference,
  registerYear,
} from './certified-copy.rules.js';

/** The place on the date line, as on the dossier forms (the demo province). */
const PLACE = 'An Giang';

export interface CertifyInput {
  scanFileId: string;
  comparedWithOriginal: boolean;
  certifierTitle?: string | undefined;
}

/** Whether the dossier's procedure is certification, and whether this actor may certify it now. */
export async function certificationStanding(db: Queryable, actor: Actor, view: DossierView) {
  const certification = isCertificationField(view.versionContent.fieldCode, CERTIFICATION_FIELD_CODES);
  const mayCertify =
    certification && (await allowedActions(db, actor, view.dossier, stillOpen(view))).includes('signResult');
  return { certification, mayCertify };
}

/** The next number of a unit's register for a year, inside the certifying transaction (see the table). */
export async function nextRegisterNumber(tx: Tx, unitId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(
    tx,
    sql`insert into certification_register_sequences (unit_id, year, last_value) values (${unitId}, ${year}, 1)
        on conflict (unit_id, year) do update set last_value = certification_register_sequences.last_value + 1
        returning last_value`,
  );
  return row!.last_value;
}

/** The scan: one of the dossier's filed components (scanned at intake) or the actor's own upload. */
async function scanFile(db: Queryable, actor: Actor, view: DossierView, id: string): Promise<StoredFile> {
  const filed = view.components.some((c) => c.fileIds.includes(id));
  const [file] = filed ? [await getFile(db, id)] : await filesForUse(db, actor, [id]);
  return file!;
}

export async function certifyCopy(
  db: Database,
  files: FileStorage,
  ctx: RequestContext & { actor: Actor },
  view: DossierView,
  input: CertifyInput,
  now: Date,
) {
  const { certification, mayCertify } = await certificationStanding(db, ctx.actor, view);
  if (!certification) throw new AppError('CERTIFIED_COPY_NOT_CERTIFICATION', { code: view.dossier.code });
  if (!mayCertify) throw new AppError('FORBIDDEN', { action: 'certifyCopy' });
  if (!input.comparedWithOriginal) throw new AppError('CERTIFIED_COPY_NOT_COMPARED');
  const file = await scanFile(db, ctx.actor, view, input.scanFileId);
  const scan = { data: await readFileContent(files, file), mediaType: file.mediaType };
  const pages = await scanPages(scan);
  const unit = view.competentUnit;
  const year = registerYear(now);
  const certifierTitle = input.certifierTitle?.trim() || null;

  return db.transaction(async (tx) => {
    // The number is drawn, rendered into the copy and entered in one transaction: a failure
    // anywhere gives it back (the row lock is held while the PDF renders, a few hundred ms).
    const number = await nextRegisterNumber(tx, unit.id, year);
    const statement = certificationStatement({
      number,
      year,
      pages,
      certifiedAt: now,
      place: PLACE,
      certifier: { name: ctx.actor.fullName, title: certifierTitle ?? undefined },
    });
    const pdf = await renderCertifiedCopy({
      scan,
      statement,
      unitName: unit.name,
      dossierCode: view.dossier.code,
      now,
    });
    const stored = await storeFile(tx, files, ctx, {
      data: pdf,
      originalName: `ban-sao-chung-thuc-${number}-${year}.pdf`,
      uploadedAt: now,
    });
    const [entry] = await tx
      .insert(certifiedCopies)
      .values({
        dossierId: view.dossier.id,
        unitId: unit.id,
        year,
        number,
        scanFileId: file.id,
        fileId: stored.id,
        pages,
        certifiedBy: ctx.actor.userId,
        certifierTitle,
        certifiedAt: now,
      })
      .returning();
    const reference = registerReference(number, year);
    await recordChange(tx, ctx, {
      action: 'certification.copyCertified',
      targetType: 'dossier',
      targetId: view.dossier.id,
      unitId: unit.id,
      after: { code: view.dossier.code, register: reference, scanFileId: file.id, fileId: stored.id, pages },
      event: { dossierId: view.dossier.id, code: view.dossier.code, certifiedCopyId: entry!.id, register: reference },
    });
    return toAnswer(entry!, ctx.actor.fullName, stored);
  });
}

type Entry = typeof certifiedCopies.$inferSelect;

function toAnswer(entry: Entry, certifierName: string, file: StoredFile) {
  return {
    id: entry.id,
    number: entry.number,
    year: entry.year,
    register: registerReference(entry.number, entry.year),
    file,
    scanFileId: entry.scanFileId,
    pages: entry.pages,
    certifierName,
    certifierTitle: entry.certifierTitle,
    certifiedAt: entry.certifiedAt.toISOString(),
  };
}

export type CertifiedCopyAnswer = ReturnType<typeof toAnswer>;

const certifierNames = userNames('certifier_names');

/** The dossier's register entries, newest first. */
export async function certifiedCopiesOf(db: Queryable, dossierId: string) {
  const rows = await db
    .select({ entry: certifiedCopies, certifierName: certifierNames.fullName })
    .from(certifiedCopies)
    .innerJoin(certifierNames, eq(certifierNames.id, certifiedCopies.certifiedBy))
    .where(eq(certifiedCopies.dossierId, dossierId))
    .orderBy(desc(certifiedCopies.certifiedAt));
  return Promise.all(rows.map(async (r) => toAnswer(r.entry, r.certifierName, await getFile(db, r.entry.fileId))));
}
