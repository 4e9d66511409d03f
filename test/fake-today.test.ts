/**
 * The CI runs the time-sensitive tests (test/time-sensitive.txt) again under faketime, as if the
 * machine's date were another day. When MOTCUA_FAKE_TODAY names that instant, this checks that the
 * run really is on it: Node's Date and the embedded database's now() both read it (the faked
 * clock moves on from there while the run lasts). Without the variable there is nothing to check.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/kernel/db.js';
import { freshDatabase } from '../src/app/testing/database.js';

const faked = process.env.MOTCUA_FAKE_TODAY;
const WITHIN = 60 * 60_000; // the whole faked run takes minutes, not an hour

describe.skipIf(!faked)('the faked today', () => {
  it(`Date and PGlite's now() read ${faked}`, async () => {
    const expected = new Date(faked!).getTime();
    expect(Number.isNaN(expected)).toBe(false);
    console.log(`faked today ${faked}: Date says ${new Date().toISOString()}`);
    expect(Math.abs(Date.now() - expected)).toBeLessThan(WITHIN);
    if (process.env.TEST_DATABASE_URL) return; // PostgreSQL's clock is the server's, not faked
    const handle = await freshDatabase();
    try {
      const [row] = await queryRows<{ seconds: number }>(
        handle.db,
        sql`select extract(epoch from now())::float8 as seconds`,
      );
      expect(Math.abs(Number(row!.seconds) * 1000 - expected)).toBeLessThan(WITHIN);
    } finally {
      await handle.close();
    }
  });
});
