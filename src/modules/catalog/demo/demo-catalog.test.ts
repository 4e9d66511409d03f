/**
 * The demo procedure catalog (procedures.vi.json, fields.vi.json): real procedures of the national
 * database of administrative procedures (CSDL quốc gia về TTHC), assigned to the demo province's
 * units. These checks keep the data loadable: every entry passes the ProcedureContent schema, codes
 * are well-formed and unique, fields and units resolve, and the catalog has the spread the demo
 * needs (levels, online levels, channels).
 *
 * Encodings used in the data:
 * - "Ngay trong ngày" (same day; if received after 15:00, the next working day) is stored as
 *   { value: 4, unit: 'workingHours' } — e.g. khai sinh, kết hôn, khai tử, chứng thực.
 * - "N ngày làm việc" → { value: N, unit: 'workingDays' }; "N ngày" without "làm việc" →
 *   { value: N, unit: 'days' }.
 * - Fees set by the provincial People's Council (HĐND tỉnh) are given as the amount shown on the
 *   national database page, with the note saying so; 0 means free or "0 đ" as published there.
 *   Per-page/per-case fees give the base unit amount and the rule in the note.
 * - competentUnits: keys of demoUnits() in src/modules/demo/demo-province.ts, or "*commune" for
 *   every commune-level unit. content.competentUnitIds is filled in when the catalog is loaded.
 * - localCode: the provincial copy code, `<national code>.000.00.00.H91`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoUnits } from '../../demo/demo-province.js';
import { ProcedureContent } from '../procedure.content.js';

interface DemoField {
  code: string;
  name: string;
}
interface DemoProcedure {
  nationalCode: string;
  competentUnits: string[];
  content: Record<string, unknown> & {
    fieldCode: string;
    levels: string[];
    onlineLevel: string;
    channels: { channel: string; timeLimit: { value: number; unit: string }; fees: { amountVnd: number }[] }[];
  };
}

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as T;
const fields = load<DemoField[]>('./fields.vi.json');
const procedures = load<DemoProcedure[]>('./procedures.vi.json');
const PLACEHOLDER_UNIT = '00000000-0000-4000-8000-000000000000';

describe('demo procedure catalog', () => {
  it('every entry passes the ProcedureContent schema', () => {
    for (const p of procedures) {
      const parsed = ProcedureContent.safeParse({ ...p.content, competentUnitIds: [PLACEHOLDER_UNIT] });
      expect(parsed.success, `${p.nationalCode}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(
        true,
      );
      expect(p.content).not.toHaveProperty('competentUnitIds');
    }
  });

  it('national codes are well-formed and unique', () => {
    const codes = procedures.map((p) => p.nationalCode);
    for (const code of codes) expect(code).toMatch(/^\d\.\d{6}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('local codes derive from the national code', () => {
    for (const p of procedures) expect(p.content.localCode).toBe(`${p.nationalCode}.000.00.00.H91`);
  });

  it('fields are unique, and every procedure field exists', () => {
    const codes = fields.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of fields) expect(f.name.trim().length).toBeGreaterThan(0);
    for (const p of procedures) expect(codes, p.nationalCode).toContain(p.content.fieldCode);
  });

  it('competent units resolve to demo units or "*commune"', () => {
    const keys = new Set(demoUnits().map((u) => u.key));
    for (const p of procedures) {
      expect(p.competentUnits.length, p.nationalCode).toBeGreaterThan(0);
      for (const key of p.competentUnits)
        expect(key === '*commune' || keys.has(key), `${p.nationalCode}: ${key}`).toBe(true);
    }
  });

  it('all fees are non-negative integer VND', () => {
    for (const p of procedures)
      for (const c of p.content.channels)
        for (const f of c.fees) expect(Number.isInteger(f.amountVnd) && f.amountVnd >= 0, p.nationalCode).toBe(true);
  });

  it('has the size and spread the demo needs', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(45);
    const used = new Set(procedures.map((p) => p.content.fieldCode));
    expect(used.size).toBeGreaterThanOrEqual(10);
    const levels = new Set(procedures.flatMap((p) => p.content.levels));
    expect(levels).toContain('province');
    expect(levels).toContain('commune');
    const online = new Set(procedures.map((p) => p.content.onlineLevel));
    expect(online).toContain('full');
    expect(online).toContain('partial');
    expect(online).toContain('none');
    const channels = new Set(procedures.flatMap((p) => p.content.channels.map((c) => c.channel)));
    expect([...channels].sort()).toEqual(['counter', 'online', 'postal']);
  });
});
