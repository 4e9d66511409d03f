/**
 * Prefill with provenance. The server gathers facts about the applicant — from the account
 * profile, the population database (CSDLQG về dân cư via the national-data adapter), the data
 * store (kho dữ liệu: earlier results) — and the form's rules map facts to fields; fields marked
 * `remember` also take the applicant's previous dossier with this form. A population value that
 * is the applicant's own (an unconditional rule) is locked: at intake the server recomputes it and
 * refuses a different value (the FormSG lesson: never trust prefill coming back from the browser).
 * A conditional one (the requester's data as the father's, when the requester is a man) is only
 * flagged: edited, it counts as typed.
 */
import type { CongDan } from '../national-data/ndxp-protocol.js';
import { currentCommune, type FormAddress } from './address-data.js';
import type { EformDefinition, Fact, PrefillSource, SourcedValue } from './eform.types.js';
import { canonical, lockedFields } from './fields.rules.js';
import type { FieldError } from './validation.rules.js';
import { vnDateFromIso } from './validation.rules.js';

export type Facts = Partial<Record<Fact, { value: unknown; source: PrefillSource }>>;

/** What the population database says of a citizen, as facts (dates dd/mm/yyyy, address after the reform). */
export function populationFacts(record: CongDan): Facts {
  const iso = `${record.ngaySinh.slice(0, 4)}-${record.ngaySinh.slice(4, 6)}-${record.ngaySinh.slice(6, 8)}`;
  const facts: Facts = {
    'applicant.fullName': { value: record.hoVaTen, source: 'population' },
    'applicant.personalId': { value: record.soDinhDanh, source: 'population' },
    'applicant.birthDate': { value: vnDateFromIso(iso), source: 'population' },
    'applicant.birthYear': { value: Number(iso.slice(0, 4)), source: 'population' },
    'applicant.gender': { value: record.gioiTinh === '1' ? 'male' : 'female', source: 'population' },
    // The population database holds Vietnamese citizens (Law on Identification 2023, art. 9).
    'applicant.nationality': { value: 'Việt Nam', source: 'population' },
  };
  const commune = currentCommune(record.noiThuongTru.maXa);
  if (commune) {
    const residence: FormAddress = { ...commune, detail: record.noiThuongTru.chiTiet };
    facts['applicant.residence'] = { value: residence, source: 'population' };
  }
  return facts;
}

/** What the identity provider said of a person (the claims of their last sign-in, see oidc/profile.query.ts). */
export interface IdentityClaims {
  personalId: string;
  fullName: string | null;
  /** YYYY-MM-DD (OpenID Connect `birthdate`). */
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  phone: string | null;
}

/**
 * The identity provider's claims as facts (source "identity provider"). The permanent address
 * comes as free text (OIDC `address.formatted`), not as a commune code, so it fills no address
 * field; a phone in international form (+84…) is written the domestic way forms use (0…).
 */
export function identityFacts(claims: IdentityClaims): Facts {
  const facts: Facts = { 'applicant.personalId': { value: claims.personalId, source: 'identityProvider' } };
  if (claims.fullName) facts['applicant.fullName'] = { value: claims.fullName, source: 'identityProvider' };
  if (claims.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthDate)) {
    facts['applicant.birthDate'] = { value: vnDateFromIso(claims.birthDate), source: 'identityProvider' };
    facts['applicant.birthYear'] = { value: Number(claims.birthDate.slice(0, 4)), source: 'identityProvider' };
  }
  if (claims.sex) facts['applicant.gender'] = { value: claims.sex, source: 'identityProvider' };
  if (claims.phone) {
    const phone = claims.phone.replace(/\s+/g, '').replace(/^\+84(?=[1-9])/, '0');
    facts['applicant.phone'] = { value: phone, source: 'identityProvider' };
  }
  return facts;
}

/** The prefilled values of a form: fact rules first, then remembered values of the previous dossier. */
export function prefillValues(
  definition: EformDefinition,
  facts: Facts,
  previous: Record<string, unknown> | null,
): Record<string, SourcedValue> {
  const out: Record<string, SourcedValue> = {};
  for (const [key, ui] of Object.entries(definition.ui.fields)) {
    for (const rule of ui.prefill ?? []) {
      const fact = facts[rule.fact];
      if (!fact) continue;
      if (rule.when && facts[rule.when.fact]?.value !== rule.when.equals) continue;
      out[key] = { value: fact.value, source: fact.source };
      break;
    }
    if (!out[key] && ui.remember && previous && previous[key] !== undefined) {
      out[key] = { value: previous[key], source: 'previousDossier' };
    }
  }
  return out;
}

/** Locked population fields filed with another value than the database's (recomputed by the server). */
export function tamperedFields(
  definition: EformDefinition,
  values: Record<string, unknown>,
  serverPrefill: Record<string, SourcedValue>,
): FieldError[] {
  return lockedFields(definition)
    .filter((key) => serverPrefill[key]?.source === 'population' && key in values)
    .filter((key) => canonical(values[key]) !== canonical(serverPrefill[key]!.value))
    .map((path) => ({
      path,
      message: 'Thông tin lấy từ Cơ sở dữ liệu quốc gia về dân cư không được sửa trên tờ khai.',
    }));
}

/** Where each filed value came from: the prefill it kept unchanged, else typed; computed ones as such. */
export function sourcesOf(
  definition: EformDefinition,
  values: Record<string, unknown>,
  serverPrefill: Record<string, SourcedValue>,
): Record<string, SourcedValue> {
  const out: Record<string, SourcedValue> = {};
  for (const [key, value] of Object.entries(values)) {
    const ui = definition.ui.fields[key];
    const prefilled = serverPrefill[key];
    const source: SourcedValue['source'] =
      ui?.widget === 'computed'
        ? 'computed'
        : prefilled && canonical(prefilled.value) === canonical(value)
          ? prefilled.source
          : 'typed';
    out[key] = { value, source };
  }
  return out;
}
