/**
 * Whether a form definition an administrator wrote (JSON Schema 2020-12 + UI layout) is one the
 * system can render, validate, prefill, print and count: checked on the server before a draft is
 * saved or published, and in the editor's live preview (browser-safe: the schema compiler is
 * passed in — the server's ajv with MotCua's formats, validation.rules.ts `schemaProblems`).
 * Each problem has a stable code, a path into the definition and a Vietnamese message.
 */
import { type EformDefinition, FACTS, type FieldUi, WIDGETS } from './eform.types.js';

export const DEFINITION_PROBLEMS = [
  'SHAPE', // a required part is missing or of the wrong type
  'KEY', // the form's key is not a slug
  'CITATION', // no legal text cited (legalSource)
  'SCHEMA_COMPILE', // ajv 2020 refuses the schema
  'SCHEMA_NOT_OBJECT', // the root must be an object schema with properties
  'LAYOUT_UNKNOWN_FIELD', // a section lists a field the UI does not define
  'LAYOUT_DUPLICATE_FIELD', // a field is listed in two places
  'LAYOUT_UNPLACED_FIELD', // a UI field is in no section
  'SECTION_KEY', // a section key is missing or repeated
  'UI_WITHOUT_SCHEMA', // a UI field has no schema property
  'SCHEMA_WITHOUT_UI', // a schema property has no UI field
  'REQUIRED_UNKNOWN', // `required` names a field the schema does not have
  'WIDGET', // unknown widget
  'LABEL', // a field or section lacks its Vietnamese label
  'CHOICE_OPTIONS', // a choice's options do not match the schema's enum
  'GROUP_ITEMS', // a repeatable group's sub-fields do not match its item schema
  'COMPUTE', // a computed field lacks its formula or reads an unknown field
  'PREFILL_FACT', // prefill from a fact the system does not know
  'VISIBLE_WHEN', // a section's condition reads an unknown field or one of its own
  'COMMITMENT', // no commitment line (lời cam đoan) or signer
] as const;
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEMS)[number];

export interface DefinitionProblem {
  code: DefinitionProblemCode;
  /** Where in the definition: `ui.sections.2.fields.0`, `schema.properties.fullName`. */
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const FORM_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FACT_SET = new Set<string>(FACTS);
const WIDGET_SET = new Set<string>(WIDGETS);

/** Every problem of `input` as a form definition; none means it may be saved and published. */
export function definitionProblems(input: unknown, schemaProblems: (schema: Record<string, unknown>) => string[]) {
  const out: DefinitionProblem[] = [];
  const add = (code: DefinitionProblemCode, path: string, message: string) => out.push({ code, path, message });
  if (!isObject(input)) {
    add('SHAPE', '', 'Định nghĩa tờ khai phải là một đối tượng JSON.');
    return out;
  }
  const d = input as Partial<Record<keyof EformDefinition, unknown>>;
  if (!isText(d.key)) add('SHAPE', 'key', 'Thiếu mã tờ khai (key).');
  else if (!FORM_KEY.test(d.key) || d.key.length > 60)
    add('KEY', 'key', 'Mã tờ khai chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 60 ký tự).');
  if (!isText(d.title)) add('SHAPE', 'title', 'Thiếu tên tờ khai (title).');
  if (!isText(d.legalSource))
    add('CITATION', 'legalSource', 'Cần trích dẫn văn bản pháp luật quy định mẫu tờ khai (mẫu số, văn bản).');
  if (!isText(d.commitment)) add('COMMITMENT', 'commitment', 'Thiếu lời cam đoan của người khai.');
  if (!isText(d.signer)) add('COMMITMENT', 'signer', 'Thiếu người ký (ví dụ "Người yêu cầu").');
  if (typeof d.addressee !== 'boolean') add('SHAPE', 'addressee', 'addressee phải là true hoặc false.');
  if (!Array.isArray(d.procedureCodes) || !d.procedureCodes.every((c) => typeof c === 'string'))
    add('SHAPE', 'procedureCodes', 'procedureCodes phải là danh sách mã thủ tục.');
  if (!isObject(d.schema)) {
    add('SHAPE', 'schema', 'Thiếu JSON Schema của tờ khai (schema).');
    return out;
  }
  if (!isObject(d.ui) || !Array.isArray(d.ui.sections) || !isObject(d.ui.fields)) {
    add('SHAPE', 'ui', 'Thiếu bố cục tờ khai (ui.sections, ui.fields).');
    return out;
  }
  for (const message of schemaProblems(d.schema))
    add('SCHEMA_COMPILE', 'schema', `JSON Schema (2020-12) không hợp lệ: ${message}`);
  const properties = d.schema.properties;
  if (d.schema.type !== 'object' || !isObject(properties)) {
    add('SCHEMA_NOT_OBJECT', 'schema', 'Gốc của schema phải là "type": "object" với "properties".');
    return out;
  }
  const fields = d.ui.fields as Record<string, unknown>;
  checkLayout(d.ui.sections as unknown[], fields, add);
  for (const key of Object.keys(fields))
    if (!(key in properties)) add('UI_WITHOUT_SCHEMA', `ui.fields.${key}`, `Trường "${key}" không có trong schema.`);
  for (const key of Object.keys(properties))
    if (!(key in fields))
      add('SCHEMA_WITHOUT_UI', `schema.properties.${key}`, `Trường "${key}" chưa có bố cục (ui.fields).`);
  const required = [
    ...(Array.isArray(d.schema.required) ? d.schema.required : []),
    ...(Array.isArray(d.schema.allOf)
      ? d.schema.allOf.flatMap((c) =>
          isObject(c) && isObject(c.then) && Array.isArray(c.then.required) ? c.then.required : [],
        )
      : []),
  ];
  for (const key of required)
    if (typeof key !== 'string' || !(key in properties))
      add('REQUIRED_UNKNOWN', 'schema.required', `Trường bắt buộc "${String(key)}" không có trong schema.`);
  for (const [key, ui] of Object.entries(fields)) {
    const schema = properties[key];
    if (isObject(ui) && isObject(schema)) checkField(`ui.fields.${key}`, ui, schema, Object.keys(properties), add);
  }
  return out;
}

type Add = (code: DefinitionProblemCode, path: string, message: string) => void;

function checkLayout(sections: unknown[], fields: Record<string, unknown>, add: Add) {
  const placed = new Map<string, number>();
  const sectionKeys = new Set<string>();
  sections.forEach((s, i) => {
    const path = `ui.sections.${i}`;
    if (!isObject(s) || !Array.isArray(s.fields)) {
      add('SHAPE', path, 'Mỗi phần của tờ khai cần key, title và danh sách fields.');
      return;
    }
    if (!isText(s.key) || sectionKeys.has(s.key)) add('SECTION_KEY', `${path}.key`, 'Mã phần bị thiếu hoặc trùng.');
    else sectionKeys.add(s.key);
    if (!isObject(s.title) || !isText(s.title.vi))
      add('LABEL', `${path}.title`, 'Phần của tờ khai thiếu tiêu đề tiếng Việt.');
    s.fields.forEach((f, j) => {
      if (typeof f !== 'string' || !(f in fields)) {
        add(
          'LAYOUT_UNKNOWN_FIELD',
          `${path}.fields.${j}`,
          `Phần "${String(s.key)}" nhắc tới trường "${String(f)}" chưa được định nghĩa.`,
        );
        return;
      }
      if (placed.has(f))
        add('LAYOUT_DUPLICATE_FIELD', `${path}.fields.${j}`, `Trường "${f}" xuất hiện nhiều lần trong bố cục.`);
      placed.set(f, i);
    });
  });
  for (const key of Object.keys(fields))
    if (!placed.has(key))
      add('LAYOUT_UNPLACED_FIELD', `ui.fields.${key}`, `Trường "${key}" không thuộc phần nào của tờ khai.`);
  sections.forEach((s, i) => {
    if (!isObject(s) || s.visibleWhen === undefined) return;
    const when = s.visibleWhen;
    const own = Array.isArray(s.fields) ? s.fields : [];
    if (!isObject(when) || typeof when.field !== 'string' || !(when.field in fields) || own.includes(when.field))
      add(
        'VISIBLE_WHEN',
        `ui.sections.${i}.visibleWhen`,
        'Điều kiện hiển thị phải dựa trên một trường có thật của phần khác.',
      );
  });
}

function checkField(
  path: string,
  ui: Record<string, unknown>,
  schema: Record<string, unknown>,
  keys: string[],
  add: Add,
) {
  if (typeof ui.widget !== 'string' || !WIDGET_SET.has(ui.widget)) {
    add('WIDGET', `${path}.widget`, `Kiểu hiển thị "${String(ui.widget)}" không được hỗ trợ.`);
    return;
  }
  const f = ui as unknown as FieldUi;
  if (!isObject(f.label) || !isText(f.label.vi)) add('LABEL', `${path}.label`, 'Trường thiếu nhãn tiếng Việt.');
  if (f.widget === 'choice') {
    const values = Array.isArray(f.options) ? f.options.map((o) => o?.value) : [];
    const allowed = Array.isArray(schema.enum) ? schema.enum : [];
    const same = values.length > 0 && values.length === allowed.length && values.every((v) => allowed.includes(v));
    if (!same) add('CHOICE_OPTIONS', `${path}.options`, 'Các lựa chọn phải trùng với "enum" của trường trong schema.');
  }
  if (f.widget === 'group') {
    const items =
      isObject(schema.items) && isObject(schema.items.properties) ? Object.keys(schema.items.properties) : null;
    const order = Array.isArray(f.itemOrder) ? f.itemOrder : [];
    const ok =
      schema.type === 'array' &&
      items !== null &&
      isObject(f.items) &&
      order.length === items.length &&
      order.every((k) => items.includes(k) && isObject(f.items?.[k]));
    if (!ok)
      add(
        'GROUP_ITEMS',
        `${path}.items`,
        'Nhóm lặp lại cần "type": "array" và các trường con khớp với items.properties.',
      );
  }
  if (f.widget === 'computed' && (!isObject(f.compute) || !keys.includes(String(f.compute.from))))
    add('COMPUTE', `${path}.compute`, 'Trường tự tính cần công thức đọc từ một trường có thật.');
  (Array.isArray(f.prefill) ? f.prefill : []).forEach((rule, i) => {
    if (!isObject(rule) || !FACT_SET.has(String(rule.fact)) || (rule.when && !FACT_SET.has(String(rule.when.fact))))
      add('PREFILL_FACT', `${path}.prefill.${i}`, 'Điền sẵn từ một nguồn dữ liệu hệ thống không có.');
  });
}
