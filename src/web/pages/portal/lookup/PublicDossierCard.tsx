import { Tag, Typography } from 'antd';
import { formatDateTime, formatVnd } from '../../../format.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { PublicDossier } from '../../../types.js';
import { InfoRow } from '../InfoRow.js';
import { actionLabel, STATUS_COLOR, STATUS_KEY } from '../labels.js';
import { ON_TIME } from '../dossiers/timeState.js';

/**
 * What anyone holding the code may see (the server's allow-list): status, procedure, units,
 * dates, the masked applicant name, the steps with whether each ended on time. Vietnamese labels
 * come from the server; in English the status is translated here.
 */
export function PublicDossierCard({ dossier, large = false }: { dossier: PublicDossier; large?: boolean }) {
  const { t, lang } = useI18n();
  const status = lang === 'vi' ? dossier.status.label : t(STATUS_KEY[dossier.status.name]);
  return (
    <section
      data-testid="public-dossier"
      aria-label={t('lookup.result')}
      style={{
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
        padding: large ? 24 : 16,
        fontSize: large ? 20 : undefined,
      }}
    >
      <Typography.Text type="secondary">{t('lookup.code')}</Typography.Text>
      <Typography.Title level={3} style={{ marginTop: 0, overflowWrap: 'anywhere' }}>
        {dossier.code}
      </Typography.Title>
      <Tag
        color={STATUS_COLOR[dossier.status.name]}
        style={{ fontSize: large ? 20 : 14, padding: large ? '6px 12px' : '2px 8px' }}
        data-testid="public-status"
      >
        {status}
      </Tag>
      <div style={{ marginTop: 12 }}>
        <InfoRow label={t('lookup.applicant')}>
          <span data-testid="masked-name">{dossier.applicant.maskedName}</span>
        </InfoRow>
        <InfoRow label={t('lookup.procedure')}>{dossier.procedure.name}</InfoRow>
        <InfoRow label={t('mine.receivingUnit')}>{dossier.receivingUnit.name}</InfoRow>
        <InfoRow label={t('mine.competentUnit')}>{dossier.competentUnit.name}</InfoRow>
        <InfoRow label={t('mine.submittedAt')}>{formatDateTime(dossier.submittedAt)}</InfoRow>
        <InfoRow label={t('mine.receivedAt')}>
          {dossier.receivedAt ? formatDateTime(dossier.receivedAt) : t('mine.notReceived')}
        </InfoRow>
        <InfoRow label={t('mine.appointmentAt')}>{formatDateTime(dossier.appointmentAt)}</InfoRow>
        <InfoRow label={t('submit.totalFee')}>{formatVnd(dossier.totalFeeVnd)}</InfoRow>
        <InfoRow label={t('lookup.resultReady')}>{dossier.result.available ? t('common.yes') : t('common.no')}</InfoRow>
      </div>
      {dossier.steps.length > 0 && (
        <>
          <Typography.Title level={4} style={{ marginTop: 16, fontSize: '1.1em' }}>
            {t('mine.history')}
          </Typography.Title>
          <ol style={{ paddingLeft: 22, margin: 0 }}>
            {dossier.steps.map((s, i) => (
              <li key={i} style={{ marginBottom: 6 }}>
                <strong>{actionLabel(t, s.action, s.label)}</strong>
                {s.stepName && s.stepName !== s.label && ` — ${s.stepName}`}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.85em' }}>
                  {formatDateTime(s.at)}
                  {s.outcome && (
                    <Tag color={ON_TIME[s.outcome.result].color} style={{ marginLeft: 8 }}>
                      {t(ON_TIME[s.outcome.result].key)}
                    </Tag>
                  )}
                </Typography.Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
