/** Schemas shared by many routes: the error shape, ids, paging, ISO dates. */
import { z } from 'zod';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED'),
      message: z.string().describe('Vietnamese message for people'),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Response entries for the error statuses a route can return (OpenAPI documents them). */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503)[]) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<number, typeof ErrorBody>;
}

export const IdParams = z.object({ id: z.uuid() });
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');
export const Version = z.number().int().positive().describe('Optimistic-lock version read with the record');

export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A query-string boolean: 'true' or 'false'. */
export const BoolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .describe('true | false');
