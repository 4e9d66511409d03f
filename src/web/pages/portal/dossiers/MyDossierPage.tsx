import { App, Skeleton, Space, Typography } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime, formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { DossierDetail } from '../../../types.js';
import { RatingCard } from '../../rating/RatingCard.js';
import { InfoRow } from '../InfoRow.js';
import { CHANNEL_KEY } from '../labels.js';
import { Part } from '../procedure/Part.js';
import { RequireCitizen } from '../RequireCitizen.js';
import { DossierNotices } from './DossierNotices.js';
import { DossierPapers } from './DossierPapers.js';
import { DossierTimeline } from './DossierTimeline.js';
import { StatusTags } from './StatusTags.js';
import { SupplyAction } from './SupplyAction.js';
import { onTimeState } from './timeState.js';
import { PaymentCard } from './PaymentCard.js';
import { WithdrawAction } from './WithdrawAction.js';

/** /ho-so-cua-toi/{code}: one of the citizen's dossiers (antd App: the dialogs' toasts). */
export default function MyDossierPage({ code }: { code: string }) {
  return (
    <App>
      <RequireCitizen>{() => <DossierView code={code} />}</RequireCitizen>
    </App>
  );
}

function DossierView({ code }: { code: string }) {
  const t = useT();
  const dossier = useApiData(() => api<DossierDetail>(`/api/dossiers/${encodeURIComponent(code)}`), [code]);
  const d = dossier.data;
  return (
    <article style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Link to="/ho-so-cua-toi">← {t('mine.title')}</Link>
      <ErrorAlert error={dossier.error} />
      {dossier.loading && !d && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <Typography.Title level={3} style={{ marginTop: 12, overflowWrap: 'anywhere' }} data-testid="dossier-code">
            {d.code}
          </Typography.Title>
          <Typography.Paragraph strong>{d.procedure.name}</Typography.Paragraph>
          <div style={{ marginBottom: 16 }}>
            <StatusTags status={d.status} onTime={onTimeState(d)} />
          </div>
          <DossierNotices dossier={d} />
          {(d.allowedActions.includes('supply') || d.allowedActions.includes('withdraw')) && (
            <Space wrap style={{ marginBottom: 24 }}>
              {d.allowedActions.includes('supply') && <SupplyAction dossier={d} onDone={dossier.reload} />}
              {d.allowedActions.includes('withdraw') && <WithdrawAction dossier={d} onDone={dossier.reload} />}
            </Space>
          )}
          <Part title={t('mine.info')}>
            <InfoRow label={t('mine.channel')}>{t(CHANNEL_KEY[d.channel])}</InfoRow>
            <InfoRow label={t('mine.submittedAt')}>{formatDateTime(d.submittedAt)}</InfoRow>
            <InfoRow label={t('mine.receivedAt')}>
              {d.receivedAt ? formatDateTime(d.receivedAt) : t('mine.notReceived')}
            </InfoRow>
            <InfoRow label={t('mine.appointmentAt')}>{formatDateTime(d.appointmentAt)}</InfoRow>
            {d.completedAt && <InfoRow label={t('mine.completedAt')}>{formatDateTime(d.completedAt)}</InfoRow>}
            <InfoRow label={t('mine.receivingUnit')}>{d.receivingUnit.name}</InfoRow>
            <InfoRow label={t('mine.competentUnit')}>{d.competentUnit.name}</InfoRow>
            <InfoRow label={t('submit.totalFee')}>{formatVnd(d.fees.reduce((s, f) => s + f.amountVnd, 0))}</InfoRow>
          </Part>
          <PaymentCard
            code={d.code}
            returnedPaymentId={new URLSearchParams(window.location.search).get('thanh-toan')}
          />
          <DossierPapers dossier={d} />
          {/* Rating opens once processing has ended (the API refuses it before). */}
          {d.completedAt && <RatingCard code={d.code} />}
          <Part title={t('mine.history')}>
            <DossierTimeline events={d.events} />
          </Part>
        </>
      )}
    </article>
  );
}
