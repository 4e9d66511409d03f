/**
 * Channel mix (kênh tiếp nhận) of the dossiers received in a period: the online-dossiers
 * indicator's denominator split by channel, with the dossiers behind each count — the same
 * predicates (scope, received in the period), so the parts add up to the indicator's figure.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { dossierInScope, type KpiScope, receivedIn } from './indicators.js';

export const CHANNELS = ['counter', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export async function channelMix(db: Queryable, scope: KpiScope): Promise<{ channel: Channel; received: number }[]> {
  const rows = await db
    .select({ channel: dossiers.channel, received: count() })
    .from(dossiers)
    .where(and(dossierInScope(scope), receivedIn(scope)))
    .groupBy(dossiers.channel);
  return CHANNELS.map((channel) => ({ channel, received: rows.find((r) => r.channel === channel)?.received ?? 0 }));
}

export async function channelDossiers(
  db: Queryable,
  scope: KpiScope,
  channel: Channel,
  page: { page: number; pageSize: number },
) {
  const where = and(dossierInScope(scope), receivedIn(scope), eq(dossiers.channel, channel));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(dossiers).where(where);
  const rows = await db
    .select({ code: dossiers.code })
    .from(dossiers)
    .where(where)
    .orderBy(asc(dossiers.code))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total, items: rows.map((r) => ({ kind: 'dossier' as const, code: r.code, name: null })) };
}
