import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { type Queryable, type Tx, queryRows } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { forgetMemo, hasMemo, memo, referenceMemo, sharesReference } from '../../kernel/request-memo.js';
import { changedFields, recordChange } from '../audit/record-change.js';
import { type Unit, buildTree, isValidOn, wouldCreateCycle } from './units.rules.js';
import { type UnitKind, units } from './units.table.js';

const unitColumns = {
  id: units.id,
  parentId: units.parentId,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  officialCode: units.officialCode,
  adminUnitCode: units.adminUnitCode,
  address: units.address,
  validFrom: units.validFrom,
  validTo: units.validTo,
  successorId: units.successorId,
  sortOrder: units.sortOrder,
  version: units.version,
};

/** Today in Vietnam (YYYY-MM-DD): unit validity is a matter of Vietnamese calendar dates. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export async function listUnitTree(db: Queryable, opts: { at?: string | undefined; includeClosed: boolean }) {
  const rows = await db.select(unitColumns).from(units);
  const at = opts.at ?? todayInVietnam();
  return buildTree(opts.includeClosed ? rows : rows.filter((u) => isValidOn(u, at)));
}

/**
 * Every unit by id, read once per change of the tree and shared across requests (a province has
 * hundreds of units, and nearly every request asks for a unit or a unit's path); null where nothing
 * is shared (outside a request, or after this request changed reference data).
 */
async function sharedUnits(db: Queryable): Promise<Readonly<Record<string, Unit>> | null> {
  if (!sharesReference()) return null;
  return referenceMemo(db, 'org.units', async () =>
    Object.fromEntries((await db.select(unitColumns).from(units)).map((u) => [u.id, u])),
  );
}

/** The ids from the root down to `id` in a shared index; UNIT_NOT_FOUND as the query would say. */
function pathIn(index: Readonly<Record<string, Unit>>, id: string): string[] {
  const path: string[] = [];
  for (let unit = index[id]; unit && path.length <= 64; unit = unit.parentId ? index[unit.parentId] : undefined)
    path.unshift(unit.id);
  if (path.length === 0) throw new AppError('UNIT_NOT_FOUND', { id });
  return path;
}

export async function getUnit(db: Queryable, id: string): Promise<Unit> {
  const shared = await sharedUnits(db);
  if (shared) {
    const known = shared[id];
    if (!known) throw new AppError('UNIT_NOT_FOUND', { id });
    return known;
  }
  const [unit] = await db.select(unitColumns).from(units).where(eq(units.id, id));
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { id });
  return unit;
}

/** The unit and its ancestors, from the root down: [{id, name}, …, the unit]. */
export async function unitLineage(db: Queryable, id: string): Promise<{ id: string; name: string }[]> {
  const shared = await sharedUnits(db);
  if (shared) {
    if (!shared[id]) return [];
    return pathIn(shared, id).map((unitId) => ({ id: unitId, name: shared[unitId]!.name }));
  }
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`
    with recursive up as (
      select id, name, parent_id, 0 as depth from units where id = ${id}
      union all
      select u.id, u.name, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
      where up.depth < 64
    )
    select id, name, depth from up order by depth desc`,
  );
  return rows.map(({ id: unitId, name }) => ({ id: unitId, name }));
}

/**
 * Ids of the unit and its ancestors: the `unitPath` the policy checks grants against. Read once
 * per request (a request asks it several times: access, the action's authority, the answer).
 */
export async function unitPath(db: Queryable, id: string): Promise<string[]> {
  const shared = await sharedUnits(db);
  if (shared) return pathIn(shared, id);
  return memo(`${PATH_MEMO}${id}`, () => lineagePath(db, id));
}

/** The paths of several units in one statement (those already read in this request are not read again). */
export async function unitPaths(db: Queryable, ids: readonly string[]): Promise<Map<string, string[]>> {
  const wanted = [...new Set(ids)];
  const shared = await sharedUnits(db);
  if (shared) return new Map(wanted.map((id) => [id, pathIn(shared, id)]));
  const missing = new Set(wanted.filter((id) => !hasMemo(`${PATH_MEMO}${id}`)));
  const loaded = missing.size > 1 ? loadPaths(db, [...missing]) : null;
  const paths = await Promise.all(
    wanted.map((id) =>
      memo(`${PATH_MEMO}${id}`, async () => {
        if (!loaded || !missing.has(id)) return lineagePath(db, id);
        const path = (await loaded).get(id);
        if (!path) throw new AppError('UNIT_NOT_FOUND', { id });
        return path;
      }),
    ),
  );
  return new Map(wanted.map((id, i) => [id, paths[i]!]));
}

async function lineagePath(db: Queryable, id: string): Promise<string[]> {
  const lineage = await unitLineage(db, id);
  if (lineage.length === 0) throw new AppError('UNIT_NOT_FOUND', { id });
  return lineage.map((u) => u.id);
}

const PATH_MEMO = 'org.unitPath:';

async function loadPaths(db: Queryable, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ start: string; path: string[] }>(
    db,
    sql`
    with recursive up as (
      select id as start, id, parent_id, 0 as depth from units where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
      union all
      select up.start, u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
      where up.depth < 64
    )
    select start::text, array_agg(id::text order by depth desc) as path from up group by start`,
  );
  return new Map(rows.map((r) => [r.start, r.path]));
}

export interface CreateUnitInput {
  parentId: string | null;
  name: string;
  shortName?: string | null | undefined;
  kind: UnitKind;
  officialCode: string;
  adminUnitCode?: string | null | undefined;
  address?: string | null | undefined;
  validFrom?: string | undefined;
  sortOrder?: number | undefined;
}

export async function createUnit(tx: Tx, ctx: RequestContext, input: CreateUnitInput, now: Date): Promise<Unit> {
  if (input.parentId) {
    const parent = await getUnit(tx, input.parentId);
    if (parent.validTo !== null) throw new AppError('UNIT_CLOSED', { id: parent.id });
  }
  await assertOfficialCodeFree(tx, input.officialCode, null);
  const [unit] = await tx
    .insert(units)
    .values({ ...input, validFrom: input.validFrom ?? todayInVietnam(now) })
    .returning(unitColumns);
  await recordChange(tx, ctx, {
    action: 'unit.create',
    targetType: 'unit',
    targetId: unit!.id,
    unitId: unit!.id,
    after: { ...input },
    event: { unit: unit! },
  });
  return unit!;
}

export type UpdateUnitInput = Partial<Omit<CreateUnitInput, 'validFrom'>> & { version: number };

export async function updateUnit(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: UpdateUnitInput,
  now: Date,
): Promise<Unit> {
  const current = await getUnit(tx, id);
  if (current.validTo !== null) throw new AppError('UNIT_CLOSED', { id });
  const { version, ...fields } = input;
  if (fields.parentId !== undefined && fields.parentId !== current.parentId) {
    if (fields.parentId === null) throw new AppError('VALIDATION_FAILED', { parentId: 'required' });
    const parent = await getUnit(tx, fields.parentId);
    if (parent.validTo !== null) throw new AppError('UNIT_CLOSED', { id: parent.id });
    if (wouldCreateCycle(id, await unitPath(tx, fields.parentId))) {
      throw new AppError('UNIT_CYCLE');
    }
  }
  if (fields.officialCode && fields.officialCode !== current.officialCode) {
    await assertOfficialCodeFree(tx, fields.officialCode, id);
  }
  const diff = changedFields(current, fields);
  const [unit] = await tx
    .update(units)
    .set({ ...fields, version: version + 1, updatedAt: now })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning(unitColumns);
  if (!unit) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  if (unit.parentId !== current.parentId) forgetMemo(PATH_MEMO); // the unit and its subtree moved
  await recordChange(tx, ctx, {
    action: 'unit.update',
    targetType: 'unit',
    targetId: id,
    unitId: id,
    ...diff,
    event: { unit },
  });
  return unit;
}

export interface CloseUnitInput {
  version: number;
  /** First day the unit no longer operates. */
  validTo: string;
  successorId?: string | null | undefined;
}

/** Closes (or merges) a unit. Old records keep pointing at it; the successor takes new work. */
export async function closeUnit(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: CloseUnitInput,
  now: Date,
): Promise<Unit> {
  const current = await getUnit(tx, id);
  if (current.validTo !== null) throw new AppError('UNIT_CLOSED', { id });
  if (input.validTo <= current.validFrom) {
    throw new AppError(
      'VALIDATION_FAILED',
      { validTo: 'must be after validFrom' },
      'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
    );
  }
  if (input.successorId) {
    const successor = await getUnit(tx, input.successorId);
    if (successor.id === id || !isValidOn(successor, input.validTo)) {
      throw new AppError(
        'UNIT_CLOSED',
        { successorId: successor.id },
        'Đơn vị kế thừa phải đang hoạt động vào ngày đóng.',
      );
    }
  }
  const [openChild] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.parentId, id), isNull(units.validTo)))
    .limit(1);
  if (openChild) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN', { childId: openChild.id });
  const [unit] = await tx
    .update(units)
    .set({
      validTo: input.validTo,
      successorId: input.successorId ?? null,
      version: input.version + 1,
      updatedAt: now,
    })
    .where(and(eq(units.id, id), eq(units.version, input.version)))
    .returning(unitColumns);
  if (!unit) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  await recordChange(tx, ctx, {
    action: 'unit.close',
    targetType: 'unit',
    targetId: id,
    unitId: id,
    before: { validTo: null },
    after: { validTo: input.validTo, successorId: input.successorId ?? null },
    event: { unit },
  });
  return unit;
}

async function assertOfficialCodeFree(tx: Tx, code: string, exceptId: string | null): Promise<void> {
  const [clash] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.officialCode, code), isNull(units.validTo), exceptId ? ne(units.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw new AppError('UNIT_CODE_TAKEN', { officialCode: code, unitId: clash.id });
}

export async function rootUnitIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(isNull(units.parentId))
    .orderBy(asc(units.sortOrder));
  return rows.map((r) => r.id);
}

/** Ids of the given units and everything below them. */
export async function subtreeIds(db: Queryable, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive down as (
      select id from units where id in ${rootIds}
      union
      select u.id from units u join down on u.parent_id = down.id
    )
    select id from down`,
  );
  return rows.map((r) => r.id);
}

/** The province's root unit(s): a root of kind province (vertical agencies are roots of their own and do not qualify). */
export async function provinceRootIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(isNull(units.parentId), eq(units.kind, 'province')));
  return rows.map((r) => r.id);
}
