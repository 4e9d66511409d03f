import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, Paging } from '../../kernel/schemas.js';
import type { Queryable } from '../../kernel/db.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { listAudit, verifyAuditChain } from './audit.service.js';

const tags = ['Nhật ký (audit)'];

const AuditItem = z
  .object({
    id: z.number().int().describe('Insertion identity (listing order)'),
    seq: z
      .number()
      .int()
      .nullable()
      .describe('Position in the hash chain; null for the moment between commit and chaining'),
    occurredAt: z.date(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    unitId: z.uuid().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditRecord' });

export function auditRoutes(app: App, { db, services }: Deps): void {
  app.get(
    '/api/audit',
    {
      config: { access: { action: 'audit.read', scope: 'province' } },
      schema: {
        tags,
        summary: 'Audit records, newest first (province-wide auditors)',
        querystring: Paging.extend({
          action: z.string().max(100).optional(),
          targetType: z.string().max(100).optional(),
          targetId: z.string().max(100).optional(),
          actorId: z.uuid().optional(),
        }),
        response: {
          200: z.object({ items: z.array(AuditItem), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'audit.read', { unitPath: await services.rootUnitIds(db) });
      return listAudit(db, request.query);
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: { action: 'audit.read', scope: 'province' } },
      schema: {
        tags,
        summary: 'Verify the hash chain; names the first broken link',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).passthrough().nullable(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'audit.read', { unitPath: await services.rootUnitIds(db) });
      return verifyAuditChain(db);
    },
  );
}

declare module '../../kernel/http.js' {
  interface Services {
    /**
     * The province's top units: reading the audit log is a province-wide right. The org module
     * provides it (audit cannot import org: org records its changes through audit).
     */
    rootUnitIds(db: Queryable): Promise<string[]>;
  }
}
