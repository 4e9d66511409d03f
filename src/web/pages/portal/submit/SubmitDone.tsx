import { Result, Space, Typography } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from '../../../types.js';
import { LinkButton } from '../LinkButton.js';
import { STATUS_KEY } from '../labels.js';

/** Filed: the dossier code to keep, its status, and where the receipt will appear. */
export function SubmitDone({ dossier }: { dossier: DossierDetail }) {
  const t = useT();
  return (
    <Result
      status="success"
      title={t('submit.done.title')}
      subTitle={
        <>
          <span>{t('submit.done.code')}: </span>
          <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="dossier-code">
            {dossier.code}
          </Typography.Text>
          <div>
            {t('mine.status')}: {t(STATUS_KEY[dossier.status])}
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('submit.done.receipt')}
          </Typography.Paragraph>
        </>
      }
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <LinkButton type="primary" to={`/ho-so-cua-toi/${encodeURIComponent(dossier.code)}`}>
            {t('submit.done.track')}
          </LinkButton>
          <LinkButton to="/">{t('submit.done.home')}</LinkButton>
        </Space>
      }
    />
  );
}
