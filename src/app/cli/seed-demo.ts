/** `npm run seed:demo`: migrates and seeds the demo province into an empty database (SEED_DEMO=minimal: the bare one). */
import { openDatabaseFromEnv, seedDemoFromEnv } from '../bootstrap.js';
import { applyMigrations } from '../../kernel/migrate.js';
import { readEnv } from '../../kernel/env.js';

const env = readEnv();
const handle = await openDatabaseFromEnv(env);
try {
  await applyMigrations(handle);
  // SEED_DEMO=false does not apply here: this command exists to seed. Its default is the living demo.
  const seeded = await seedDemoFromEnv(
    handle,
    { ...env, SEED_DEMO: env.SEED_DEMO || 'living' },
    env.PASSWORD_SCRYPT_LOG_N,
  );
  console.log(seeded ? 'demo data seeded' : 'database already has data; nothing seeded');
} finally {
  await handle.close();
}
