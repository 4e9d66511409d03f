/**
 * Reference data the portal reads on many pages and that changes rarely (the unit tree, the
 * procedure fields): fetched once per page load, retried after a failure.
 */
import { api } from '../../api.js';
import type { UnitNode } from '../../types.js';
import type { ApiResponse } from '../../api/types.js';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

export const unitTree = once(() =>
  api<ApiResponse<'/api/units'>>('/api/units', { on401: 'throw' }).then((r) => r.units),
);
export const procedureFields = once(() =>
  api<ApiResponse<'/api/procedure-fields'>>('/api/procedure-fields', { on401: 'throw' }).then((r) => r.items),
);

export function flattenUnits(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenUnits(n.children)]);
}

/** Units open today (a closed unit keeps its old dossiers but takes no new ones). */
export const openUnits = (nodes: UnitNode[]) => flattenUnits(nodes).filter((u) => !u.validTo);

export const provinceOf = (roots: UnitNode[]) => roots.find((u) => u.kind === 'province') ?? roots[0] ?? null;
