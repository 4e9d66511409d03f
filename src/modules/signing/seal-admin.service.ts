/**
 * The agency seal certificates as the system administrator sees them: each unit's current seal
 * certificate and the retired ones, and the rotation (thay chứng thư số con dấu) — a new key and
 * certificate, the old one kept aside so that what it sealed still verifies. Neither reads nor
 * records any key material: the audit and the event carry the serials only.
 */
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Queryable, Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { authorize, can } from '../access/policy.js';
import { recordChange } from '../audit/record-change.js';
import { listUnits } from '../org/units.query.js';
import { unitPath, unitPaths } from '../org/units.service.js';
import type { SealCertificate, SealKeyStore } from './key-store.js';

/** Advisory lock class of a unit's seal rotation (two administrators rotating at once: one after the other). */
const SEAL_LOCK_CLASS = 7302;

/** The unit a seal code names (MotCua seals with the unit's official code); an open unit before a closed one. */
async function unitOfCode(db: Queryable, code: string) {
  const matching = (await listUnits(db)).filter((u) => u.officialCode === code);
  return matching.find((u) => u.validTo === null) ?? matching[0] ?? null;
}

const view = ({ serial, subject, validFrom, validTo }: SealCertificate) => ({ serial, subject, validFrom, validTo });

/** The seals of the units in the administrator's reach, by unit name. */
export async function listSeals(db: Queryable, actor: Actor, seals: SealKeyStore) {
  authorize(actor, 'seal.manage');
  const certificates = await seals.list();
  const units = new Map<string, Awaited<ReturnType<typeof unitOfCode>>>();
  for (const code of new Set(certificates.map((c) => c.unitCode))) units.set(code, await unitOfCode(db, code));
  // Seals of codes no unit has (left by a unit renumbered, or by tests) are not listed.
  const known = [...units.values()].flatMap((u) => (u ? [u] : []));
  const paths = await unitPaths(
    db,
    known.map((u) => u.id),
  );
  return known
    .filter((u) => can(actor, 'seal.manage', { unitPath: paths.get(u.id)! }))
    .map((unit) => {
      const own = certificates.filter((c) => c.unitCode === unit.officialCode);
      const current = own.find((c) => !c.retired);
      return {
        unitId: unit.id,
        unitCode: unit.officialCode,
        unitName: unit.name,
        current: current ? view(current) : null,
        retired: own
          .filter((c) => c.retired)
          .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())
          .map(view),
      };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}

/**
 * Replaces the unit's seal certificate. The key files cannot join the transaction: the rotation
 * runs inside it so that a refused or failed rotation records nothing, and the audit record and
 * event are written right after, in the same transaction (UNIT_NOT_FOUND for an unknown code).
 */
export async function rotateSeal(tx: Tx, ctx: RequestContext & { actor: Actor }, seals: SealKeyStore, code: string) {
  authorize(ctx.actor, 'seal.manage');
  const unit = await unitOfCode(tx, code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { officialCode: code });
  authorize(ctx.actor, 'seal.manage', { unitPath: await unitPath(tx, unit.id) });
  await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_CLASS}, hashtext(${code}))`);
  const rotation = await seals.rotate(code);
  const serials = { previousSerial: rotation.previousSerial, serial: rotation.serial };
  await recordChange(tx, ctx, {
    action: 'seal.rotate',
    targetType: 'seal',
    targetId: code,
    unitId: unit.id,
    before: { serial: rotation.previousSerial },
    after: { serial: rotation.serial, validFrom: rotation.validFrom, validTo: rotation.validTo },
    event: { unitCode: code, ...serials },
  });
  return { unitCode: code, ...rotation };
}
