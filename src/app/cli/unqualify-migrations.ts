/**
 * drizzle-kit writes `"public"."units"` in foreign keys. We strip the schema so the same SQL
 * applies to whichever schema is first on the search_path: production uses `public`, the
 * PostgreSQL test helper gives every test file its own schema.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../../../db/migrations/', import.meta.url).pathname;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
  const path = join(dir, name);
  const before = readFileSync(path, 'utf8');
  const after = before.replaceAll('"public".', '');
  if (after !== before) {
    writeFileSync(path, after);
    console.log(`unqualified ${name}`);
  }
}
