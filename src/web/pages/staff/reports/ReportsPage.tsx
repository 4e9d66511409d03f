/** Báo cáo định kỳ: a unit's reporting periods, prepare a draft, sign and submit, download PDF/XLSX. */
import { App, Button, Card, Col, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';
import { useHolds } from '../scopes.js';

type Period = Schema<'StatutoryReportPeriods'>['periods'][number];
const COLOR = { draft: 'gold', submitted: 'blue', delivered: 'green' } as const;

export function ReportsPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const canPrepare = useHolds('report.prepare');
  const canSign = useHolds('report.sign');
  const [unit, setUnit] = useState<string | null>(
    () =>
      me?.roles.find((r) => (r.role === 'procedure_control_officer' || r.role === 'unit_leader') && r.unitId)?.unitId ??
      null,
  );
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [actionError, setActionError] = useState<unknown>(null);
  const periods = useApiData(
    () =>
      unit
        ? api<ApiResponse<'/api/reports/periods'>>('/api/reports/periods', { query: { unitId: unit, year } })
        : Promise.resolve(null),
    [unit, year],
  );

  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await run();
      void message.success(done);
      periods.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const prepare = (p: Period) =>
    act(
      () => api('/api/reports', { method: 'POST', body: { unitId: unit, periodId: p.id } }),
      t('reports.prepared', { period: p.label }),
    );
  const submit = (p: Period) =>
    act(
      () => api(`/api/reports/${p.report!.id}/submit`, { method: 'POST' }),
      t('reports.submitted', { period: p.label }),
    );

  return (
    <Card title={t('reports.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('reports.hint')}</Typography.Paragraph>
        <Row gutter={[16, 8]}>
          <Col xs={24} md={16}>
            <label htmlFor="reports-unit">{t('reports.unit')}</label>
            <UnitPicker id="reports-unit" value={unit} onChange={setUnit} placeholder={t('reports.unit')} />
          </Col>
          <Col xs={24} md={8}>
            <label htmlFor="reports-year">{t('reports.year')}</label>
            <InputNumber
              id="reports-year"
              min={2020}
              max={2099}
              value={year}
              onChange={(v) => v && setYear(v)}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        <ErrorAlert error={periods.error ?? actionError} />
        {!unit && <Typography.Text>{t('reports.chooseUnit')}</Typography.Text>}
        {unit && periods.data && (
          <Table<Period>
            rowKey="id"
            size="small"
            data-testid="reports-table"
            loading={periods.loading}
            dataSource={periods.data.periods}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              { title: t('reports.period'), dataIndex: 'label', width: 180 },
              {
                title: t('reports.range'),
                key: 'range',
                width: 200,
                render: (_, p) => `${formatDate(p.from)} – ${formatDate(p.to)}`,
              },
              { title: t('reports.submitBy'), dataIndex: 'submitBy', width: 110, render: (d: string) => formatDate(d) },
              {
                title: t('reports.status'),
                key: 'status',
                width: 160,
                render: (_, p) =>
                  p.report ? (
                    <Tag color={COLOR[p.report.status]}>{t(`reports.status.${p.report.status}`)}</Tag>
                  ) : (
                    t(p.closed ? 'reports.status.none' : 'reports.status.open')
                  ),
              },
              {
                title: '',
                key: 'actions',
                render: (_, p) => (
                  <Space wrap>
                    {!p.report && p.closed && canPrepare && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => void prepare(p)}
                        data-testid={`prepare-${p.id}`}
                      >
                        {t('reports.prepare')}
                      </Button>
                    )}
                    {p.report?.status === 'draft' && canSign && (
                      <Button size="small" onClick={() => void submit(p)} data-testid={`submit-${p.id}`}>
                        {t('reports.submit')}
                      </Button>
                    )}
                    {p.report && (
                      <>
                        <a href={`/api/reports/${p.report.id}/file?format=pdf`} download data-testid={`pdf-${p.id}`}>
                          PDF
                        </a>
                        <a href={`/api/reports/${p.report.id}/file?format=xlsx`} download>
                          XLSX
                        </a>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
