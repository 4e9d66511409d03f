import { Card, Col, Row, Statistic } from 'antd';
import { useApiData } from '../../../components/useApiData.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import { ON_TIME } from '../../portal/dossiers/timeState.js';
import { fetchWorklist, type WorklistFilters } from './useWorklist.js';
import { DOSSIER_STATUSES, TIME_STATES } from './types.js';

/** Statuses worth a leader's glance (the finished ones are in the reports). */
const OPEN_STATUSES = DOSSIER_STATUSES.filter((s) => !['returned', 'refused', 'withdrawn', 'stopped'].includes(s));
const COLOR_HEX: Record<string, string> = { green: '#389e0d', gold: '#d48806', red: '#cf1322' };

/** How many dossiers match: the worklist's total for a one-item page. */
const countOf = async (filters: WorklistFilters) => (await fetchWorklist(filters, 1, 1)).total;

/**
 * Tổng quan đơn vị: dossiers of my units by status and by time state, counted with the worklist
 * API's own filters (one small request per number).
 */
export function UnitOverview() {
  const t = useT();
  const counts = useApiData(
    async () => ({
      byStatus: await Promise.all(OPEN_STATUSES.map((status) => countOf({ status }))),
      byTime: await Promise.all(TIME_STATES.map((timeState) => countOf({ timeState }))),
    }),
    [],
  );
  const data = counts.data;

  return (
    <Card title={t('desk.overview.title')} loading={counts.loading && !data} data-testid="unit-overview">
      <ErrorAlert error={counts.error} />
      {data && (
        <Row gutter={[16, 16]}>
          {TIME_STATES.map((state, i) => (
            <Col key={state} xs={12} sm={8} md={4}>
              <Statistic
                title={t(ON_TIME[state].key)}
                value={data.byTime[i]}
                valueStyle={{ color: COLOR_HEX[ON_TIME[state].color] }}
              />
            </Col>
          ))}
          {OPEN_STATUSES.map((status, i) => (
            <Col key={status} xs={12} sm={8} md={4}>
              <Statistic title={t(`dossierStatus.${status}`)} value={data.byStatus[i]} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
