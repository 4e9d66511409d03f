import { Button, Result, Space, Typography } from 'antd';
import { formatDateTime } from '../../../../format.js';
import { useT } from '../../../../i18n/i18n.js';
import { LinkButton } from '../../../portal/LinkButton.js';
import { formUrl } from '../../dossiers/dossierApi.js';
import type { DossierDetail } from '../../dossiers/types.js';

/** Received: the code, the appointment, and the receipt (form 01) to print or download. */
export function ReceiptPanel({ dossier, onRestart }: { dossier: DossierDetail; onRestart(): void }) {
  const t = useT();
  const receipt = formUrl(dossier.code, '01');
  return (
    <Result
      status="success"
      title={t('desk.receipt.title')}
      subTitle={
        <>
          <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="dossier-code">
            {dossier.code}
          </Typography.Text>
          <div>{t('desk.receipt.appointment', { at: formatDateTime(dossier.appointmentAt) })}</div>
        </>
      }
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <Button type="primary" href={receipt} target="_blank" rel="noopener">
            {t('desk.receipt.print')}
          </Button>
          <Button href={receipt} download={`${dossier.code}-mau-01.pdf`} data-testid="receipt-download">
            {t('desk.receipt.download')}
          </Button>
          <LinkButton to={`/staff/dossiers/${encodeURIComponent(dossier.code)}`}>{t('desk.receipt.view')}</LinkButton>
          <Button onClick={onRestart}>{t('desk.receipt.next')}</Button>
        </Space>
      }
    />
  );
}
