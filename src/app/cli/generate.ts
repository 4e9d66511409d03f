/**
 * `npm run generate -- --dossiers 1000000 --seed 42 [--database-url postgres://…]`: migrates,
 * seeds the demo province if the database is empty, then generates a year of synthetic dossiers
 * (src/modules/demo/synthetic) and rebuilds the kpi rollup. Without --database-url it uses
 * DATABASE_URL, or PGlite in DATA_DIR (small sizes only).
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedDemoIfEmpty } from '../../modules/demo/seed-demo.js';
import { generateProvince } from '../../modules/demo/synthetic/generate.js';
import { rebuildRollup } from '../../modules/kpi/rollup.service.js';
import { openAppDatabase } from '../composition.js';
import { applyMigrations } from '../../kernel/migrate.js';
import { readEnv } from '../../kernel/env.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    'database-url': { type: 'string' },
  },
});
const dossiers = Number(values.dossiers);
const seed = Number(values.seed);
if (!Number.isInteger(dossiers) || dossiers < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run generate -- --dossiers <n ≥ 1> --seed <integer> [--database-url <url>]');
  process.exit(2);
}
const env = readEnv();
const handle = await openAppDatabase({
  databaseUrl: values['database-url'] ?? env.DATABASE_URL,
  dataDir: env.DATA_DIR,
});
try {
  await applyMigrations(handle);
  // The bare demo: the synthetic year is generated on top of the catalog, not of the living demo.
  if (
    await seedDemoIfEmpty(handle.db, {
      kind: 'minimal',
      password: env.DEMO_PASSWORD,
      scryptLogN: env.PASSWORD_SCRYPT_LOG_N,
    })
  )
    console.log('demo province seeded');
  const report = await generateProvince(handle.db, env, { dossiers, seed, log: (line) => console.log(line) });
  console.log(`generated ${report.from} → ${report.to}: ${JSON.stringify(report.rows)}`);
  console.log(
    `insert seconds by table: ${JSON.stringify(Object.fromEntries(Object.entries(report.insertSeconds).map(([t, s]) => [t, Number(s.toFixed(1))])))}`,
  );
  console.log(`indexes and foreign keys restored in ${report.restoreSeconds.toFixed(1)} s`);
  console.log(
    `${report.totalRows.toLocaleString('en')} rows in ${report.seconds.toFixed(1)} s = ${Math.round(report.rowsPerSecond).toLocaleString('en')} rows/s`,
  );
  // The generator deferred the rollup's triggers: rebuild it from the raw rows in one pass.
  const started = performance.now();
  await rebuildRollup(handle.db);
  console.log(`kpi rollup rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Planner statistics for what was just loaded: without them a million-row table is planned as
  // if empty (issue 17: the event-history read took 118 ms for 7 rows before ANALYZE, 46 ms/lifecycle after).
  const analyzing = performance.now();
  await handle.db.execute(sql`analyze`);
  console.log(`statistics gathered (ANALYZE) in ${((performance.now() - analyzing) / 1000).toFixed(1)} s`);
} finally {
  await handle.close();
}
