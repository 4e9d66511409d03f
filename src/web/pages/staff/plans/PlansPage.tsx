/** Kế hoạch, nhiệm vụ: the list of plans, importing one (with preview), a plan's tree and its tasks. */
import { Button, Card, Progress, Space, Table, Typography } from 'antd';
import { api } from '../../../api.js';
import type { ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate, useLocation } from '../../../router.js';
import { useHolds } from '../scopes.js';
import { PlanImport } from './PlanImport.js';
import { PlanView } from './PlanView.js';

export function PlansPage() {
  const { pathname } = useLocation();
  const rest = pathname.split('/').slice(3);
  if (rest[0] === 'nhap') return <PlanImport />;
  if (rest[0]) return <PlanView id={rest[0]} />;
  return <PlanList />;
}

function PlanList() {
  const t = useT();
  const mayImport = useHolds('plan.manage');
  const list = useApiData(() => api<ApiResponse<'/api/plans'>>('/api/plans'), []);
  return (
    <Card
      title={t('plans.title')}
      extra={
        mayImport && (
          <Button type="primary" onClick={() => navigate('/staff/plans/nhap')} data-testid="plans-import">
            {t('plans.import')}
          </Button>
        )
      }
    >
      <ErrorAlert error={list.error} />
      {list.data && list.data.plans.length === 0 && <Typography.Text>{t('plans.none')}</Typography.Text>}
      {list.data && list.data.plans.length > 0 && (
        <Table<Schema<'PlanSummary'>>
          rowKey="id"
          size="small"
          data-testid="plans-table"
          dataSource={list.data.plans}
          pagination={false}
          scroll={{ x: 800 }}
          onRow={(p) => ({ onClick: () => navigate(`/staff/plans/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('plans.number'), dataIndex: 'number', width: 120 },
            {
              title: t('plans.planTitle'),
              dataIndex: 'title',
              render: (title: string, p) => (
                <Space direction="vertical" size={0}>
                  <Typography.Link>{title}</Typography.Link>
                  <Typography.Text type="secondary">{p.issuerName}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('plans.period'),
              width: 200,
              render: (_: unknown, p) => `${formatDate(p.periodFrom)} – ${formatDate(p.periodTo)}`,
            },
            {
              title: t('plans.completion'),
              width: 180,
              render: (_: unknown, p) => <Progress percent={p.completion.completionPercent} size="small" />,
            },
          ]}
        />
      )}
    </Card>
  );
}
