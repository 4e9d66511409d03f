import { describe, expect, it } from 'vitest';
import {
  ADMIN_UNIT_CODE_PATTERN,
  OFFICIAL_CODE_PATTERN,
  type Unit,
  type UnitNode,
  buildTree,
  isValidOn,
  wouldCreateCycle,
} from './units.rules.js';

function unit(id: string, parentId: string | null, extra: Partial<Unit> = {}): Unit {
  return {
    id,
    parentId,
    name: id,
    shortName: null,
    kind: 'other',
    officialCode: '000.00.00.H91',
    adminUnitCode: null,
    address: null,
    validFrom: '2025-07-01',
    validTo: null,
    successorId: null,
    sortOrder: 0,
    version: 1,
    ...extra,
  };
}

/** The tree as nested ids, for compact expectations. */
type Shape = [string, Shape[]];
const shape = (nodes: UnitNode[]): Shape[] => nodes.map((n) => [n.id, shape(n.children)]);

describe('isValidOn: validFrom <= date < validTo', () => {
  it.each([
    ['before it starts', '2025-07-01', null, '2025-06-30', false],
    ['on its first day', '2025-07-01', null, '2025-07-01', true],
    ['open-ended, long after', '2025-07-01', null, '2099-12-31', true],
    ['the day before it closes', '2008-01-01', '2025-07-01', '2025-06-30', true],
    ['on the closing day (exclusive)', '2008-01-01', '2025-07-01', '2025-07-01', false],
    ['after it closed', '2008-01-01', '2025-07-01', '2026-01-01', false],
    ['one-day unit, that day', '2025-01-01', '2025-01-02', '2025-01-01', true],
    ['across a year boundary', '2024-12-31', '2025-01-01', '2024-12-31', true],
  ] as const)('%s', (_label, validFrom, validTo, date, expected) => {
    expect(isValidOn({ validFrom, validTo }, date)).toBe(expected);
  });
});

describe('wouldCreateCycle', () => {
  it.each([
    ['moving under itself', 'a', ['a'], true],
    ['moving under its child', 'a', ['c', 'a', 'root'], true],
    ['moving under a deep descendant', 'a', ['x', 'y', 'c', 'a', 'root'], true],
    ['moving under a sibling', 'a', ['b', 'root'], false],
    ['moving under the root', 'a', ['root'], false],
    ['moving under its own parent again', 'c', ['a', 'root'], false],
    ['empty path (new root)', 'a', [], false],
  ] as const)('%s → %s', (_label, unitId, path, expected) => {
    expect(wouldCreateCycle(unitId, path)).toBe(expected);
  });
});

describe('buildTree', () => {
  it.each<[string, Unit[], Shape[]]>([
    ['nothing', [], []],
    ['one root', [unit('r', null)], [['r', []]]],
    [
      'children under parents regardless of row order',
      [unit('c1', 'p'), unit('g', 'c1'), unit('p', null), unit('c2', 'p')],
      [
        [
          'p',
          [
            ['c1', [['g', []]]],
            ['c2', []],
          ],
        ],
      ],
    ],
    [
      'several roots (province and vertical agencies)',
      [
        unit('tinh', null, { sortOrder: 0 }),
        unit('cong-an', null, { sortOrder: 2 }),
        unit('thue', null, { sortOrder: 1 }),
      ],
      [
        ['tinh', []],
        ['thue', []],
        ['cong-an', []],
      ],
    ],
    [
      'a unit whose parent is filtered out becomes a root (the subtree is not lost)',
      [unit('root', null), unit('orphan', 'gone'), unit('grandchild', 'orphan')],
      [
        ['orphan', [['grandchild', []]]],
        ['root', []],
      ],
    ],
  ])('%s', (_label, rows, expected) => {
    expect(shape(buildTree(rows))).toEqual(expected);
  });

  it('orders siblings by sortOrder, then by Vietnamese name', () => {
    const rows = [
      unit('p', null),
      unit('x3', 'p', { name: 'Sở Y tế', sortOrder: 1 }),
      unit('x1', 'p', { name: 'Sở Đất đai', sortOrder: 0 }),
      unit('x2', 'p', { name: 'Sở Du lịch', sortOrder: 0 }),
      unit('x0', 'p', { name: 'Sở Ăn uống', sortOrder: 0 }),
      unit('x4', 'p', { name: 'Sở An ninh', sortOrder: 0 }),
    ];
    const names = buildTree(rows)[0]!.children.map((c) => c.name);
    // Vietnamese collation: A < Ă, D < Đ; sortOrder comes first.
    expect(names).toEqual(['Sở An ninh', 'Sở Ăn uống', 'Sở Du lịch', 'Sở Đất đai', 'Sở Y tế']);
  });

  it('does not mutate its input and keeps every field of the rows', () => {
    const rows = [unit('p', null, { officialCode: '000.00.00.H91' }), unit('c', 'p', { validTo: '2030-01-01' })];
    const copy = structuredClone(rows);
    const [root] = buildTree(rows);
    expect(rows).toEqual(copy);
    expect(root).toEqual({ ...rows[0], children: [{ ...rows[1], children: [] }] });
  });
});

describe('code patterns', () => {
  it.each([
    ['000.00.53.H48', true],
    ['000.00.00.H91', true],
    ['091.00.00.G03', true],
    ['001.10.00.H91', true],
    ['000.00.53.h48', false], // level-1 letter is upper case
    ['000.00.53.H4', false],
    ['000.00.53.H480', false],
    ['00.00.53.H48', false],
    ['000-00-53-H48', false],
    ['000.00.53.48H', false],
    [' 000.00.53.H48', false],
    ['000.00.53.H48\n', false],
    ['', false],
  ])('official code %j → %s', (code, ok) => {
    expect(OFFICIAL_CODE_PATTERN.test(code)).toBe(ok);
  });

  it.each([
    ['91', true], // province
    ['30307', true], // commune
    ['9', false],
    ['911', false],
    ['3030', false],
    ['303070', false],
    ['3a307', false],
    ['', false],
  ])('administrative unit code %j → %s', (code, ok) => {
    expect(ADMIN_UNIT_CODE_PATTERN.test(code)).toBe(ok);
  });
});
