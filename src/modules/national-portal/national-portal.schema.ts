import { z } from 'zod';
import { Paging } from '../../kernel/schemas.js';
import { SYNC_STATUSES } from './national-portal.tables.js';

export const SyncListQuery = Paging.extend({
  unit: z.uuid().describe('The unit: dossiers it (or a unit below it) received or is competent for'),
  status: z.enum(SYNC_STATUSES).optional().describe('pending | synced | failed (all when absent)'),
});

export const SyncItem = z
  .object({
    dossierCode: z.string(),
    procedureCode: z.string(),
    receivedAt: z.date().nullable(),
    status: z.enum(SYNC_STATUSES),
    attempts: z.number().int().describe('Failed pushes since the last success'),
    nextAttemptAt: z.date().nullable(),
    firstSyncedAt: z.date().nullable(),
    lastSyncedAt: z.date().nullable(),
    receivedSyncedAt: z
      .date()
      .nullable()
      .describe('When the portal first held the dossier as received (what indicator transparency.synced counts)'),
    lastErrorCode: z.string().nullable(),
    lastErrorMessage: z.string().nullable(),
  })
  .meta({ id: 'NationalSync' });

export const SyncListReply = z.object({ total: z.number().int(), items: z.array(SyncItem) });

export const RetryParams = z.object({ dossierCode: z.string().min(1).max(100) });
