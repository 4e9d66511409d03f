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
import { errorResponses, IsoDate } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { provinceRootIds } from '../org/units.service.js';
import { RankingItem } from './insights.schema.js';
import { computeIndex } from './kpi.service.js';
import { parsePeriod, reportingMonthOf } from './periods.rules.js';
import { rankings } from './rankings.service.js';
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

const PublicIndex = z
  .object({
    unitName: z.string(),
    period: z.string(),
    from: IsoDate,
    to: IsoDate,
    asOf: z.date(),
    total: z.number().nullable().describe('Over the indicators that apply; null: no dossier in the period'),
    grade: z.string().nullable(),
    gradeName: z.string().nullable(),
    applicable: z.number().int(),
    indicatorCount: z.number().int(),
    noData: z.boolean(),
    groups: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        points: z.number(),
        max: z.number(),
        indicators: z.array(
          z.object({
            key: z.string(),
            name: z.string(),
            ratio: z.number().nullable(),
            points: z.number().nullable(),
            max: z.number(),
            available: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicKpiIndex' });

const PublicRankings = z
  .object({
    period: z.string(),
    from: IsoDate,
    to: IsoDate,
    kind: z.enum(['department', 'commune']),
    items: z.array(
      RankingItem.pick({ name: true, kind: true, rank: true, total: true, grade: true, gradeName: true }).extend({
        weekChange: z.number().nullable(),
        monthChange: z.number().nullable(),
        rankChange: z.number().int().nullable(),
      }),
    ),
    unranked: z
      .array(z.object({ name: z.string(), kind: RankingItem.shape.kind }))
      .describe('Units with no dossier in the period: no total, not ranked'),
  })
  .meta({ id: 'PublicKpiRankings' });

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
      return indexCache.get(text, async () => {
        const i = await computeIndex(db, env, { unitId: await province(), period }, clock.now());
        return {
          unitName: i.unitName,
          period: text,
          from: i.from,
          to: i.to,
          asOf: i.asOf,
          total: i.total,
          grade: i.grade,
          gradeName: i.gradeName,
          applicable: i.applicable,
          indicatorCount: i.indicatorCount,
          noData: i.noData,
          groups: i.groups.map((g) => ({
            key: g.key,
            name: g.name,
            points: g.points,
            max: g.max,
            indicators: g.indicators.map((x) => ({
              key: x.key,
              name: x.name,
              ratio: x.ratio,
              points: x.points,
              max: x.max,
              available: x.available,
            })),
          })),
        };
      });
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
      return rankingCache.get(`${text}/${kind}`, async () => {
        const r = await rankings(db, env, await province(), period, { kind }, clock.now());
        return {
          period: text,
          from: r.from,
          to: r.to,
          kind,
          items: r.items.map((i) => ({
            name: i.name,
            kind: i.kind,
            rank: i.rank,
            total: i.total,
            grade: i.grade,
            gradeName: i.gradeName,
            weekChange: i.weekOnWeek.change,
            monthChange: i.monthOnMonth.change,
            rankChange: i.monthOnMonth.rankChange,
          })),
          unranked: r.unranked.map((u) => ({ name: u.name, kind: u.kind })),
        };
      });
    },
  );
}
