import { describe, expect, it } from 'vitest';
import { hashPassword, isAcceptablePassword, verifyPassword } from './password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Mật-khẩu-2026', 10);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Mật-khẩu-2026', stored)).toBe(true);
    expect(await verifyPassword('Mật-khẩu-2025', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password-1', 10)).not.toBe(await hashPassword('same-password-1', 10));
  });

  it('treats composed and decomposed Vietnamese letters as the same password', async () => {
    const composed = 'Hà Nội 2026'.normalize('NFC');
    const stored = await hashPassword(composed, 10);
    expect(await verifyPassword(composed.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});

describe('isAcceptablePassword', () => {
  it.each([
    ['short1', 'alice', false],
    ['longenoughbutnodigits', 'alice', false],
    ['1234567890123', 'alice', false],
    ['alice-2026-secret', 'alice', false],
    ['Đồng-Tháp-2026', 'alice', true],
    ['correct horse 42', 'alice', true],
  ])('%s for %s → %s', (password, username, expected) => {
    expect(isAcceptablePassword(password, username)).toBe(expected);
  });
});
