/**
 * What a client that does not render the schema needs (the API's `fields`), which values a filer
 * keeps (those of hidden conditional sections are dropped), and the counts behind the measured
 * cut in fields: fields in the legal form, prefilled from data, typed by the person.
 */
import type { EformDefinition, FieldUi, SourcedValue, Widget } from './eform.types.js';

export interface FlatField {
  key: string;
  label: string;
  type: Widget;
  required: boolean;
  section: string;
}

/** Every field in layout order; group sub-fields as `group.*.sub`. Required = required whenever shown. */
export function flatFields(definition: EformDefinition): FlatField[] {
  const top = new Set((definition.schema.required as string[] | undefined) ?? []);
  const conditional = new Set(
    ((definition.schema.allOf as { then: { required: string[] } }[] | undefined) ?? []).flatMap((c) => c.then.required),
  );
  const out: FlatField[] = [];
  for (const s of definition.ui.sections) {
    for (const key of s.fields) {
      const ui = definition.ui.fields[key]!;
      out.push({
        key,
        label: ui.label.vi,
        type: ui.widget,
        required: top.has(key) || conditional.has(key),
        section: s.key,
      });
      if (ui.widget === 'group') {
        const itemSchema = (definition.schema.properties as Record<string, { items: { required: string[] } }>)[key]!;
        for (const sub of ui.itemOrder ?? []) {
          const subUi = ui.items![sub]!;
          out.push({
            key: `${key}.*.${sub}`,
            label: `${ui.label.vi} — ${subUi.label.vi}`,
            type: subUi.widget,
            required: itemSchema.items.required.includes(sub),
            section: s.key,
          });
        }
      }
    }
  }
  return out;
}

/** Whether a section is shown for these values. */
export const sectionShown = (s: EformDefinition['ui']['sections'][number], values: Record<string, unknown>) =>
  !s.visibleWhen || values[s.visibleWhen.field] === s.visibleWhen.equals;

/** The values of shown sections only: what is filed, printed and counted. */
export function shownValues(definition: EformDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of definition.ui.sections) {
    if (!sectionShown(s, values)) continue;
    for (const key of s.fields) if (key in values && values[key] !== undefined) out[key] = values[key];
  }
  return out;
}

/** Top-level fields a person could be asked for (not computed): the legal form's fields. */
export const askedFields = (definition: EformDefinition): [string, FieldUi][] =>
  Object.entries(definition.ui.fields).filter(([, ui]) => ui.widget !== 'computed');

export interface FieldCounts {
  /** Fields of the legal form (not computed). */
  total: number;
  /** Filed values that came from data (prefill kept unchanged). */
  prefilled: number;
  /** Filed values the person typed. */
  typed: number;
}

export function fieldCounts(definition: EformDefinition, sourced: Record<string, SourcedValue>): FieldCounts {
  const asked = askedFields(definition);
  let prefilled = 0;
  let typed = 0;
  for (const [key] of asked) {
    const s = sourced[key]?.source;
    if (!s) continue;
    if (s === 'typed') typed++;
    else if (s !== 'computed') prefilled++;
  }
  return { total: asked.length, prefilled, typed };
}

/** Share of the legal form's fields prefilled, 0–1, rounded to 3 decimals. */
export const prefilledShare = (counts: Pick<FieldCounts, 'total' | 'prefilled'>) =>
  counts.total === 0 ? 0 : Math.round((counts.prefilled / counts.total) * 1000) / 1000;

/**
 * The procedure's component the e-form stands for (its tờ khai): the one whose template or name
 * names the form's title. Filed as an e-form, it needs no scan.
 */
export function formComponentOf<
  C extends { id?: string | undefined; name: string; formTemplate?: string | null | undefined },
>(components: readonly C[], definition: Pick<EformDefinition, 'title'>): C | undefined {
  const title = definition.title.toLocaleLowerCase('vi');
  return components.find((c) => [c.formTemplate ?? '', c.name].some((s) => s.toLocaleLowerCase('vi').includes(title)));
}

/** Fields whose population value is locked (the applicant's own data, not a presumption). */
export function lockedFields(definition: Pick<EformDefinition, 'ui'>): string[] {
  return Object.entries(definition.ui.fields)
    .filter(([, ui]) => (ui.prefill ?? []).some((r) => !r.when && !r.presumed))
    .map(([key]) => key);
}

/** JSON with sorted keys: two values equal as data compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const canonicalEqual = (a: unknown, b: unknown) => canonical(a) === canonical(b);
