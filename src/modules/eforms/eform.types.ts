/**
 * An e-form (tờ khai điện tử) as data: a JSON Schema (draft 2020-12) for the values, and a UI
 * layout for people (sections in the legal order, widgets, help text in Vietnamese and English).
 * A definition is stored per procedure version (eform_definitions), so a new decision that
 * changes the procedure may bring a new form without touching dossiers filed under the old one.
 */

export interface LocalText {
  vi: string;
  en: string;
}

/**
 * How a field is shown and typed. `date` is dd/mm/yyyy; `personalId` and `taxCode` are checked by
 * the identifiers module's rules; `address` is {provinceCode, communeCode, detail} after the 2025
 * reform (two tiers); `group` is a repeatable list of sub-fields; `computed` is derived from other
 * values (never typed); `commitment` is the signature/commitment line (must be ticked).
 */
export const WIDGETS = [
  'text',
  'textarea',
  'date',
  'year',
  'number',
  'personalId',
  'taxCode',
  'choice',
  'address',
  'group',
  'checkbox',
  'computed',
  'commitment',
] as const;
export type Widget = (typeof WIDGETS)[number];

/**
 * Where a prefilled value comes from (provenance shown beside the field): the account's profile,
 * the identity provider (the claims of the citizen's last VNeID / OpenID Connect sign-in), the
 * population database (CSDLQG về dân cư, through the national-data adapter), the applicant's
 * data store (earlier results), or the applicant's previous dossier with this form.
 */
export const PREFILL_SOURCES = ['profile', 'identityProvider', 'population', 'datastore', 'previousDossier'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** The facts prefill draws from (see prefill.rules.ts: what each one is and where it comes from). */
export const FACTS = [
  'applicant.fullName',
  'applicant.personalId',
  'applicant.birthDate',
  'applicant.birthYear',
  'applicant.gender',
  'applicant.nationality',
  'applicant.residence',
  'applicant.phone',
  'applicant.email',
  'store.marriageCertificate',
  'store.birthCertificate',
] as const;
export type Fact = (typeof FACTS)[number];

/** Prefill a field from a fact, optionally only when another fact has a value (e.g. the requester is male → father). */
export interface PrefillRule {
  fact: Fact;
  when?: { fact: Fact; equals: string };
  /**
   * The field is about someone the filer usually is but need not be (the person a certificate is
   * for): prefilled, but only flagged when edited, never locked.
   */
  presumed?: true;
}

/** A computed field's formula: a small closed set, each a pure function in computed.rules.ts. */
export type Computation =
  | { kind: 'dateInWords'; from: string }
  | { kind: 'upper'; from: string }
  | { kind: 'count'; from: string }
  | { kind: 'ageOn'; from: string; on: string };

export interface FieldUi {
  widget: Widget;
  label: LocalText;
  help?: LocalText;
  /** Choices (widget `choice`): value → label; the schema's enum holds the values. */
  options?: { value: string; label: LocalText }[];
  prefill?: PrefillRule[];
  /** Also remembered from the applicant's previous dossier with this form (e.g. an occupation). */
  remember?: boolean;
  compute?: Computation;
  /** A component of the procedure this field asks for when filled (e.g. "Giấy chứng sinh"). */
  attachment?: { componentName: string; note?: LocalText };
  /** Sub-fields of a repeatable group (widget `group`), in order. */
  items?: Record<string, FieldUi>;
  itemOrder?: string[];
  /** Legal footnote number of the paper form, e.g. "(1)". */
  note?: string;
}

/** A section of the form, in the legal order; shown only while `visibleWhen` holds. */
export interface SectionUi {
  key: string;
  title: LocalText;
  fields: string[];
  visibleWhen?: { field: string; equals: unknown };
}

/** A JSON Schema object (2020-12). Kept loose: ajv checks the schema itself when compiling. */
export type JsonSchema = Record<string, unknown>;

export interface EformDefinition {
  /** Stable key of the form, e.g. `khai-sinh`. */
  key: string;
  /** National codes (mã TTHC) of the procedures that use this form. */
  procedureCodes: string[];
  /** The form's legal title, e.g. "Tờ khai đăng ký khai sinh". */
  title: string;
  /** The legal text prescribing the form (mẫu số, văn bản). */
  legalSource: string;
  /** "Kính gửi" line: filled with the competent unit's name when the form has one. */
  addressee: boolean;
  schema: JsonSchema;
  ui: { sections: SectionUi[]; fields: Record<string, FieldUi> };
  /** The commitment (lời cam đoan) printed above the signature. */
  commitment: string;
  /** Who signs, e.g. "Người yêu cầu". */
  signer: string;
}

/** One value of a filled form with where it came from (`typed` when the person entered it). */
export interface SourcedValue {
  value: unknown;
  source: PrefillSource | 'typed' | 'computed';
}
