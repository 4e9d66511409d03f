/**
 * /staff/kpi — the Decision-766 dashboard for kpi.read holders: a unit and a reporting month,
 * the index over time, points by group and indicator, plan targets, lateness by unit and the
 * channel mix. Every count opens the dossiers behind it (DrillDrawer).
 */
import { Card, Col, Row, Select, Space, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { useI18n, useT } from '../../../i18n/i18n.js';
import { currentMonth, monthLabel, monthsUpTo, points } from '../../../kpi/periods.js';
import type { KpiIndex } from '../../../kpi/types.js';
import type { RoleView } from '../../../types.js';
import { useSession } from '../../../session.js';
import { type Drill, DrillDrawer } from './DrillDrawer.js';
import { GroupBreakdown } from './GroupBreakdown.js';
import { IndexTrend } from './IndexTrend.js';
import { ChannelMix, LateByUnit } from './LateAndChannels.js';
import { ProductivityTable } from './ProductivityTable.js';
import { TargetsTable } from './TargetsTable.js';
import { ReportExport } from '../../../kpi/ReportExport.js';

/** The unit a reader starts with: where they hold kpi.read (procedure control or leadership). */
function defaultUnit(roles: RoleView[]): string | null {
  return (
    roles.find((r) => (r.role === 'procedure_control_officer' || r.role === 'unit_leader') && r.unitId)?.unitId ?? null
  );
}

/** `fill`: as tall as its row (a panel alone in its column); stacked panels keep their own height. */
const Panel = ({
  title,
  children,
  testId,
  fill,
  extra,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  fill?: boolean;
  extra?: ReactNode;
}) => (
  <Card title={title} size="small" style={fill ? { height: '100%' } : {}} data-testid={testId} extra={extra}>
    {children}
  </Card>
);

export function KpiDashboardPage() {
  const t = useT();
  const { lang } = useI18n();
  const session = useSession();
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const [unit, setUnit] = useState<string | null>(() => (me ? defaultUnit(me.roles) : null));
  const months = monthsUpTo(currentMonth(), 12).reverse();
  const [month, setMonth] = useState(months[0]!);
  const [drill, setDrill] = useState<Drill | null>(null);
  const index = useApiData(
    () => (unit ? api<KpiIndex>('/api/kpi/766', { query: { unit, period: month } }) : Promise.resolve(null)),
    [unit, month],
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('kpi.title')}
        </Typography.Title>
        {/* The monthly report (báo cáo tháng) of the chosen unit and reporting month. */}
        <ReportExport request={unit ? { unit, period: month, groupBy: 'unit' } : null} testId="kpi-export" />
      </Space>
      <Row gutter={[16, 8]}>
        <Col xs={24} md={14}>
          <label htmlFor="kpi-unit">{t('kpi.unit')}</label>
          <UnitPicker id="kpi-unit" value={unit} onChange={setUnit} placeholder={t('kpi.unit')} />
        </Col>
        <Col xs={24} md={10}>
          <label htmlFor="kpi-month">{t('kpi.period')}</label>
          <Select
            id="kpi-month"
            aria-label={t('kpi.period')}
            value={month}
            onChange={setMonth}
            style={{ width: '100%' }}
            options={months.map((m) => ({ value: m, label: t('kpi.monthLabel', { month: monthLabel(m) }) }))}
          />
        </Col>
      </Row>
      <ErrorAlert error={index.error} />
      {unit && index.data ? (
        <>
          <Space align="baseline" wrap data-testid="kpi-total">
            <Typography.Text style={{ fontSize: 40, fontWeight: 700, color: '#b71c1c' }}>
              {points(index.data.total, lang)}
            </Typography.Text>
            <Typography.Text>
              /100 · {t('kpi.grade')}: <strong>{index.data.gradeName ?? '—'}</strong> · {index.data.unitName}
            </Typography.Text>
            <Typography.Text type="secondary">
              {index.data.noData
                ? t('kpi.noData')
                : t('kpi.applicable', { n: index.data.applicable, m: index.data.indicatorCount })}
            </Typography.Text>
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Panel title={t('kpi.overTime')} fill>
                <IndexTrend unit={unit} month={month} onSelect={setMonth} />
              </Panel>
            </Col>
            <Col xs={24} lg={12}>
              <Panel title={t('kpi.channels')} testId="kpi-channels">
                <ChannelMix unit={unit} month={month} onDrill={setDrill} />
              </Panel>
              <div style={{ height: 16 }} />
              <Panel
                title={t('kpi.late')}
                testId="kpi-late"
                extra={<ReportExport request={{ unit, period: month, groupBy: 'unit' }} testId="kpi-late-export" />}
              >
                <LateByUnit unit={unit} month={month} onDrill={setDrill} />
              </Panel>
            </Col>
          </Row>
          <Panel title={t('kpi.groups')}>
            <GroupBreakdown index={index.data} query={{ unit, period: month }} onDrill={setDrill} />
          </Panel>
          <Panel title={t('kpi.targets')}>
            <TargetsTable unit={unit} month={month} onDrill={setDrill} />
          </Panel>
          <Panel title={t('kpi.productivity')}>
            <ProductivityTable unit={unit} month={month} />
          </Panel>
        </>
      ) : unit ? (
        <Spin />
      ) : null}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
