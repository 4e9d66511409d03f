import { Card, Descriptions, Typography } from 'antd';
import { formatDate, formatDateTime, formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from './types.js';

/** Consultations, financial obligations and extensions, when the dossier has any. */
export function ProcessingCard({ dossier: d }: { dossier: DossierDetail }) {
  const t = useT();
  const consultations = d.consultations ?? [];
  const obligations = d.obligations ?? [];
  const extensions = d.extensions ?? [];
  if (consultations.length + obligations.length + extensions.length === 0) return null;
  return (
    <Card title={t('desk.processing.title')} size="small" data-testid="dossier-processing">
      {consultations.map((c) => (
        <Descriptions
          key={c.id}
          size="small"
          column={1}
          title={t('desk.processing.consultation', { unit: c.unitName })}
          style={{ marginBottom: 16 }}
        >
          <Descriptions.Item label={t('desk.action.question')}>{c.question}</Descriptions.Item>
          <Descriptions.Item label={t('desk.processing.dueAt')}>{formatDateTime(c.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('desk.action.answer')}>
            {c.answer ?? <Typography.Text type="warning">{t('desk.processing.unanswered')}</Typography.Text>}
            {c.answeredAt && ` (${formatDateTime(c.answeredAt)})`}
          </Descriptions.Item>
        </Descriptions>
      ))}
      {obligations.map((o) => (
        <Descriptions
          key={o.id}
          size="small"
          column={1}
          title={t('desk.action.obligation')}
          style={{ marginBottom: 16 }}
        >
          <Descriptions.Item label={o.description}>{formatVnd(o.amountVnd)}</Descriptions.Item>
          <Descriptions.Item label={t('desk.processing.paidAt')}>
            {o.paidAt ? formatDateTime(o.paidAt) : t('desk.processing.unpaid')}
          </Descriptions.Item>
        </Descriptions>
      ))}
      {extensions.map((x) => (
        <Descriptions
          key={x.createdAt}
          size="small"
          column={1}
          title={t('desk.processing.extension')}
          style={{ marginBottom: 16 }}
        >
          <Descriptions.Item label={t('desk.action.reason')}>{x.reason}</Descriptions.Item>
          <Descriptions.Item label={t('desk.action.newDate')}>
            {formatDateTime(x.previousAppointmentAt)} → {formatDateTime(x.newAppointmentAt)}
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}

/** A result's number, dates and signer under its name. */
export function resultDescription(r: NonNullable<DossierDetail['results']>[number], t: ReturnType<typeof useT>) {
  return t('desk.results.line', {
    number: r.number,
    issuedOn: formatDate(r.issuedOn),
    signer: r.signer,
    issuer: r.issuer,
  });
}
