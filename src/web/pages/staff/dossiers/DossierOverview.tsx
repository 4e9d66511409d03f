import { Descriptions } from 'antd';
import { formatDateTime, formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from './types.js';

/** Thông tin chung: procedure, channel, units, dates, current step, fees. */
export function DossierOverview({ dossier: d }: { dossier: DossierDetail }) {
  const t = useT();
  const fees = d.fees.reduce((sum, f) => sum + f.amountVnd, 0);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="dossier-overview">
      <Descriptions.Item label={t('desk.dossier.procedure')} span={2}>
        {d.procedure.name} ({d.procedure.nationalCode})
      </Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.channel')}>{t(`channel.${d.channel}`)}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.fees')}>{formatVnd(fees)}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.receivingUnit')}>{d.receivingUnit.name}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.competentUnit')}>{d.competentUnit.name}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.submittedAt')}>{formatDateTime(d.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.appointment')}>{formatDateTime(d.appointmentAt)}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.completedAt')}>{formatDateTime(d.completedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.currentStep')}>
        {d.currentStep?.name ?? d.currentStepKey ?? t('common.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('desk.dossier.stepDue')}>{formatDateTime(d.currentStep?.dueAt)}</Descriptions.Item>
    </Descriptions>
  );
}
