/**
 * Validating a form's values against its JSON Schema (draft 2020-12) with ajv — the same schema
 * the portal validates with as the person types. MotCua's own formats: `vn-date` (dd/mm/yyyy, a
 * real calendar date), `personal-id` (số định danh cá nhân, the identifiers module's hard rule),
 * `tax-code` (mã số thuế with its check digit, Circular 86/2024/TT-BTC via the identifiers module),
 * and the keyword `vnAddress` (the commune exists after the 2025 reform and lies in the province).
 * Every error names the field path (`children.0.fullName`) and says what is wrong in Vietnamese.
 * Browser-safe: the address check is passed in (the server's reads the address package; the
 * portal's the communes it fetched), so the portal validates with this very code.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkPersonalId } from '../identifiers/personal-id.rules.js';
import { checkTaxCode } from '../identifiers/tax-code.rules.js';
import type { EformDefinition, JsonSchema } from './eform.types.js';

export interface FieldError {
  /** Dotted path of the field: `motherFullName`, `children.0.birthDate`. */
  path: string;
  message: string;
}

/** dd/mm/yyyy → YYYY-MM-DD, or null when it is not a real date. */
export function isoFromVnDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  const iso = `${yyyy}-${mm}-${dd}`;
  return date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export const vnDateFromIso = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Whether a commune (by code) lies in a province; the portal may answer true for a province it has not loaded. */
export type CommuneCheck = (provinceCode: string, communeCode: string) => boolean;

function buildAjv(communeInProvince: CommuneCheck) {
  const ajv = new Ajv2020.default({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
  });
  addFormats.default(ajv);
  ajv.addFormat('vn-date', { type: 'string', validate: (s: string) => isoFromVnDate(s) !== null });
  ajv.addFormat('personal-id', { type: 'string', validate: (s: string) => checkPersonalId(s).ok });
  ajv.addFormat('tax-code', { type: 'string', validate: (s: string) => checkTaxCode(s).ok });
  ajv.addKeyword({
    keyword: 'vnAddress',
    type: 'object',
    schemaType: 'boolean',
    errors: false,
    validate: (on: boolean, data: { provinceCode?: unknown; communeCode?: unknown }) =>
      !on ||
      typeof data.provinceCode !== 'string' ||
      typeof data.communeCode !== 'string' ||
      communeInProvince(data.provinceCode, data.communeCode),
  });
  // UI hints that may sit in a schema (ignored by validation).
  ajv.addVocabulary(['x-widget']);
  return ajv;
}

const FORMAT_MESSAGES: Record<string, string> = {
  'vn-date': 'Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm, ví dụ 05/09/2025).',
  'personal-id': 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
  'tax-code': 'Mã số thuế không hợp lệ (10 chữ số đúng số kiểm tra, hoặc 10 số-3 số, hoặc 12 số định danh).',
  email: 'Thư điện tử không hợp lệ.',
};

function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'Trường bắt buộc, chưa nhập.';
    case 'format':
      return FORMAT_MESSAGES[String(p.format)] ?? 'Giá trị không đúng định dạng.';
    case 'enum':
      return 'Giá trị không nằm trong danh sách được chọn.';
    case 'const':
      return e.parentSchema && (e.parentSchema as JsonSchema).type === 'boolean'
        ? 'Cần xác nhận lời cam đoan.'
        : 'Giá trị không đúng.';
    case 'minLength':
      return Number(p.limit) <= 1 ? 'Trường bắt buộc, chưa nhập.' : `Cần ít nhất ${String(p.limit)} ký tự.`;
    case 'maxLength':
      return `Không quá ${String(p.limit)} ký tự.`;
    case 'pattern':
      return 'Giá trị không đúng định dạng.';
    case 'minimum':
      return `Giá trị phải từ ${String(p.limit)} trở lên.`;
    case 'maximum':
      return `Giá trị không được lớn hơn ${String(p.limit)}.`;
    case 'minItems':
      return `Cần ít nhất ${String(p.limit)} dòng.`;
    case 'maxItems':
      return `Không quá ${String(p.limit)} dòng.`;
    case 'type':
      return 'Kiểu giá trị không đúng.';
    case 'additionalProperties':
      return 'Trường không thuộc tờ khai.';
    case 'vnAddress':
      return 'Xã/phường không thuộc tỉnh/thành phố đã chọn (theo danh mục sau sắp xếp năm 2025).';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

function pathOf(e: ErrorObject): string {
  const segments = e.instancePath.split('/').filter(Boolean);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') segments.push(String(p.missingProperty));
  if (e.keyword === 'additionalProperties') segments.push(String(p.additionalProperty));
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

export interface EformValidator {
  /** The errors of `values` against the form's schema, one per field path (the first found). */
  validate(definition: Pick<EformDefinition, 'schema'>, values: unknown): FieldError[];
  /** Why a schema is not a valid 2020-12 schema with MotCua's formats (for the admin editor). */
  schemaProblems(schema: JsonSchema): string[];
}

export function makeValidator(communeInProvince: CommuneCheck): EformValidator {
  const ajv = buildAjv(communeInProvince);
  const compiled = new WeakMap<JsonSchema, ValidateFunction>();
  const validatorOf = (schema: JsonSchema) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    return validate;
  };
  return {
    validate(definition, values) {
      const validate = validatorOf(definition.schema);
      if (validate(values)) return [];
      const errors = new Map<string, string>();
      for (const e of validate.errors ?? []) {
        // if/then reports its own "must match then" besides the real error under it.
        if (e.keyword === 'if') continue;
        const path = pathOf(e);
        if (!errors.has(path)) errors.set(path, messageOf(e));
      }
      return [...errors].map(([path, message]) => ({ path, message }));
    },
    schemaProblems(schema) {
      try {
        ajv.compile(structuredClone(schema));
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    },
  };
}
