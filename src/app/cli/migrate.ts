/** `npm run migrate`: applies the committed SQL migrations to DATABASE_URL or DATA_DIR. */
import { openDatabaseFromEnv } from '../bootstrap.js';
import { applyMigrations } from '../../kernel/migrate.js';
import { readEnv } from '../../kernel/env.js';

const handle = await openDatabaseFromEnv(readEnv());
try {
  await applyMigrations(handle);
  console.log(`migrations applied (${handle.engine})`);
} finally {
  await handle.close();
}
