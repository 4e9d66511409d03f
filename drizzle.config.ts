import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from src/server/db/schema.ts (`npm run db:generate`).
// Migrations are applied by the application itself (src/server/db/migrate.ts), not by drizzle-kit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './db/migrations',
});
