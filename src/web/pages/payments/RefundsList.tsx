import { Table, Tag, Typography } from 'antd';
import { formatDateTime, formatVnd } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import type { DossierPayments, Refund } from './paymentsApi.js';

const COLORS: Record<Refund['status'], string> = { requested: 'processing', succeeded: 'success', failed: 'error' };

/**
 * A dossier's refunds (hoàn trả) and exemptions (miễn nộp), for staff and the payer alike: a refund
 * the platform refused shows its reason; nothing is shown when there are none.
 */
export function RefundsList({ payments }: { payments: Pick<DossierPayments, 'refunds' | 'exemptions'> }) {
  const t = useT();
  return (
    <>
      {payments.exemptions.map((e) => (
        <Typography.Text key={e.id} data-testid="payment-exemption">
          {t('pay.exemptions')}: {t('pay.exemption.line', { amount: formatVnd(e.amountVnd), reason: e.reason })}
        </Typography.Text>
      ))}
      {payments.refunds.length > 0 && (
        <Table<Refund>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          title={() => t('pay.refunds')}
          data-testid="refunds-table"
          dataSource={payments.refunds}
          columns={[
            { title: t('pay.col.when'), render: (_, r) => formatDateTime(r.completedAt ?? r.requestedAt) },
            { title: t('pay.col.amount'), align: 'right', render: (_, r) => formatVnd(r.amountVnd) },
            { title: t('pay.refund.ground'), render: (_, r) => t(`pay.refund.ground.${r.ground}`) },
            { title: t('pay.refund.reason'), dataIndex: 'reason' },
            {
              title: t('pay.col.status'),
              render: (_, r) => (
                <>
                  <Tag color={COLORS[r.status]}>{t(`pay.refund.status.${r.status}`)}</Tag>
                  {r.failureReason && <Typography.Text type="danger">{r.failureReason}</Typography.Text>}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
