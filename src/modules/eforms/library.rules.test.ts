/**
 * Every form of the library, by tables of cases: a complete sample passes; each field required
 * by the legal form, removed, is refused by its path; a conditional section's fields are required
 * only while it shows; and each form's own traps (its dates, identifiers, groups) are refused.
 * Also: each form cites a legal text and stands for its procedure's tờ khai component.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EformDefinition } from './eform.types.js';
import { SAMPLE_ADDRESS, sampleValuesOf } from './sample-values.js';
import { flatFields, formComponentOf } from './fields.rules.js';
import { ATTACHED_FORMS, FORM_LIBRARY } from './library/index.js';
import { validateValues } from './server-validator.js';

/** The first conditional section that shows for its trigger, the sample set to trigger it. */
function withSection(def: EformDefinition, sectionKey: string): Record<string, unknown> {
  const s = def.ui.sections.find((x) => x.key === sectionKey)!;
  return { ...sampleValuesOf(def), [s.visibleWhen!.field]: s.visibleWhen!.equals };
}

const required = (def: EformDefinition) => (def.schema.required as string[]) ?? [];
const conditional = (def: EformDefinition) => def.ui.sections.filter((s) => s.visibleWhen);
const without = (values: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => k !== key));
const paths = (def: EformDefinition, values: unknown) =>
  validateValues(def, values)
    .map((e) => e.path)
    .sort();

/** Each form's own traps: values that look plausible and must be refused, by path. */
const TRAPS: Record<string, { name: string; patch: Record<string, unknown>; path: string }[]> = {
  'khai-sinh': [{ name: 'child born 30 Feb', patch: { childBirthDate: '30/02/2025' }, path: 'childBirthDate' }],
  'ket-hon': [
    { name: 'groom’s 9-digit CMND', patch: { groomPersonalId: '089095000' }, path: 'groomPersonalId' },
    {
      name: 'bride’s commune in another province',
      patch: { brideResidence: { ...SAMPLE_ADDRESS, provinceCode: '79' } },
      path: 'brideResidence',
    },
  ],
  'dang-ky-lai-ket-hon': [
    {
      name: 'no date of the earlier registration',
      patch: { previousRegistrationDate: '' },
      path: 'previousRegistrationDate',
    },
  ],
  'khai-tu': [{ name: 'date of death as ISO', patch: { deathDate: '2025-09-01' }, path: 'deathDate' }],
  'xac-nhan-tinh-trang-hon-nhan': [{ name: 'no certificate count', patch: { copyCount: 0 }, path: 'copyCount' }],
  'ban-sao-trich-luc': [{ name: 'unknown civil-status event', patch: { event: 'ly-hon' }, path: 'event' }],
  'thay-doi-cai-chinh-ho-tich': [{ name: 'empty requested content', patch: { changeTo: '' }, path: 'changeTo' }],
  'dang-ky-lai-khai-sinh': [
    { name: 'letters in the identifier', patch: { personPersonalId: '08909500012A' }, path: 'personPersonalId' },
  ],
  'ct01-cu-tru': [
    {
      name: 'a member without identifier',
      patch: { members: [{ fullName: 'Nguyễn Thị B', birthDate: '01/01/2015', gender: 'Nữ', relationship: 'Con' }] },
      path: 'members.0.personalId',
    },
    { name: 'malformed e-mail', patch: { email: 'an.nguyen@' }, path: 'email' },
  ],
  'ly-lich-tu-phap': [
    { name: 'no residence history', patch: { residenceHistory: [] }, path: 'residenceHistory' },
    { name: 'certificate no. 3', patch: { certificateKind: '3' }, path: 'certificateKind' },
  ],
  'dang-ky-ho-kinh-doanh': [
    { name: 'no business line', patch: { lines: [] }, path: 'lines' },
    { name: 'negative capital', patch: { capitalVnd: -1 }, path: 'capitalVnd' },
  ],
  'thay-doi-ho-kinh-doanh': [
    { name: 'tax code with a wrong check digit', patch: { businessCode: '0100109107' }, path: 'businessCode' },
  ],
  'giay-phep-xay-dung': [{ name: 'zero floors', patch: { floors: 0 }, path: 'floors' }],
};

const catalog = JSON.parse(readFileSync(new URL('../catalog/demo/procedures.vi.json', import.meta.url), 'utf8')) as {
  nationalCode: string;
  content: { components: { name: string; formTemplate?: string | null }[] };
}[];

describe('the form library', () => {
  it('has at least 12 forms attached to procedures, with distinct keys', () => {
    expect(ATTACHED_FORMS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(FORM_LIBRARY.map((f) => f.key)).size).toBe(FORM_LIBRARY.length);
    expect(Object.keys(TRAPS).sort()).toEqual(FORM_LIBRARY.map((f) => f.key).sort());
  });
});

describe.each(FORM_LIBRARY.map((def) => [def.key, def] as const))('%s', (_key, def) => {
  it('cites its legal text and stands for the tờ khai component of each of its procedures', () => {
    expect(def.legalSource).toMatch(/(Thông tư|Nghị định) \d+\/\d{4}\/|Mẫu số \d+\/\d{4}\/LLTP/);
    for (const code of def.procedureCodes) {
      const procedure = catalog.find((p) => p.nationalCode === code);
      expect(procedure, code).toBeDefined();
      expect(formComponentOf(procedure!.content.components, def), code).toBeDefined();
    }
  });

  it('accepts a complete form and lists its fields in the legal order', () => {
    expect(paths(def, sampleValuesOf(def))).toEqual([]);
    const keys = flatFields(def).map((f) => f.key);
    expect(keys.filter((k) => !k.includes('.*.'))).toEqual(def.ui.sections.flatMap((s) => s.fields));
  });

  it.each(required(def))('refuses the form without %s, naming it', (key) => {
    expect(paths(def, without(sampleValuesOf(def), key))).toEqual([key]);
  });

  const sections = conditional(def);
  if (sections.length > 0) {
    it.each(sections.map((s) => [s.key, s] as const))(
      'requires the fields of section %s only while it shows',
      (key, s) => {
        const requiredThere = s.fields.filter((f) =>
          ((def.schema.allOf as { then: { required: string[] } }[]) ?? []).some((c) => c.then.required.includes(f)),
        );
        for (const f of requiredThere) expect(paths(def, without(withSection(def, key), f))).toEqual([f]);
        const hidden = Object.fromEntries(
          Object.entries(sampleValuesOf(def)).filter(([k]) => !s.fields.includes(k) && k !== s.visibleWhen!.field),
        );
        expect(paths(def, hidden).filter((p) => s.fields.includes(p))).toEqual([]);
      },
    );
  }

  it.each(TRAPS[def.key] ?? [])('refuses $name', ({ patch, path }) => {
    expect(paths(def, { ...sampleValuesOf(def), ...patch })).toEqual([path]);
  });
});
