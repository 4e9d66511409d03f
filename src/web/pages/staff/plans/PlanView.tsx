/** A plan: its completion (overall and per lead unit), the task tree, the progress report, and a task's drawer. */
import { Button, Card, Descriptions, Drawer, Progress, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import { StatusTag, Timeframe, Units } from './planLabels.js';
import { TaskPanel } from './TaskPanel.js';

type Task = Schema<'PlanTask'>;
type Node = Task & { children?: Node[] };

/** The flat task list (table order) as a tree by parentId. */
function treeOf(tasks: readonly Task[]): Node[] {
  const nodes = new Map<string, Node>(tasks.map((x) => [x.id, { ...x }]));
  const roots: Node[] = [];
  for (const x of tasks) {
    const node = nodes.get(x.id)!;
    const parent = x.parentId ? nodes.get(x.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}

export function PlanView({ id }: { id: string }) {
  const t = useT();
  const plan = useApiData(() => api<ApiResponse<'/api/plans/{id}'>>(`/api/plans/${id}`), [id]);
  const [open, setOpen] = useState<string | null>(null);
  const tree = useMemo(() => (plan.data ? treeOf(plan.data.tasks) : []), [plan.data]);
  const p = plan.data;
  const c = p?.completion;
  return (
    <Card
      title={p ? `${p.number} — ${p.title}` : t('plans.title')}
      extra={<Button onClick={() => navigate('/staff/plans')}>{t('plans.back')}</Button>}
    >
      <ErrorAlert error={plan.error} />
      {p && c && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('plans.issuer')}>{p.issuerName}</Descriptions.Item>
            <Descriptions.Item label={t('plans.period')}>
              {formatDate(p.periodFrom)} – {formatDate(p.periodTo)}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.legalBasis')}>{p.legalBasis || t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('plans.completion')}>
              <span data-testid="plan-completion">
                {t('plans.completionLine', {
                  done: c.done,
                  total: c.total,
                  percent: c.completionPercent,
                  overdue: c.overdue,
                })}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Progress percent={c.completionPercent} />
          <Space wrap>
            <Button href={`/api/plans/${id}/report?format=xlsx`} data-testid="plan-report-xlsx">
              {t('plans.reportXlsx')}
            </Button>
            <Button href={`/api/plans/${id}/report?format=pdf`}>{t('plans.reportPdf')}</Button>
          </Space>
          <Table
            rowKey="label"
            size="small"
            pagination={false}
            title={() => t('plans.byUnit')}
            dataSource={p.byUnit}
            columns={[
              { title: t('plans.col.lead'), dataIndex: 'label' },
              {
                title: t('plans.completion'),
                width: 260,
                render: (_: unknown, u: (typeof p.byUnit)[number]) =>
                  t('plans.completionLine', {
                    done: u.completion.done,
                    total: u.completion.total,
                    percent: u.completion.completionPercent,
                    overdue: u.completion.overdue,
                  }),
              },
            ]}
          />
          <Table<Node>
            rowKey="id"
            size="small"
            data-testid="plan-tree"
            pagination={false}
            dataSource={tree}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 1100 }}
            onRow={(x) =>
              x.kind === 'group'
                ? {}
                : { onClick: () => setOpen(x.id), style: { cursor: 'pointer' }, 'data-number': x.number }
            }
            columns={[
              { title: t('plans.col.number'), dataIndex: 'number', width: 110 },
              {
                title: t('plans.col.task'),
                dataIndex: 'title',
                render: (title: string, x) => (x.kind === 'group' ? <strong>{title}</strong> : title),
              },
              { title: t('plans.col.lead'), width: 200, render: (_: unknown, x) => <Units units={x.lead} t={t} /> },
              {
                title: t('plans.col.timeframe'),
                width: 180,
                render: (_: unknown, x) => <Timeframe text={x.timeframeText} schedule={x.schedule} t={t} />,
              },
              { title: t('plans.col.status'), width: 170, render: (_: unknown, x) => <StatusTag task={x} t={t} /> },
              {
                title: t('plans.col.progress'),
                width: 110,
                render: (_: unknown, x) => (x.kind === 'group' ? null : <Progress percent={x.progress} size="small" />),
              },
            ]}
          />
          <Typography.Text type="secondary" />
        </Space>
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={560} destroyOnClose>
        {open && (
          <TaskPanel
            planId={id}
            taskId={open}
            onSaved={() => {
              plan.reload();
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}
