import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { type DossierPayments, getPayments, startOnlinePayment } from '../../payments/paymentsApi.js';
import { PaymentsTable } from '../../payments/PaymentsTable.js';
import { RefundsList } from '../../payments/RefundsList.js';
import { Part } from '../procedure/Part.js';

/**
 * Fees of the citizen's dossier: what is still due with a "pay online" button (to the payment
 * platform's page), the payments made, and — back from the platform (?thanh-toan=<id>) — the
 * result of that payment as our server recorded it from the platform's signed callback; refunds
 * (with the platform's reason when one was refused) and exemptions.
 */
export function PaymentCard({ code, returnedPaymentId }: { code: string; returnedPaymentId: string | null }) {
  const t = useT();
  const data = useApiData(() => getPayments(code), [code]);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const p = data.data;
  if (!p && data.loading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!p) return <ErrorAlert error={data.error} />;
  if (p.feesVnd === 0 && p.payments.length === 0 && p.due.length === 0) return null;

  const pay = async (obligationId: string | null) => {
    setStarting(obligationId ?? 'fees');
    setError(null);
    try {
      const { redirectUrl } = await startOnlinePayment(code, obligationId);
      window.location.assign(redirectUrl);
    } catch (e) {
      setError(e);
      setStarting(null);
    }
  };

  return (
    <Part title={t('pay.title')}>
      <div data-testid="payment-card">
        {returnedPaymentId && <PaymentResult payments={p} id={returnedPaymentId} />}
        <ErrorAlert error={error} />
        {p.due.length === 0 ? (
          <Typography.Paragraph data-testid="payment-nothing-due">{t('pay.nothingDue')}</Typography.Paragraph>
        ) : (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            {p.due.map((d) => (
              <Space key={d.obligationId ?? 'fees'} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <span>
                  {t('pay.due')}: {d.obligationId ? d.description : t('pay.fees')} —{' '}
                  <strong data-testid="payment-due">{formatVnd(d.amountVnd)}</strong>
                </span>
                <Button
                  type="primary"
                  loading={starting === (d.obligationId ?? 'fees')}
                  onClick={() => void pay(d.obligationId)}
                  data-testid="pay-online"
                >
                  {t('pay.online')}
                </Button>
              </Space>
            ))}
            <Typography.Text type="secondary">{t('pay.onlineHint')}</Typography.Text>
          </Space>
        )}
        {p.payments.length > 0 && <PaymentsTable payments={p.payments} />}
        <RefundsList payments={p} />
      </div>
    </Part>
  );
}

function PaymentResult({ payments, id }: { payments: DossierPayments; id: string }) {
  const t = useT();
  const payment = payments.payments.find((x) => x.id === id);
  if (!payment) return null;
  const alert =
    payment.status === 'paid'
      ? {
          type: 'success' as const,
          message: t('pay.resultPaid', { amount: formatVnd(payment.amountVnd), receipt: payment.receiptNumber ?? '' }),
        }
      : payment.status === 'pending'
        ? { type: 'info' as const, message: t('pay.resultPending') }
        : {
            type: payment.status === 'cancelled' ? ('warning' as const) : ('error' as const),
            message: t(payment.status === 'cancelled' ? 'pay.resultCancelled' : 'pay.resultFailed'),
          };
  return (
    <Alert
      showIcon
      style={{ marginBottom: 12 }}
      type={alert.type}
      message={alert.message}
      data-testid="payment-result"
    />
  );
}
