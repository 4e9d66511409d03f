import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from every module's table files (`npm run db:generate`).
// Migrations are applied by the application itself (src/kernel/migrate.ts), not by drizzle-kit.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/modules/*/*.table.ts', './src/modules/*/*.tables.ts'],
  out: './db/migrations',
});
