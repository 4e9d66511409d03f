/**
 * The public dashboard's data (seed 002: the index and the rankings are published): the
 * province's Decision-766 index and its units ranked, without login. Only aggregate figures
 * leave — points, ratios and counts; never a dossier, a person or a drill-down. Answers are
 * cached for five minutes per period (ttl-cache.ts) and rate-limited per client like the public
 * lookup (PUBLIC_LOOKUP_RATE_PER_MINUTE), so anonymous traffic costs at most one computation per
 * period and process every five minutes.
 */
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { FixedWindowLimiter, rateLimitHook } from '../../kernel/rate-limit.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { provinceRootIds } from '../org/units.service.js';
import { PublicIndex, PublicRankings } from './kpi-public.schema.js';
import { publicIndex, publicRankings } from './kpi-public.service.js';
import { parsePeriod, reportingMonthOf } from './periods.rules.js';
import { TtlCache } from './ttl-cache.js';

const tags = ['Tra cứu công khai (public)'];
const CACHE_MS = 5 * 60_000;

const PublicQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-W\d{2}|-\d{2}|-Q[1-4])?$/, 'Kỳ có dạng 2026-W09, 2026-03, 2026-Q1 hoặc 2026')
    .optional()
    .describe('Week, reporting month (default: the current one), quarter or year'),
});

export function kpiPublicRoutes(app: App, { db, env, clock }: Deps): void {
  const limiter = new FixedWindowLimiter({ limit: env.PUBLIC_LOOKUP_RATE_PER_MINUTE, windowMs: 60_000 });
  const indexCache = new TtlCache<z.input<typeof PublicIndex>>(CACHE_MS, 50);
  const rankingCache = new TtlCache<z.input<typeof PublicRankings>>(CACHE_MS, 50);

  const province = async () => {
    const [root] = await provinceRootIds(db);
    if (!root) throw new AppError('UNIT_NOT_FOUND', { kind: 'province' });
    return root;
  };
  /** The named period, or the current reporting month; years far from now are refused (cache keys stay few). */
  const periodOf = (name: string | undefined) => {
    const now = clock.now();
    const text = name ?? reportingMonthOf(vietnamDateOf(now));
    const year = Number(text.slice(0, 4));
    const period = parsePeriod(text);
    if (!period || year < 2000 || year > now.getUTCFullYear() + 1)
      throw new AppError('KPI_PERIOD_INVALID', { period: text });
    return { text, period };
  };

  app.get(
    '/api/public/kpi/index',
    {
      config: { access: { public: 'the published Decision-766 index' } },
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary: "The province's Decision-766 index for a period (aggregate figures only; no login)",
        querystring: PublicQuery,
        response: { 200: PublicIndex, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const { text, period } = periodOf(request.query.period);
      return indexCache.get(text, async () => publicIndex(db, env, await province(), text, period, clock.now()));
    },
  );

  app.get(
    '/api/public/kpi/rankings',
    {
      config: { access: { public: 'the published Decision-766 rankings' } },
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary:
          "The province's departments or communes ranked by their index, with the change since last week and last month (no login)",
        querystring: PublicQuery.extend({ kind: z.enum(['department', 'commune']).default('department') }),
        response: { 200: PublicRankings, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const { text, period } = periodOf(request.query.period);
      const { kind } = request.query;
      return rankingCache.get(`${text}/${kind}`, async () =>
        publicRankings(db, env, await province(), text, period, kind, clock.now()),
      );
    },
  );
}
