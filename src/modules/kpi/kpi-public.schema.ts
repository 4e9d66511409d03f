/** The public dashboard's answers (kpi-public.routes.ts), also the content of the published index snapshots. */
import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';
import { RankingItem } from './insights.schema.js';

export const PublicIndex = z
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

export const PublicRankings = z
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
