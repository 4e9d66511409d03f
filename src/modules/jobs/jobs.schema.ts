import { z } from 'zod';

export const JobParams = z.object({ name: z.string().min(1).max(100) });
export const JobUpdateBody = z.object({
  enabled: z.boolean().describe('false pauses the task in every process until resumed'),
});

export const Job = z
  .object({
    name: z.string(),
    intervalSeconds: z.number().int(),
    enabled: z.boolean(),
    nextRunAt: z.date(),
    lastStartedAt: z.date().nullable(),
    lastFinishedAt: z.date().nullable(),
    lastOutcome: z.record(z.string(), z.unknown()).nullable().describe('What the last successful run did (counts)'),
    lastError: z.string().nullable().describe('Why the last run failed, if it did'),
    runs: z.number().int(),
  })
  .meta({ id: 'ScheduledTask' });
