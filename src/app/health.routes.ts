import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { APP_VERSION } from '../kernel/env.js';
import type { App, Deps } from '../kernel/http.js';

export function healthRoutes(app: App, { db, handle }: Deps): void {
  app.get(
    '/api/health',
    {
      config: { access: { public: 'the load balancer’s probe' } },
      schema: {
        tags: ['Hệ thống (system)'],
        summary: 'Liveness and database reachability (for load balancers)',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
          503: z.object({ status: z.literal('error'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ok' as const, db: handle.engine, version: APP_VERSION };
      } catch {
        return reply.status(503).send({ status: 'error' as const, db: handle.engine, version: APP_VERSION });
      }
    },
  );
}
