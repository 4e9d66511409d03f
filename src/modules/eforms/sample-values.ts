/**
 * A valid value for every field of a form, from each field's widget and schema: what tests file
 * when they need a complete tờ khai (the library's table tests, and test/fixtures/eforms.ts for the
 * API and browser tests whose online filings must carry the form).
 */
import type { EformDefinition, FieldUi, JsonSchema } from './eform.types.js';

export const SAMPLE_ADDRESS = { provinceCode: '91', communeCode: '30307', detail: 'Số 1 Tôn Đức Thắng' };

/** A valid value for a field, from its widget and schema. */
export function sampleValue(ui: FieldUi, schema: JsonSchema): unknown {
  switch (ui.widget) {
    case 'date':
      return '15/03/1990';
    case 'year':
      return 1990;
    case 'number':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'personalId':
      return '089095000123';
    case 'taxCode':
      return '0100109106';
    case 'choice':
      return (schema.enum as string[])[0];
    case 'address':
      return SAMPLE_ADDRESS;
    case 'checkbox':
      return false;
    case 'commitment':
      return true;
    case 'group': {
      const items = (schema.items as { properties: Record<string, JsonSchema> }).properties;
      return [Object.fromEntries((ui.itemOrder ?? []).map((k) => [k, sampleValue(ui.items![k]!, items[k]!)]))];
    }
    default:
      if (Array.isArray(schema.examples)) return schema.examples[0];
      if (schema.format === 'email') return 'an.nguyen@example.vn';
      return 'Nguyễn Văn An';
  }
}

/** A complete form: every field but the computed ones. */
export function sampleValuesOf(def: Pick<EformDefinition, 'schema' | 'ui'>): Record<string, unknown> {
  const props = def.schema.properties as Record<string, JsonSchema>;
  const values: Record<string, unknown> = {};
  for (const [key, ui] of Object.entries(def.ui.fields))
    if (ui.widget !== 'computed') values[key] = sampleValue(ui, props[key]!);
  return values;
}

/** A GET on the API as the filer: the status and the parsed body. */
export type ApiGet = (path: string) => Promise<{ status: number; body: unknown }>;

/**
 * `{ values }` for POST /api/dossiers' `eform` (a procedure with a form requires it online): the
 * filer's own prefill over a sample of every field; undefined when the procedure has no form.
 */
export async function sampleEform(
  get: ApiGet,
  procedureId: string,
): Promise<{ values: Record<string, unknown> } | undefined> {
  const form = await get(`/api/procedures/${procedureId}/eform`);
  if (form.status === 404) return undefined;
  const values = sampleValuesOf(form.body as Pick<EformDefinition, 'schema' | 'ui'>);
  const prefill = await get(`/api/procedures/${procedureId}/eform/prefill`);
  if (prefill.status === 200)
    for (const [key, v] of Object.entries((prefill.body as { values: Record<string, { value: unknown }> }).values))
      values[key] = v.value;
  return { values };
}
