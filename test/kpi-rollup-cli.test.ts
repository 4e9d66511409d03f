/**
 * `npm run kpi:rollup -- rebuild | refresh` as an operator runs it: a separate process on the same
 * database (PGlite in DATA_DIR; only one process may hold it at a time, so the test closes its own
 * handle around each run). Always PGlite, with or without TEST_DATABASE_URL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../src/modules/demo/synthetic/generate.js';
import { computeIndex } from '../src/modules/kpi/kpi.service.js';
import { rangePeriod } from '../src/modules/kpi/periods.rules.js';
import { rebuildRollup } from '../src/modules/kpi/rollup.service.js';
import { type DbHandle, queryRows } from '../src/kernel/db.js';
import { openAppDatabase } from '../src/app/composition.js';
import { prepare } from '../src/app/testing/database.js';
import { testEnv } from '../src/app/testing/env.js';

const env = testEnv();
/** Three days after the generated year (2025-07-01 → 2026-06-30) ends. */
const NOW = new Date('2026-07-03T05:00:00Z');
const YEAR = rangePeriod('2025-07-01', '2026-06-30');

const dir = mkdtempSync(join(tmpdir(), 'motcua-kpi-rollup-'));
const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/app/cli/kpi-rollup.ts', ...args], {
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
  }).then(
    (ok) => ({ code: 0, out: ok.stdout, err: ok.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout,
      err: error.stderr,
    }),
  );

/** Opens the on-disk database, runs `fn`, and closes it again (the CLI needs it to itself). */
async function withDisk<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openAppDatabase({ dataDir: dir });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

let province: string;

/** The province's figures over the generated year, every indicator's numerator/denominator. */
async function figures(handle: DbHandle, source: 'raw' | 'rollup') {
  const index = await computeIndex(handle.db, env, { unitId: province, period: YEAR, source }, NOW);
  return Object.fromEntries(
    index.groups.flatMap((g) => g.indicators.map((i) => [i.key, `${i.numerator}/${i.denominator}`])),
  );
}

const count = async (handle: DbHandle, table: 'kpi_rollup_queue' | 'kpi_dossier_facts' | 'kpi_daily' | 'dossiers') =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

beforeAll(async () => {
  await withDisk(async (handle) => {
    await prepare(handle, true);
    await generateProvince(handle.db, env, { dossiers: 300, seed: 3 });
    await rebuildRollup(handle.db);
    [{ id: province }] = (await queryRows<{ id: string }>(
      handle.db,
      sql`select id from units where kind = 'province'`,
    )) as [{ id: string }];
  });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run kpi:rollup', () => {
  it('rebuild: a damaged rollup again equals the recomputation from the raw rows', async () => {
    const raw = await withDisk(async (handle) => {
      const raw = await figures(handle, 'raw');
      expect(await figures(handle, 'rollup'), 'the rollup before the damage').toEqual(raw);
      // A drift: counters lost (as after a bulk load with the triggers off) and counters wrong.
      await handle.db.execute(sql`delete from kpi_daily where day < '2026-01-01'`);
      await handle.db.execute(
        sql`update kpi_daily set received = received + 5, counted_completed = counted_completed + 2`,
      );
      expect(await figures(handle, 'rollup'), 'the damaged rollup').not.toEqual(raw);
      return raw;
    });

    const rebuilt = await cli('rebuild');
    expect(rebuilt.code).toBe(0);
    const [, facts, daily] =
      /KPI rollup rebuilt: (\d+) rows in kpi_dossier_facts, (\d+) rows in kpi_daily, in \d+\.\d s\./.exec(
        rebuilt.out,
      ) ?? [];
    expect(rebuilt.out, 'the bilingual line').toMatch(/^Đã dựng lại .* \/ KPI rollup rebuilt/);

    await withDisk(async (handle) => {
      expect(await figures(handle, 'rollup')).toEqual(raw);
      expect(Number(facts)).toBe(await count(handle, 'kpi_dossier_facts'));
      expect(Number(daily)).toBe(await count(handle, 'kpi_daily'));
      expect(Number(facts)).toBeGreaterThan(0);
      expect(Number(daily)).toBeGreaterThan(0);
    });
  }, 180_000);

  it('refresh: drains the queue and says how many dossiers it took', async () => {
    await withDisk(async (handle) => {
      await handle.db.execute(
        sql`insert into kpi_rollup_queue (dossier_id) select id from dossiers order by id limit 7`,
      );
      expect(await count(handle, 'kpi_rollup_queue')).toBe(7);
    });

    const refreshed = await cli('refresh');
    expect(refreshed.code).toBe(0);
    expect(refreshed.out).toMatch(/^Đã cập nhật .* \/ KPI rollup refreshed: 7 dossiers taken from the queue\.\n$/);

    await withDisk(async (handle) => expect(await count(handle, 'kpi_rollup_queue')).toBe(0));
  }, 180_000);

  it('a missing or unknown sub-command: usage in Vietnamese and English, exit code 2', async () => {
    for (const args of [[], ['rebuilt'], ['refresh', 'now']]) {
      const refused = await cli(...args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.out).toBe('');
      expect(refused.err).toContain('Cách dùng / usage: npm run kpi:rollup -- <rebuild|refresh>');
      expect(refused.err).toContain('recompute every KPI rollup counter');
    }
  }, 180_000);
});
