/** A year's Decision-766 configuration: read (latest or a named version) and replace (a new version). */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { DEFAULT_KPI_CONFIG, KpiConfig } from './kpi.config.js';
import { kpiConfigs } from './kpi.tables.js';

export interface YearConfig {
  year: number;
  /** 0 = the default of docs/domain/DOMAIN.md §9 (no version saved for the year). */
  version: number;
  source: 'default' | 'saved';
  config: KpiConfig;
  createdAt: Date | null;
}

const defaultFor = (year: number): YearConfig => ({
  year,
  version: 0,
  source: 'default',
  config: DEFAULT_KPI_CONFIG,
  createdAt: null,
});

/** The year's configuration: `version` if given (0 = the default), else the latest saved one. */
export async function getKpiConfig(db: Queryable, year: number, version?: number): Promise<YearConfig> {
  if (version === 0) return defaultFor(year);
  const where =
    version === undefined ? eq(kpiConfigs.year, year) : and(eq(kpiConfigs.year, year), eq(kpiConfigs.version, version));
  const [row] = await db.select().from(kpiConfigs).where(where).orderBy(desc(kpiConfigs.version)).limit(1);
  if (!row) {
    if (version !== undefined) throw new AppError('KPI_CONFIG_VERSION_NOT_FOUND', { year, version });
    return defaultFor(year);
  }
  // Stored documents were validated on the way in; parsing again fills defaults added since.
  return { year, version: row.version, source: 'saved', config: KpiConfig.parse(row.config), createdAt: row.createdAt };
}

/**
 * Replaces a year's configuration with a new version. `expectedVersion` is the version the
 * caller read: if another replacement came first, 409 VERSION_CONFLICT (two concurrent writers
 * of the same next version also collide on the primary key → 409).
 */
export async function putKpiConfig(
  tx: Tx,
  ctx: RequestContext,
  year: number,
  config: KpiConfig,
  expectedVersion: number,
): Promise<YearConfig> {
  const current = await getKpiConfig(tx, year);
  if (current.version !== expectedVersion)
    throw new AppError('VERSION_CONFLICT', { year, expectedVersion, currentVersion: current.version });
  const version = current.version + 1;
  const [row] = await tx
    .insert(kpiConfigs)
    .values({ year, version, config, createdBy: ctx.actor?.userId ?? null })
    .returning();
  await recordChange(tx, ctx, {
    action: 'kpi.configure',
    targetType: 'kpi_config',
    targetId: `${year}/${version}`,
    before: { version: current.version, config: current.config },
    after: { version, config },
    event: { year, version },
  });
  return { year, version, source: 'saved', config, createdAt: row!.createdAt };
}
