/**
 * `npm run openapi [-- --out <file>]`: writes the OpenAPI 3.1 document (the one served at
 * /api/openapi.json) to the file, or to stdout. The app is built as `bootstrap()` builds it, from
 * this process's environment (so a configured NATIONAL_PORTAL_URL etc. shapes the document as it
 * does the running API), but on an empty in-memory PGlite: no database to reach, no demo data, no
 * periodic tasks, no logs on stdout.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bootstrap } from '../bootstrap.js';
import { openAppDatabase } from '../composition.js';
import { readEnv } from '../../kernel/env.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

const { DATABASE_URL: _databaseUrl, ...environment } = process.env;
const env = readEnv({ ...environment, SEED_DEMO: 'false', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' });
const running = await bootstrap(env, await openAppDatabase({}));
try {
  await running.app.ready();
  const document = `${JSON.stringify(running.app.swagger(), null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, document);
    console.log(`Đã ghi tài liệu OpenAPI / OpenAPI document written to ${values.out}`);
  } else {
    process.stdout.write(document);
  }
} finally {
  await running.close();
}
