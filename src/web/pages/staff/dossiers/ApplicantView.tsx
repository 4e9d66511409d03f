import { Descriptions } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { Applicant } from './types.js';

/** Người nộp hồ sơ as filed (staff of the dossier's units see it whole). */
export function ApplicantView({ applicant: a }: { applicant: Applicant }) {
  const t = useT();
  const none = t('common.none');
  return (
    <Descriptions size="small" bordered column={1} data-testid="applicant">
      {a.kind === 'citizen' ? (
        <>
          <Descriptions.Item label={t('desk.applicant.fullName')}>{a.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('desk.applicant.idNumber')}>{a.idNumber}</Descriptions.Item>
        </>
      ) : (
        <>
          <Descriptions.Item label={t('desk.applicant.orgName')}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={t('desk.applicant.taxCode')}>{a.taxCode}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('desk.applicant.phone')}>{a.phone ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('desk.applicant.email')}>{a.email ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('desk.applicant.address')}>{a.address ?? none}</Descriptions.Item>
      {a.representative && (
        <Descriptions.Item label={t('desk.applicant.representative')}>
          {a.representative.fullName} ({a.representative.idNumber}){a.representative.phone ? `, ${a.representative.phone}` : ''}
          {a.representative.authority ? ` — ${a.representative.authority}` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
