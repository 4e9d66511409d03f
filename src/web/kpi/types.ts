/** The kpi API's types as the dashboards read them, from the generated schema (api/types.ts). */
import type { ApiItem, ApiResponse, Schema } from '../api/types.js';

/** GET /api/kpi/766: the index of a unit (staff). */
export type KpiIndex = Schema<'Kpi766Index'>;
export type KpiGroup = KpiIndex['groups'][number];
export type KpiIndicator = KpiGroup['indicators'][number];
/** GET /api/public/kpi/index: the province's index as anyone sees it. */
export type PublicKpiIndex = Schema<'PublicKpiIndex'>;

export type LateReply = ApiResponse<'/api/kpi/late'>;
export type ChannelsReply = ApiResponse<'/api/kpi/channels'>;

/** A row behind a number: what the drill-down endpoints list (the index's is the widest). */
export type DrillItem = ApiItem<'/api/kpi/766/drilldown'>;
/** A page of drill-down rows, as /api/kpi/766/drilldown, /targets/drilldown and /channels/drilldown answer. */
export type DrillPage = Pick<ApiResponse<'/api/kpi/766/drilldown'>, 'total'> & { items: DrillItem[] };

export type TargetRow = Schema<'KpiTargetTable'>['targets'][number];
export type PublicRankingItem = Schema<'PublicKpiRankings'>['items'][number];
/** Which units the public ranking compares (GET /api/public/kpi/rankings?kind=). */
export type RankingKind = Schema<'PublicKpiRankings'>['kind'];
