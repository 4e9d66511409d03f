/**
 * Builders of form definitions: each field is its JSON Schema fragment and its UI entry, and
 * `defineForm` assembles the sections (in the legal order) into one 2020-12 schema — required
 * fields, `if`/`then` for conditional sections — and the UI layout. The library's forms are data
 * written with these; the admin editor stores the assembled result.
 */
import type {
  Computation,
  EformDefinition,
  FieldUi,
  JsonSchema,
  LocalText,
  PrefillRule,
  SectionUi,
} from '../eform.types.js';

export interface FieldSpec {
  schema: JsonSchema;
  ui: FieldUi;
  required: boolean;
}

interface Common {
  required?: boolean;
  help?: [string, string];
  prefill?: PrefillRule[];
  remember?: boolean;
  note?: string;
  attachment?: string;
}

const t = (vi: string, en: string): LocalText => ({ vi, en });

function field(widget: FieldUi['widget'], label: [string, string], schema: JsonSchema, o: Common = {}): FieldSpec {
  const ui: FieldUi = { widget, label: t(...label) };
  if (o.help) ui.help = t(...o.help);
  if (o.prefill) ui.prefill = o.prefill;
  if (o.remember) ui.remember = true;
  if (o.note) ui.note = o.note;
  if (o.attachment) ui.attachment = { componentName: o.attachment };
  return { schema, ui, required: o.required ?? true };
}

const str = (max: number, min = 1): JsonSchema => ({ type: 'string', minLength: min, maxLength: max });

export const text = (label: [string, string], o: Common & { max?: number } = {}) =>
  field('text', label, str(o.max ?? 200), o);
export const textarea = (label: [string, string], o: Common & { max?: number } = {}) =>
  field('textarea', label, str(o.max ?? 2000), o);
export const date = (label: [string, string], o: Common = {}) =>
  field('date', label, { type: 'string', format: 'vn-date' }, o);
export const year = (label: [string, string], o: Common = {}) =>
  field('year', label, { type: 'integer', minimum: 1900, maximum: 2100 }, o);
export const number = (label: [string, string], o: Common & { min?: number; max?: number } = {}) =>
  field('number', label, { type: 'number', minimum: o.min ?? 0, maximum: o.max ?? 1e12 }, o);
export const personalId = (label: [string, string], o: Common = {}) =>
  field('personalId', label, { type: 'string', format: 'personal-id' }, o);
export const taxCode = (label: [string, string], o: Common = {}) =>
  field('taxCode', label, { type: 'string', format: 'tax-code' }, o);
export const email = (label: [string, string], o: Common = {}) =>
  field('text', label, { type: 'string', format: 'email', maxLength: 200 }, o);
export const phone = (label: [string, string], o: Common = {}) =>
  field('text', label, { type: 'string', pattern: '^\\+?[0-9][0-9 ]{7,16}$', examples: ['0912345678'] }, o);
/** Mã ngành kinh tế cấp 4 (Vietnam Standard Industrial Classification, Decision 36/2025/QĐ-TTg). */
export const industryCode = (label: [string, string], o: Common = {}) =>
  field('text', label, { type: 'string', pattern: '^[0-9]{4}$', examples: ['4711'] }, o);
export const checkbox = (label: [string, string], o: Common = {}) =>
  field('checkbox', label, { type: 'boolean' }, { required: false, ...o });

export function choice(label: [string, string], options: [string, string, string][], o: Common = {}): FieldSpec {
  const spec = field('choice', label, { type: 'string', enum: options.map(([v]) => v) }, o);
  spec.ui.options = options.map(([value, vi, en]) => ({ value, label: t(vi, en) }));
  return spec;
}

/** Province → commune after the 2025 reform, plus the house number / street / hamlet. */
export const address = (label: [string, string], o: Common = {}) =>
  field(
    'address',
    label,
    {
      type: 'object',
      properties: {
        provinceCode: { type: 'string', pattern: '^[0-9]{2}$' },
        communeCode: { type: 'string', pattern: '^[0-9]{5}$' },
        detail: str(300, 0),
      },
      required: ['provinceCode', 'communeCode', 'detail'],
      additionalProperties: false,
      vnAddress: true,
    },
    o,
  );

export function computed(label: [string, string], compute: Computation): FieldSpec {
  const spec = field('computed', label, { type: 'string', maxLength: 500 }, { required: false });
  spec.ui.compute = compute;
  return spec;
}

/** The signature/commitment line: must be ticked to file. */
export const commitment = (label: [string, string]) =>
  field('commitment', label, { type: 'boolean', const: true }, { required: true });

/** A repeatable group (children, household members, co-owners): an array of objects. */
export function group(
  label: [string, string],
  items: Record<string, FieldSpec>,
  o: Common & { min?: number; max?: number } = {},
): FieldSpec {
  const spec = field(
    'group',
    label,
    {
      type: 'array',
      minItems: o.min ?? (o.required === false ? 0 : 1),
      maxItems: o.max ?? 50,
      items: {
        type: 'object',
        properties: Object.fromEntries(Object.entries(items).map(([k, f]) => [k, f.schema])),
        required: Object.entries(items)
          .filter(([, f]) => f.required)
          .map(([k]) => k),
        additionalProperties: false,
      },
    },
    o,
  );
  spec.ui.items = Object.fromEntries(Object.entries(items).map(([k, f]) => [k, f.ui]));
  spec.ui.itemOrder = Object.keys(items);
  return spec;
}

export interface SectionSpec {
  key: string;
  title: [string, string];
  fields: Record<string, FieldSpec>;
  /** Shown and required only while this field has this value ("if the father is known…"). */
  when?: { field: string; equals: unknown };
}

export const section = (
  key: string,
  title: [string, string],
  fields: Record<string, FieldSpec>,
  when?: SectionSpec['when'],
): SectionSpec => (when ? { key, title, fields, when } : { key, title, fields });

type FormMeta = Omit<EformDefinition, 'schema' | 'ui'>;

export function defineForm(meta: FormMeta, sections: SectionSpec[]): EformDefinition {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const conditions: JsonSchema[] = [];
  const fields: Record<string, FieldUi> = {};
  const layout: SectionUi[] = [];
  for (const s of sections) {
    const conditional: string[] = [];
    for (const [key, f] of Object.entries(s.fields)) {
      if (key in properties) throw new Error(`field ${key} defined twice in ${meta.key}`);
      properties[key] = f.schema;
      fields[key] = f.ui;
      if (f.required && f.ui.widget !== 'computed') (s.when ? conditional : required).push(key);
    }
    if (s.when && conditional.length > 0) {
      conditions.push({
        if: { properties: { [s.when.field]: { const: s.when.equals } }, required: [s.when.field] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a promise
        then: { required: conditional },
      });
    }
    const ui: SectionUi = { key: s.key, title: t(...s.title), fields: Object.keys(s.fields) };
    if (s.when) ui.visibleWhen = s.when;
    layout.push(ui);
  }
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
  if (conditions.length > 0) schema.allOf = conditions;
  return { ...meta, schema, ui: { sections: layout, fields } };
}
