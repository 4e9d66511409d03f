/** HTTP schemas of satisfaction ratings. */
import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';
import { RATING_CHANNELS } from './satisfaction.rules.js';

export const RateParams = z.object({ code: z.string().trim().min(10).max(60).describe('Mã hồ sơ') });
export const RateQuery = z.object({ token: z.string().max(200).optional().describe('Signed token of a rating link') });

const CriterionShape = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(200).describe('Vietnamese label (shown by default)'),
  labelEn: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullish()
    .describe('English label; absent = the Vietnamese one is shown in English too'),
  scale: z.union([z.literal(3), z.literal(5)]),
});
export const Criterion = CriterionShape.extend({
  labelEn: z.string().nullable().describe('English label; null = show the Vietnamese one'),
  levels: z.array(z.string()).describe('Level labels, 1 = worst'),
  levelsEn: z.array(z.string()).describe('Level labels in English, 1 = worst'),
}).meta({ id: 'SatisfactionCriterion' });
export const CriteriaBody = z.object({ criteria: z.array(CriterionShape.strict()).min(1).max(20) }).strict();

export const RateForm = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    channel: z.enum(RATING_CHANNELS),
    alreadyRated: z.boolean(),
    criteria: z.array(Criterion),
  })
  .meta({ id: 'RatingForm' });

export const RateBody = z
  .object({
    scores: z.record(z.string(), z.number().int()).describe('Criterion key → level (1 = worst)'),
    reason: z.string().trim().max(5000).optional().describe('Required when a criterion is rated below the middle'),
    createFeedback: z.boolean().optional().describe('Turn a bad rating into a feedback item'),
    token: z.string().max(200).optional().describe('Signed token of a rating link'),
  })
  .strict();

export const RatingResult = z
  .object({
    id: z.uuid(),
    channel: z.enum(RATING_CHANNELS),
    satisfied: z.boolean(),
    ratedAt: z.date(),
    feedbackCode: z.string().nullable(),
  })
  .meta({ id: 'Rating' });

const RateShape = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
export const FiguresQuery = z.object({
  unit: z.uuid(),
  from: IsoDate,
  to: IsoDate.describe('Inclusive, YYYY-MM-DD (Vietnam dates)'),
});
export const Figures = RateShape.extend({
  ratings: RateShape,
  byUnit: z.array(RateShape.extend({ unitId: z.uuid() })),
  byOfficer: z.array(RateShape.extend({ userId: z.uuid() })),
  byProcedure: z.array(RateShape.extend({ procedureId: z.uuid() })),
  unsatisfiedDossierIds: z.array(z.uuid()),
}).meta({ id: 'SatisfactionFigures' });
export const LinkResult = z.object({ url: z.string(), token: z.string(), expiresAt: z.date() });
