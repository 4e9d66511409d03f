/**
 * `npm run kpi:rollup -- rebuild | refresh`: the KPI rollup's repairs (docs/OPERATIONS.md, "KPI
 * rollup"), on DATABASE_URL or PGlite in DATA_DIR, after applying any pending migrations.
 * - `rebuild` recomputes every counter from the raw rows (after a bulk load with the triggers off,
 *   or a suspected drift). It holds the refresher's lock throughout: index requests wait for it.
 * - `refresh` drains kpi_rollup_queue now instead of waiting for the periodic task.
 * Prints counts only, never a dossier's data. Exit code 2 on a missing or unknown sub-command.
 */
import { sql } from 'drizzle-orm';
import { rebuildRollup, refreshRollup } from '../../modules/kpi/rollup.service.js';
import { openDatabaseFromEnv } from '../bootstrap.js';
import { queryRows } from '../../kernel/db.js';
import { applyMigrations } from '../../kernel/migrate.js';
import { readEnv } from '../../kernel/env.js';

const USAGE = [
  'Cách dùng / usage: npm run kpi:rollup -- <rebuild|refresh>',
  '  rebuild  dựng lại toàn bộ bảng tổng hợp chỉ số 766 từ dữ liệu gốc /',
  '           recompute every KPI rollup counter from the raw rows (repair after a bulk load or a drift)',
  '  refresh  cập nhật ngay các hồ sơ đang chờ trong hàng đợi (kpi_rollup_queue) /',
  '           take in the dossiers waiting in the rollup queue now',
].join('\n');

const command = process.argv[2];
if (process.argv.length !== 3 || (command !== 'rebuild' && command !== 'refresh')) {
  console.error(USAGE);
  process.exit(2);
}

const handle = await openDatabaseFromEnv(readEnv());
try {
  await applyMigrations(handle);
  if (command === 'refresh') {
    const refreshed = await refreshRollup(handle.db);
    console.log(
      `Đã cập nhật bảng tổng hợp chỉ số 766 / KPI rollup refreshed: ${refreshed} dossiers taken from the queue.`,
    );
  } else {
    const started = performance.now();
    await rebuildRollup(handle.db);
    const seconds = (performance.now() - started) / 1000;
    const [rows] = await queryRows<{ facts: number; daily: number }>(
      handle.db,
      sql`select (select count(*) from kpi_dossier_facts)::int as facts, (select count(*) from kpi_daily)::int as daily`,
    );
    console.log(
      `Đã dựng lại bảng tổng hợp chỉ số 766 / KPI rollup rebuilt: ${rows!.facts} rows in kpi_dossier_facts, ` +
        `${rows!.daily} rows in kpi_daily, in ${seconds.toFixed(1)} s.`,
    );
  }
} finally {
  await handle.close();
}
