import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  digestDue,
  parseQuietHours,
  parseRateLimits,
  planChannels,
  releaseAt,
} from './delivery.rules.js';
import type { Channel } from './notifications.tables.js';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('planChannels', () => {
  const everything = { inapp: true, email: 'a@x.vn', phone: '0912000111' };
  const citizen = { channels: ['inapp', 'email', 'zalo'] as Channel[], legal: false };
  const legal = { channels: ['inapp', 'email', 'zalo', 'sms'] as Channel[], legal: true };
  it.each([
    ['defaults where there is an address', citizen, everything, [], ['inapp', 'email', 'zalo']],
    ['no account: no inbox', citizen, { inapp: false, email: 'a@x.vn', phone: null }, [], ['email']],
    ['opted out: kept as skipped', citizen, everything, [['email', false]], ['inapp', 'email(off)', 'zalo']],
    ['switched on beyond the defaults', citizen, everything, [['sms', true]], ['inapp', 'email', 'zalo', 'sms']],
    ['a legal notice ignores an opt-out', legal, everything, [['sms', false]], ['inapp', 'email', 'zalo', 'sms']],
    ['no phone: no Zalo, no SMS', legal, { inapp: true, email: null, phone: null }, [], ['inapp']],
  ] as const)('%s', (_name, spec, to, prefs, expected) => {
    const plans = planChannels(spec, to, new Map(prefs as unknown as [Channel, boolean][]));
    expect(plans.map((p) => (p.optedOut ? `${p.channel}(off)` : p.channel))).toEqual(expected);
  });
});

describe('releaseAt (quiet hours, Vietnam time)', () => {
  const night = parseQuietHours('21:00-07:00');
  const lunch = parseQuietHours('12:00-13:00');
  it.each([
    ['daytime: now', night, '2026-12-08T10:00:00', false, '2026-12-08T10:00:00'],
    ['evening: next morning', night, '2026-12-08T22:15:00', false, '2026-12-09T07:00:00'],
    ['after midnight: this morning', night, '2026-12-09T03:00:00', false, '2026-12-09T07:00:00'],
    ['the first quiet minute', night, '2026-12-08T21:00:00', false, '2026-12-09T07:00:00'],
    ['the end itself: now', night, '2026-12-09T07:00:00', false, '2026-12-09T07:00:00'],
    ['urgent: now', night, '2026-12-08T23:00:00', true, '2026-12-08T23:00:00'],
    ['a window within the day', lunch, '2026-12-08T12:30:00', false, '2026-12-08T13:00:00'],
    ['no quiet hours', null, '2026-12-08T23:00:00', false, '2026-12-08T23:00:00'],
  ])('%s', (_name, quiet, now, urgent, expected) => {
    expect(releaseAt(vn(now), quiet, urgent).toISOString()).toBe(vn(expected).toISOString());
  });
  it.each([
    ['', null],
    ['07:00-07:00', null],
    ['bad', null],
  ])('parses %j as none', (text, expected) => {
    expect(parseQuietHours(text)).toEqual(expected);
  });
});

describe('parseRateLimits', () => {
  const defaults = { email: 600, sms: 60, zalo: 120 };
  it.each([
    ['sms=5', { email: 600, sms: 5, zalo: 120 }],
    ['email=1,zalo=2', { email: 1, sms: 60, zalo: 2 }],
    ['', defaults],
  ])('%j', (text, expected) => expect(parseRateLimits(text, defaults)).toEqual(expected));
});

describe('afterFailure', () => {
  const now = new Date('2026-12-08T00:00:00Z');
  it.each([
    ['first failure: 30 s', 1, false, 'pending', '2026-12-08T00:00:30.000Z'],
    ['third: 2 min', 3, false, 'pending', '2026-12-08T00:02:00.000Z'],
    ['tries spent', 8, false, 'failed', null],
    ['refused for good', 1, true, 'failed', null],
  ])('%s', (_name, attempts, permanent, status, next) => {
    const r = afterFailure(now, attempts, 8, permanent);
    expect([r.status, r.nextAttemptAt?.toISOString() ?? null]).toEqual([status, next]);
  });
});

describe('digestDue', () => {
  it.each([
    ['07:29 on a working day', '2026-12-08T07:29:00', true, false],
    ['07:30 on a working day', '2026-12-08T07:30:00', true, true],
    ['afternoon', '2026-12-08T15:00:00', true, true],
    ['a day off', '2026-12-06T08:00:00', false, false],
  ])('%s', (_name, now, working, expected) => {
    expect(digestDue(vn(now), '07:30', working)).toBe(expected);
  });
});
