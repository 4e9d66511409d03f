/**
 * One-time codes for anonymous submitters: the contact's normal form (so +84 91… and 091… are the
 * same phone, and e-mail case does not matter) and the code's shape and limits.
 */
import { randomInt } from 'node:crypto';
import { sha256Hex } from '../identity/secrets.js';

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
/** A confirmed contact may submit and vote for this long. */
export const CONTACT_TOKEN_TTL_MINUTES = 120;
/** Each code is an SMS or e-mail someone pays for and receives: at most this many per contact per hour… */
export const CODES_PER_CONTACT_PER_HOUR = 5;
/** …and per client address per hour (per API process, see src/kernel/rate-limit.ts). */
export const CODES_PER_CLIENT_PER_HOUR = 30;

export type Contact = { medium: 'sms'; value: string } | { medium: 'email'; value: string };

export function normalizeContact(input: { phone?: string | undefined; email?: string | undefined }): Contact | null {
  if (!!input.phone === !!input.email) return null;
  if (input.email) return { medium: 'email', value: input.email.trim().toLowerCase() };
  const digits = input.phone!.replace(/[\s.()-]/g, '');
  const local = digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
  return /^0\d{9}$/.test(local) ? { medium: 'sms', value: local } : null;
}

/** The key a contact is known by (voter key, submitter key): its hash, never the contact. */
export function contactKey(contact: Contact): string {
  return sha256Hex(`${contact.medium}:${contact.value}`);
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
