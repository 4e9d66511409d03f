/** The kpi API's JSON as the dashboards read it. */
export interface KpiIndicator {
  key: string;
  name: string;
  numerator?: number;
  denominator?: number;
  ratio: number | null;
  points: number;
  max: number;
  available: boolean;
  note?: string;
}

export interface KpiGroup {
  key: string;
  name: string;
  points: number;
  max: number;
  indicators: KpiIndicator[];
}

export interface KpiIndex {
  unitName: string;
  from: string;
  to: string;
  asOf: string;
  total: number;
  grade: string;
  gradeName: string;
  groups: KpiGroup[];
}

export interface LateReply {
  total: number;
  byUnit: { unitId: string; unitName: string; late: number }[];
  items: { code: string; procedureName: string; competentUnitName: string }[];
}

export interface ChannelsReply {
  channels: { channel: 'counter' | 'online' | 'postal'; received: number }[];
}

export interface DrillItem {
  kind: 'dossier' | 'procedure' | 'decisionItem' | 'feedback';
  code: string;
  name: string | null;
}

export interface TargetRow {
  key: string;
  name: string;
  unit: 'ratio' | 'minutes' | 'dossiersPerOfficerYear';
  direction: 'atLeast' | 'atMost';
  target: number;
  actual: { value: number | null; numerator: number | null; denominator: number | null; available: boolean; indicator?: string; drilldown?: 'procedures'; note?: string };
  previousActual: number | null;
  gap: number | null;
  met: boolean | null;
  trend: 'better' | 'worse' | 'same' | 'unknown';
}

export interface PublicRankingItem {
  name: string;
  kind: string;
  rank: number;
  total: number;
  grade: string;
  gradeName: string;
  weekChange: number;
  monthChange: number;
  rankChange: number;
}
