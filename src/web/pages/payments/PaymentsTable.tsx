import { Descriptions, Grid, Table, Tag, Typography } from 'antd';
import { formatDateTime, formatVnd } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import type { Payment } from './paymentsApi.js';

const COLORS: Record<Payment['status'], string> = {
  pending: 'processing',
  paid: 'success',
  failed: 'error',
  cancelled: 'default',
  expired: 'default',
};

/** A dossier's payments, oldest first: when, how much, how, status and receipt. */
export function PaymentsTable({ payments }: { payments: Payment[] }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  // No table when there is nothing to list: antd greys the empty row of a scrolling table (#bfbfbf) below
  // the WCAG contrast minimum.
  if (payments.length === 0) return <Typography.Text data-testid="payments-none">{t('pay.none')}</Typography.Text>;
  const columns = [
    { key: 'when', title: t('pay.col.when'), render: (p: Payment) => formatDateTime(p.paidAt ?? p.createdAt) },
    {
      key: 'amount',
      title: t('pay.col.amount'),
      align: 'right' as const,
      render: (p: Payment) => formatVnd(p.amountVnd),
    },
    { key: 'channel', title: t('pay.col.channel'), render: (p: Payment) => t(`pay.channel.${p.channel}`) },
    {
      key: 'status',
      title: t('pay.col.status'),
      render: (p: Payment) => <Tag color={COLORS[p.status]}>{t(`pay.status.${p.status}`)}</Tag>,
    },
    { key: 'receipt', title: t('pay.receipt'), render: (p: Payment) => p.receiptNumber ?? '—' },
  ];
  // A phone has no room for five columns: each payment is a small card of label–value lines, so
  // the receipt number is never cut off at the right edge.
  if (!screens.sm)
    return (
      <div data-testid="payments-table" style={{ display: 'grid', gap: 8 }}>
        {payments.map((p) => (
          <Descriptions
            key={p.id}
            size="small"
            bordered
            column={1}
            items={columns.map((c) => ({ key: c.key, label: c.title, children: c.render(p) }))}
          />
        ))}
      </div>
    );
  return (
    <Table<Payment>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      data-testid="payments-table"
      dataSource={payments}
      columns={columns.map(({ render, ...c }) => ({ ...c, render: (_: unknown, p: Payment) => render(p) }))}
    />
  );
}
