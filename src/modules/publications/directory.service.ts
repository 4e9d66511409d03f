/**
 * The one-stop department's directory (danh bạ Bộ phận Một cửa) per unit: head, deputies and
 * staff with title and work phone, published on the portal (seed 002: "công khai số điện thoại,
 * danh sách người đứng đầu Bộ phận Một cửa"). Kept by the unit's system administrator.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../kernel/context.js';
import type { Queryable, Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { changedFields, recordChange } from '../audit/record-change.js';
import { existingUnitIds, listUnits } from '../org/units.query.js';
import { todayInVietnam } from '../org/units.service.js';
import type { DirectoryRole } from './publications.rules.js';
import { directoryEntries } from './publications.tables.js';

export interface DirectoryEntryInput {
  unitId: string;
  role: DirectoryRole;
  fullName: string;
  title: string;
  phone: string;
  sortOrder?: number | undefined;
}

const columns = {
  id: directoryEntries.id,
  unitId: directoryEntries.unitId,
  role: directoryEntries.role,
  fullName: directoryEntries.fullName,
  title: directoryEntries.title,
  phone: directoryEntries.phone,
  sortOrder: directoryEntries.sortOrder,
  version: directoryEntries.version,
};
export type DirectoryEntry = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] };

const ROLE_ORDER: Record<DirectoryRole, number> = { head: 0, deputy: 1, staff: 2 };

export async function getDirectoryEntry(db: Queryable, id: string): Promise<DirectoryEntry> {
  const [row] = await db.select(columns).from(directoryEntries).where(eq(directoryEntries.id, id));
  if (!row) throw new AppError('DIRECTORY_ENTRY_NOT_FOUND', { id });
  return row;
}

/**
 * The directory of the units operating today (optionally only `unitIds`), unit by unit in the
 * order of the organisation chart, the head first; units with nobody listed are left out.
 */
export async function listDirectory(db: Queryable, now: Date, unitIds?: readonly string[]) {
  const entries = await db
    .select(columns)
    .from(directoryEntries)
    .where(unitIds ? inArray(directoryEntries.unitId, [...unitIds]) : undefined)
    .orderBy(asc(directoryEntries.sortOrder), asc(directoryEntries.fullName));
  if (entries.length === 0) return [];
  const open = (await listUnits(db, todayInVietnam(now))).filter((u) => entries.some((e) => e.unitId === u.id));
  return open
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => ({
      unitId: u.id,
      unitName: u.name,
      kind: u.kind,
      people: entries
        .filter((e) => e.unitId === u.id)
        .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.sortOrder - b.sortOrder),
    }));
}

export async function createDirectoryEntry(
  tx: Tx,
  ctx: RequestContext,
  input: DirectoryEntryInput,
  now: Date,
): Promise<DirectoryEntry> {
  if (!(await existingUnitIds(tx, [input.unitId], todayInVietnam(now))).has(input.unitId))
    throw new AppError('UNIT_NOT_FOUND', { id: input.unitId });
  const [row] = await tx.insert(directoryEntries).values(input).returning(columns);
  await recordChange(tx, ctx, {
    action: 'directory.create',
    targetType: 'directory_entry',
    targetId: row!.id,
    unitId: row!.unitId,
    after: { ...input },
    event: { id: row!.id, unitId: row!.unitId },
  });
  return row!;
}

export async function updateDirectoryEntry(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: Partial<Omit<DirectoryEntryInput, 'unitId'>> & { version: number },
  now: Date,
): Promise<DirectoryEntry> {
  const current = await getDirectoryEntry(tx, id);
  const { version, ...fields } = input;
  const [row] = await tx
    .update(directoryEntries)
    .set({ ...fields, version: version + 1, updatedAt: now })
    .where(and(eq(directoryEntries.id, id), eq(directoryEntries.version, version)))
    .returning(columns);
  if (!row) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  await recordChange(tx, ctx, {
    action: 'directory.update',
    targetType: 'directory_entry',
    targetId: id,
    unitId: row.unitId,
    ...changedFields(current, fields),
    event: { id, unitId: row.unitId },
  });
  return row;
}

export async function deleteDirectoryEntry(tx: Tx, ctx: RequestContext, id: string, version: number): Promise<void> {
  const current = await getDirectoryEntry(tx, id);
  const [row] = await tx
    .delete(directoryEntries)
    .where(and(eq(directoryEntries.id, id), eq(directoryEntries.version, version)))
    .returning({ id: directoryEntries.id });
  if (!row) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  await recordChange(tx, ctx, {
    action: 'directory.delete',
    targetType: 'directory_entry',
    targetId: id,
    unitId: current.unitId,
    before: { fullName: current.fullName, title: current.title, role: current.role },
    event: { id, unitId: current.unitId },
  });
}
