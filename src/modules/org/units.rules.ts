/** Pure rules of the organisation tree. */
import type { UnitRow } from './units.table.js';

export type Unit = Omit<UnitRow, 'createdAt' | 'updatedAt'>;
export type UnitNode = Unit & { children: UnitNode[] };

/** Mã định danh (QCVN 102:2016): three groups of digits and a letter-coded level-1 group, e.g. 000.00.53.H48. */
export const OFFICIAL_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** Mã đơn vị hành chính: 2 digits (province) or 5 digits (commune). */
export const ADMIN_UNIT_CODE_PATTERN = /^(\d{2}|\d{5})$/;

/** A unit operates on `date` (YYYY-MM-DD) when validFrom <= date < validTo. */
export function isValidOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

/**
 * Builds the forest from flat rows, children ordered by sortOrder then name. A unit whose
 * parent is filtered out becomes a root, so a filter never loses a subtree silently.
 */
export function buildTree(rows: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: UnitNode, b: UnitNode) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi');
  const sortAll = (list: UnitNode[]) => {
    list.sort(order);
    for (const n of list) sortAll(n.children);
  };
  sortAll(roots);
  return roots;
}

/** Moving `unitId` under `newParentId` would make it its own ancestor when the new parent's path contains it. */
export function wouldCreateCycle(unitId: string, newParentPath: readonly string[]): boolean {
  return newParentPath.includes(unitId);
}
