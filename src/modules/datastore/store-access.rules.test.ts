import { describe, expect, it } from 'vitest';
import { consentCodeAccepts, exceedsBulkLimit, readIsUsable, receivesForProcedure } from './store-access.rules.js';

const now = new Date('2026-11-23T02:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('readIsUsable', () => {
  it.each([
    { name: 'its officer, before expiry', officer: 'a', expiresAt: minutes(5), expected: true },
    { name: 'another officer', officer: 'b', expiresAt: minutes(5), expected: false },
    { name: 'at expiry', officer: 'a', expiresAt: now, expected: false },
    { name: 'after expiry', officer: 'a', expiresAt: minutes(-1), expected: false },
  ])('$name → $expected', ({ officer, expiresAt, expected }) => {
    expect(readIsUsable({ officerId: 'a', expiresAt }, officer, now)).toBe(expected);
  });
});

describe('exceedsBulkLimit', () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `0890950${String(i).padStart(5, '0')}`);
  it.each([
    { name: 'no read yet', recent: [], key: 'x', expected: false },
    { name: 'under the limit', recent: keys(2), key: 'x', expected: false },
    { name: 'the same applicant again, counted once', recent: ['x', 'x', 'x'], key: 'x', expected: false },
    { name: 'at the limit, a new applicant', recent: keys(3), key: 'x', expected: true },
    { name: 'at the limit, an applicant already read', recent: keys(3), key: keys(3)[1]!, expected: false },
  ])('$name → $expected', ({ recent, key, expected }) => {
    expect(exceedsBulkLimit(recent, key, 3)).toBe(expected);
  });
});

describe('consentCodeAccepts', () => {
  const code = { applicantKey: '089095000123', expiresAt: minutes(10), usedAt: null };
  it.each([
    { name: 'its applicant, unused, in time', code, key: '089095000123', expected: true },
    { name: 'another applicant', code, key: '089090000777', expected: false },
    { name: 'already used', code: { ...code, usedAt: minutes(-1) }, key: '089095000123', expected: false },
    { name: 'expired', code: { ...code, expiresAt: minutes(-1) }, key: '089095000123', expected: false },
  ])('$name → $expected', ({ code, key, expected }) => {
    expect(consentCodeAccepts(code, key, now)).toBe(expected);
  });
});

describe('receivesForProcedure', () => {
  const province = { id: 'p', kind: 'province', path: ['p'] };
  const department = { id: 'd', kind: 'department', path: ['d', 'p'] };
  const place = (id: string, kind: string, parent: string[]) => ({ id, kind, path: [id, ...parent] });
  it.each([
    { name: 'the province’s service centre', unit: place('c', 'service_centre', ['p']), expected: true },
    { name: 'a commune’s one-stop centre', unit: place('x', 'commune_centre', ['k', 'p']), expected: true },
    { name: 'the competent department itself', unit: department, expected: true },
    { name: 'a division of the competent department', unit: place('v', 'division', ['d', 'p']), expected: true },
    { name: 'the province above it', unit: province, expected: true },
    { name: 'a new division elsewhere', unit: place('n', 'division', ['p']), expected: false },
    { name: 'another department', unit: place('o', 'department', ['p']), expected: false },
  ])('$name → $expected', ({ unit, expected }) => {
    expect(receivesForProcedure(unit, [department])).toBe(expected);
  });
});
