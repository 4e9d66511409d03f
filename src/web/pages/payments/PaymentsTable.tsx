import { Table, Tag, Typography } from 'antd';
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
  // No table when there is nothing to list: antd greys the empty row of a scrolling table (#bfbfbf) below
  // the WCAG contrast minimum.
  if (payments.length === 0) return <Typography.Text data-testid="payments-none">{t('pay.none')}</Typography.Text>;
  return (
    <Table<Payment>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      data-testid="payments-table"
      dataSource={payments}
      columns={[
        { title: t('pay.col.when'), render: (_, p) => formatDateTime(p.paidAt ?? p.createdAt) },
        { title: t('pay.col.amount'), align: 'right', render: (_, p) => formatVnd(p.amountVnd) },
        { title: t('pay.col.channel'), render: (_, p) => t(`pay.channel.${p.channel}`) },
        {
          title: t('pay.col.status'),
          render: (_, p) => <Tag color={COLORS[p.status]}>{t(`pay.status.${p.status}`)}</Tag>,
        },
        { title: t('pay.receipt'), render: (_, p) => p.receiptNumber ?? '—' },
      ]}
    />
  );
}
