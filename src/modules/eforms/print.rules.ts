/**
 * A filled form as the printed tờ khai shows it: sections in the legal order (hidden ones left
 * out), each value as text — dates as typed, choices by their label, addresses spelled out with
 * the commune and province, a ticked box as "Có", a repeatable group as a table.
 */
import { addressText, type FormAddress } from './address-data.js';
import type { EformDefinition, FieldUi } from './eform.types.js';
import { sectionShown } from './fields.rules.js';

export interface PrintedSection {
  title: string;
  lines: { label: string; value: string }[];
  table?: { columns: string[]; rows: string[][] };
}

export function valueText(ui: FieldUi, value: unknown): string {
  // An unticked box is a "no", not a blank left to fill.
  if (ui.widget === 'checkbox') return value === true ? 'Có' : 'Không';
  if (value === undefined || value === null || value === '') return '';
  switch (ui.widget) {
    case 'choice':
      return ui.options?.find((o) => o.value === value)?.label.vi ?? String(value);
    case 'address':
      return addressText(value as FormAddress);
    case 'commitment':
      return value === true ? 'Đã cam đoan' : '';
    default:
      return String(value);
  }
}

/** Rows a blank form leaves for a repeatable group (children, members, co-owners) to be written in by hand. */
const BLANK_GROUP_ROWS = 3;

/**
 * `blank`: the paper form to download and fill by hand — every section (conditional ones too),
 * every value left as the dotted blank, a few empty rows per table.
 */
export function printedSections(
  definition: EformDefinition,
  values: Record<string, unknown>,
  blank = false,
): PrintedSection[] {
  const out: PrintedSection[] = [];
  for (const s of definition.ui.sections) {
    if (!blank && !sectionShown(s, values)) continue;
    const section: PrintedSection = { title: s.title.vi, lines: [] };
    for (const key of s.fields) {
      const ui = definition.ui.fields[key]!;
      if (ui.widget === 'commitment') continue;
      if (ui.widget === 'group') {
        const order = ui.itemOrder ?? [];
        const rows = Array.isArray(values[key]) ? (values[key] as Record<string, unknown>[]) : [];
        section.table = {
          columns: ['STT', ...order.map((k) => ui.items![k]!.label.vi)],
          rows: blank
            ? Array.from({ length: BLANK_GROUP_ROWS }, (_, i) => [String(i + 1), ...order.map(() => '')])
            : rows.map((row, i) => [String(i + 1), ...order.map((k) => valueText(ui.items![k]!, row[k]))]),
        };
        continue;
      }
      section.lines.push({
        label: `${ui.label.vi}${ui.note ? ` ${ui.note}` : ''}`,
        value: blank ? '' : valueText(ui, values[key]),
      });
    }
    if (section.lines.length > 0 || section.table) out.push(section);
  }
  return out;
}
