/**
 * The actual figure of each plan target for a unit and period. Ratios the index already counts
 * come from the same predicates (countIndicators), so a target's actual equals the indicator's
 * ratio and drills down to the same dossiers; satisfaction comes from the satisfaction module's
 * ratings, waiting time from the queue module's tickets (queueFigures); fully-online services and
 * productivity are counted here. Figures MotCua does not hold yet (online payment, sync to the
 * national portal) are `available: false`, never estimated.
 */
import { and, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import {
  reportedProcedures as procedures,
  reportedProcedureVersions as procedureVersions,
} from '../catalog/catalog.reporting.js';
import { subtreeIds } from '../org/units.service.js';
import { queueFigures } from '../queue/queue.query.js';
import { countIndicators, procedurePage } from './index.query.js';
import { reportedFilledForms as dossierEforms } from '../eforms/eforms.reporting.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { dossierInScope, isOnline, procedureInScope, receivedIn } from './indicators.js';
import { officersHandled, productivityTotal } from './productivity.query.js';
import { DEFAULT_KPI_CONFIG, type IndicatorKey, type KpiConfig } from './kpi.config.js';
import { scopeOf } from './kpi.service.js';
import type { Period } from './periods.rules.js';
import type { TargetKey } from './targets.config.js';

export interface Actual {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  available: boolean;
  /** The index indicator it is the ratio of: the drill-down lists its dossiers. */
  indicator?: IndicatorKey;
  /** Counted here over procedures: targetProcedures lists them. */
  drilldown?: 'procedures';
  note?: string;
}

/**
 * Fully-online services (docs/domain/DOMAIN.md §10): the procedure versions in force in scope that are
 * eligible to be offered fully online (the catalog's flag; a document without it: eligible when
 * offered online at all, as fullyOnlineEligible in procedure.content.ts), and among them those
 * offered fully online (toàn trình) — always eligible, the catalog refuses the contrary.
 */
const eligible = sql`coalesce((${procedureVersions.content}->>'fullyOnlineEligible')::boolean, (${procedureVersions.content}->>'onlineLevel') <> 'none')`;
const fullyOnlineIn = (part: 'numerator' | 'denominator') =>
  part === 'denominator' ? eligible : sql`(${eligible} and (${procedureVersions.content}->>'onlineLevel') = 'full')`;

/** The procedures behind the fully-online figure (numerator or denominator), by national code. */
export async function targetProcedures(
  db: Queryable,
  unitId: string,
  period: Period,
  part: 'numerator' | 'denominator',
  page: { page: number; pageSize: number },
  now: Date,
) {
  return procedurePage(db, and(procedureInScope(scopeOf(unitId, period, now)), fullyOnlineIn(part)), page);
}

/** Targets that are the ratio of an index indicator. */
const FROM_INDEX: Partial<Record<TargetKey, IndicatorKey>> = {
  eResult: 'digitization.eResult',
  reuse: 'digitization.reuse',
  feedbackOnTime: 'satisfaction.feedbackOnTime',
  onlineDossiers: 'online.dossiersOnline',
  digitization: 'digitization.digitized',
  onlinePayment: 'payment.dossiersPaidOnline',
  sync: 'transparency.synced',
  // One definition of satisfaction: the index's (on time, no unsatisfied rating, no complaint).
  satisfaction: 'satisfaction.dossierSatisfaction',
};

const ratio = (numerator: number, denominator: number, extra: Partial<Actual> = {}): Actual => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
  available: true,
  ...extra,
});

export async function targetActuals(
  db: Queryable,
  env: Env,
  unitId: string,
  period: Period,
  now: Date,
): Promise<Record<TargetKey, Actual>> {
  const scope = scopeOf(unitId, period, now);
  const keys = Object.values(FROM_INDEX);
  // Only the groups' indicator lists are read by countIndicators; one group holds every key.
  const config: KpiConfig = {
    ...DEFAULT_KPI_CONFIG,
    groups: [
      { key: 'targets', name: 'targets', indicators: keys.map((key) => ({ key, name: key, max: 0, fullAt: 1 })) },
    ],
  };
  const counts = await countIndicators(db, env, scope, config, now);
  const fromIndex = Object.fromEntries(
    Object.entries(FROM_INDEX).map(([target, key]) => {
      const c = counts.get(key)!;
      return [
        target,
        c.available
          ? ratio(c.numerator, c.denominator, { indicator: key })
          : { value: null, numerator: null, denominator: null, available: false, indicator: key, note: c.note },
      ];
    }),
  ) as Record<keyof typeof FROM_INDEX, Actual>;

  const unitIds = await subtreeIds(db, [unitId]);
  const queue = await queueFigures(db, { unitIds, from: period.start, to: period.end });
  const [online] = await queryRows<{ full: number; eligible: number }>(
    db,
    sql`
    select (count(*) filter (where ${fullyOnlineIn('numerator')}))::int as "full", (count(*) filter (where ${fullyOnlineIn('denominator')}))::int as "eligible"
    from ${procedureVersions} join ${procedures} on ${procedures.id} = ${procedureVersions.procedureId} where ${procedureInScope(scope)}`,
  );
  const work = productivityTotal(await officersHandled(db, unitId, period), period);
  // Plan 004's cut in fields: over the online dossiers received in the period (as online.prefilledForms
  // counts them), the fields their e-forms prefilled from data ÷ the fields of those legal forms.
  const [fields] = await queryRows<{ prefilled: number; total: number }>(
    db,
    sql`select coalesce(sum(${dossierEforms.fieldsPrefilled}), 0)::int as prefilled, coalesce(sum(${dossierEforms.fieldsTotal}), 0)::int as total
    from ${dossiers} join ${dossierEforms} on ${dossierEforms.dossierId} = ${dossiers.id}
    where ${receivedIn(scope)} and ${isOnline} and ${dossierInScope(scope)}`,
  );

  return {
    ...fromIndex,
    fullyOnlineServices: ratio(Number(online!.full), Number(online!.eligible), {
      drilldown: 'procedures',
      note: 'Thủ tục cung cấp trực tuyến toàn trình ÷ thủ tục đủ điều kiện cung cấp toàn trình, thuộc thẩm quyền, đang có hiệu lực.',
    }),
    prefilledFields: ratio(Number(fields!.prefilled), Number(fields!.total), {
      note: 'Trường được điền sẵn từ dữ liệu ÷ tổng số trường của tờ khai điện tử, trên các hồ sơ trực tuyến tiếp nhận trong kỳ; tỷ lệ hồ sơ có điền sẵn: chỉ số online.prefilledForms.',
    }),
    // Average of (called − checked in) over the tickets called in the period; none called → null.
    waitingMinutes: {
      value: queue.averageWaitingMinutes,
      numerator: null,
      denominator: null,
      available: true,
      note: `Trung bình thời gian từ lấy số đến được gọi của ${queue.called} lượt được gọi.`,
    },
    productivity: {
      value: work.perYear,
      numerator: work.handled,
      denominator: work.officers,
      available: true,
      note: 'Hồ sơ công chức một cửa tiếp nhận ÷ số công chức một cửa, quy ra năm (365 ngày); chi tiết từng người ở bảng năng suất.',
    },
  };
}
