/**
 * Sign-in throttling must keep guessing slow without becoming a way to lock an official out
 * (issue 15 item 16; throttle.rules.ts). The clock is pinned: Monday 23 November 2026, 09:00 in
 * Vietnam, moved by hand.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { queryRows } from '../../src/kernel/db.js';
import { loginAttemptsPruning } from '../../src/modules/identity/identity.tasks.js';
import { pruneLoginAttempts } from '../../src/modules/identity/login-attempts.service.js';

const clock = fixedClock('2026-11-23T02:00:00Z');
const tick = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const login = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in throttling', () => {
  it('a stranger’s 50 wrong tries from another address are throttled and do not stop the official', async () => {
    const office = '10.20.0.5';
    expect((await login('lanhdao', 'motcua-demo', office)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      statuses.push((await login('lanhdao', `guess-${i}`, '203.0.113.9')).statusCode);
      tick(1);
    }
    // 5 free tries, then waits of 1, 2, 4, 8, 16 s: in 50 seconds only 10 guesses were checked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const refused = await login('lanhdao', 'motcua-demo', '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('lanhdao', 'motcua-demo', office)).statusCode).toBe(200);
  });

  it('failures spread over many addresses do not lock the account either', async () => {
    for (let i = 0; i < 50; i += 1) expect((await login('kstthc', 'wrong', `198.51.100.${i}`)).statusCode).toBe(401);
    expect((await login('kstthc', 'motcua-demo', '10.20.0.6')).statusCode).toBe(200);
  });

  it('a colleague’s typos behind the office’s one address do not stop the others who work there', async () => {
    const nat = '10.20.0.1';
    expect((await login('tiepnhan', 'motcua-demo', nat)).statusCode).toBe(200);
    for (let i = 0; i < 40; i += 1) await login(`nhap-nham-${i}`, 'wrong', nat);
    expect((await login('tiepnhan', 'motcua-demo', nat)).statusCode).toBe(200);
    // An account never seen at that address waits, as for any address spraying guesses.
    expect((await login('admin', 'motcua-demo', nat)).statusCode).toBe(429);
  });
});

describe('pruning the attempts (task identity.prune-login-attempts)', () => {
  const DAY = 86_400;
  const count = async (ip?: string) =>
    (
      await queryRows<{ n: number }>(
        t.handle.db,
        ip
          ? sql`select count(*)::int as n from login_attempts where ip = ${ip}`
          : sql`select count(*)::int as n from login_attempts`,
      )
    )[0]!.n;

  it('deletes, batch by batch, the attempts older than the 30 days of known addresses, and keeps the others', async () => {
    const before = await count();
    expect(before).toBeGreaterThan(10);
    tick(20 * DAY);
    const recent = '192.0.2.77';
    for (let i = 0; i < 3; i += 1) expect((await login('chuyenvien', 'wrong', recent)).statusCode).toBe(401);
    // 29 days after the earlier tests' attempts they are still read (known addresses); at 31 they
    // go, in batches of 7, and the recent ones (11 days old) stay.
    tick(9 * DAY);
    expect(await pruneLoginAttempts(t.handle.db, t.deps.services.auth.throttle, clock.now(), 7)).toBe(0);
    tick(2 * DAY);
    expect(await pruneLoginAttempts(t.handle.db, t.deps.services.auth.throttle, clock.now(), 7)).toBe(before);
    expect(await count()).toBe(3);
    expect(await count(recent)).toBe(3);
    // The task through its manifest entry: nothing left to delete; repeating it is harmless.
    expect(await loginAttemptsPruning.run(t.handle.db, t.deps.env, clock.now(), t.deps.services)).toEqual({
      deleted: 0,
    });
  });
});
