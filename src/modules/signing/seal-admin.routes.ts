/**
 * The agency seal certificates for the system administrator: the list (current and retired, per
 * unit) and the rotation of one unit's certificate (docs/ARCHITECTURE.md "Signing", rotation).
 */
import { z } from 'zod';
import type { App, Deps } from '../../kernel/http.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import { SealParams, SealRotationView, UnitSeal } from './seal-admin.schema.js';
import { listSeals, rotateSeal } from './seal-admin.service.js';

const tags = ['Ký số (signing)'];

export function sealAdminRoutes(app: App, { db, services }: Deps): void {
  const seals = async () => (await services.trust.get()).seals;

  app.get(
    '/api/admin/seals',
    {
      config: { access: { action: 'seal.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary:
          "Each unit's agency seal certificate: serial, subject, validity, and the retired ones (system administrator)",
        response: { 200: z.object({ items: z.array(UnitSeal) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listSeals(db, requireActor(request), await seals()) }),
  );

  app.post(
    '/api/admin/seals/:unitCode/rotations',
    {
      config: { access: { action: 'seal.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: "Replace a unit's seal certificate (thay chứng thư số con dấu; system administrator)",
        description:
          'A new key and certificate sign the unit’s documents from now on; the old key is retired (kept, never used ' +
          'again) and its certificate is not revoked, so every document sealed before keeps verifying. Audited with ' +
          'the old and new serials (no key material). Unknown unit code → 404 UNIT_NOT_FOUND.',
        params: SealParams,
        response: { 200: SealRotationView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const store = await seals();
      return db.transaction((tx) => rotateSeal(tx, { ...request.ctx, actor }, store, request.params.unitCode));
    },
  );
}
