import type { UnitNode } from '../../../types.js';

/** Every unit of a tree, depth first. */
export function flattenUnits(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenUnits(node.children)]);
}

export interface UnitOption {
  value: string;
  title: string;
  children: UnitOption[];
}

/** Tree options for pickers (TreeSelect): name and identifier code. */
export function unitOptions(nodes: UnitNode[]): UnitOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.name} (${node.officialCode})`,
    children: unitOptions(node.children),
  }));
}
