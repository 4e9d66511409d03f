/** `npm run seed:demo`: migrates and seeds the demo province into an empty database. */
import { seedDemoIfEmpty } from '../../modules/demo/seed-demo.js';
import { openDatabaseFromEnv } from '../bootstrap.js';
import { applyMigrations } from '../../kernel/migrate.js';
import { readEnv } from '../../kernel/env.js';

const env = readEnv();
const handle = await openDatabaseFromEnv(env);
try {
  await applyMigrations(handle);
  const seeded = await seedDemoIfEmpty(handle.db, {
    password: env.DEMO_PASSWORD,
    scryptLogN: env.PASSWORD_SCRYPT_LOG_N,
  });
  console.log(seeded ? 'demo data seeded' : 'database already has data; nothing seeded');
} finally {
  await handle.close();
}
