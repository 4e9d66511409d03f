import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { ApiBody, ApiResponse } from '../../../api/types.js';

type Issued = ApiResponse<'/api/store/consent-codes', 'post'>;

/**
 * Mã đồng ý: a one-time code the citizen gives an officer so they may read this store (when the
 * officer's unit does not receive the procedure, or the citizen is not at the counter).
 */
export function ConsentCode() {
  const t = useT();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const issue = async (send: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setIssued(
        await api<Issued>('/api/store/consent-codes', {
          method: 'POST',
          body: { send } satisfies ApiBody<'/api/store/consent-codes', 'post'>,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ margin: '8px 0 16px' }}>
      <Typography.Paragraph type="secondary">{t('store.consent.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => void issue(false)} loading={busy}>
          {t('store.consent.show')}
        </Button>
        <Button onClick={() => void issue(true)} loading={busy}>
          {t('store.consent.send')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {issued && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          role="status"
          message={
            issued.code ? (
              <span>
                {t('store.consent.code')} <strong data-testid="consent-code">{issued.code}</strong>
              </span>
            ) : (
              t('store.consent.sent')
            )
          }
          description={t('store.consent.until', { time: formatDateTime(issued.expiresAt) })}
        />
      )}
    </div>
  );
}
