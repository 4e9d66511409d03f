/**
 * What the VNeID-style provider (and its simulator) says about a person, and how MotCua reads it.
 *
 * Public material found (DOMAIN.md §"Electronic identification"; Decree 69/2024/NĐ-CP): VNeID
 * accounts are level 1 (created in the app from the identity card) or level 2 (verified in person,
 * chip card), and the login name is the 12-digit personal identifier. No public specification of
 * VNeID's OpenID Connect claim names was found, so the shape below is an ASSUMPTION, kept to the
 * OpenID Connect Core 1.0 §5.1 standard claims wherever one fits:
 *
 * | meaning                      | claim            | shape                                        |
 * | ---------------------------- | ---------------- | -------------------------------------------- |
 * | số định danh cá nhân         | `so_dinh_danh`   | 12 digits (custom; OIDC_PERSONAL_ID_CLAIM)  |
 * | họ và tên                    | `name`           | standard                                     |
 * | ngày sinh                    | `birthdate`      | standard, YYYY-MM-DD                         |
 * | giới tính                    | `gender`         | standard, `male` / `female`                  |
 * | nơi thường trú               | `address`        | standard: formatted, street_address, locality, region, country |
 * | số điện thoại                | `phone_number`   | standard                                     |
 * | mức độ định danh             | `acr`            | `urn:vneid:loa:1` / `urn:vneid:loa:2` (OIDC_LEVEL2_ACR) |
 */
import { z } from 'zod';
import { checkPersonalId } from '../identifiers/personal-id.rules.js';

export const VNEID_ACR = { level1: 'urn:vneid:loa:1', level2: 'urn:vneid:loa:2' } as const;
export const VNEID_SCOPES = ['openid', 'profile', 'address', 'phone', 'vneid'] as const;

export type IdentityLevel = 1 | 2;

/** The person as the provider described them, in MotCua's words (source: identity provider). */
export interface IdentityProfile {
  personalId: string;
  fullName: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  permanentAddress: string | null;
  phone: string | null;
}

const Address = z.union([
  z.string(),
  z.object({
    formatted: z.string().optional(),
    street_address: z.string().optional(),
    locality: z.string().optional(),
    region: z.string().optional(),
  }),
]);

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : null;
}

function addressText(value: unknown): string | null {
  const parsed = Address.safeParse(value);
  if (!parsed.success) return null;
  if (typeof parsed.data === 'string') return text(parsed.data);
  const a = parsed.data;
  return text(a.formatted) ?? text([a.street_address, a.locality, a.region].filter(Boolean).join(', '));
}

export type ClaimsReading =
  | { ok: true; profile: IdentityProfile; level: IdentityLevel }
  | { ok: false; reason: 'personalIdMissing' };

/**
 * Reads validated claims (ID token merged with userinfo). No personal identifier that is a valid
 * 12-digit number → refused: accounts are linked by it and by nothing else (never name or e-mail).
 */
export function readClaims(
  claims: Record<string, unknown>,
  settings: { personalIdClaim: string; level2Acr: readonly string[] },
): ClaimsReading {
  const personalId = text(claims[settings.personalIdClaim]);
  if (!personalId || !checkPersonalId(personalId).ok) return { ok: false, reason: 'personalIdMissing' };
  const birthDate = text(claims.birthdate);
  const gender = claims.gender;
  return {
    ok: true,
    level: typeof claims.acr === 'string' && settings.level2Acr.includes(claims.acr) ? 2 : 1,
    profile: {
      personalId,
      fullName: text(claims.name),
      birthDate: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
      sex: gender === 'male' || gender === 'female' ? gender : null,
      permanentAddress: addressText(claims.address),
      phone: text(claims.phone_number),
    },
  };
}
