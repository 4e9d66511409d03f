/** Tra cứu hồ sơ: anyone with a dossier code sees its progress, without login, rate-limited per IP. */
import { errorResponses } from '../../kernel/schemas.js';
import { FixedWindowLimiter, rateLimitHook } from '../../kernel/rate-limit.js';
import type { App, Deps } from '../../kernel/http.js';
import { AppError } from '../../kernel/errors.js';
import { parseDossierCode } from '../identifiers/dossier-code.rules.js';
import { lookupDossier } from './public-lookup.query.js';
import { publicView } from './public-lookup.rules.js';
import { PublicCodeParams, PublicDossier } from './public-lookup.schema.js';

export function publicLookupRoutes(app: App, { db, env }: Deps): void {
  // One limiter per app (per process): see rate-limit.ts for what that means behind a balancer.
  const limiter = new FixedWindowLimiter({ limit: env.PUBLIC_LOOKUP_RATE_PER_MINUTE, windowMs: 60_000 });

  app.get(
    '/api/public/dossiers/:code',
    {
      config: { access: { public: 'public lookup by code and the applicant’s identifier' } },
      onRequest: rateLimitHook(limiter),
      schema: {
        tags: ['Tra cứu công khai (public)'],
        summary:
          'Tra cứu hồ sơ: progress of a dossier by its code, without login (applicant name masked; rate-limited per IP)',
        params: PublicCodeParams,
        response: { 200: PublicDossier, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const parsed = parseDossierCode(request.params.code);
      if (!parsed) throw new AppError('DOSSIER_CODE_INVALID', { code: request.params.code.slice(0, 100) });
      return publicView(await lookupDossier(db, parsed.code));
    },
  );
}
