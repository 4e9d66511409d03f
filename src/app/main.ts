/**
 * `npm start`: the whole system (API + web app) on PORT — in this process, or with
 * API_PROCESSES = n > 1 (PostgreSQL) in n worker processes sharing the port (node:cluster).
 */
import cluster from 'node:cluster';
import { DEMO_ACCOUNTS } from '../modules/demo/seed-demo.js';
import { bootstrap } from './bootstrap.js';
import { readEnv } from '../kernel/env.js';
import { superviseWorkers } from './processes.js';

const env = readEnv();
if (env.API_PROCESSES > 1 && cluster.isPrimary) {
  await superviseWorkers(env.API_PROCESSES);
} else {
  await serve();
}

async function serve(): Promise<void> {
  const running = await bootstrap(env);
  const { app, handle } = running;
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  const base = env.PUBLIC_URL ?? `http://localhost:${new URL(address).port}`;

  const lines = [
    '',
    `MotCua đang chạy / is running — database: ${handle.engine}${handle.engine === 'pglite' ? ` (${env.DATA_DIR})` : ''}`,
    `  Cổng dịch vụ công (portal):   ${base}/`,
    `  Bảng điều khiển (staff):      ${base}/staff`,
    `  API docs (OpenAPI):           ${base}/api/docs  ·  ${base}/api/openapi.json`,
  ];
  if (running.seeded || env.SEED_DEMO) {
    lines.push(
      `  Tài khoản demo (mật khẩu / password: ${env.DEMO_PASSWORD === 'motcua-demo' ? 'motcua-demo' : 'DEMO_PASSWORD'}):`,
    );
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.username.padEnd(11)} ${account.description}`);
  }
  // The banner once, not once per worker.
  if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`${lines.join('\n')}\n`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      // Stop accepting, let in-flight requests finish, then close the database cleanly
      // (PGlite must flush its files).
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      running.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
