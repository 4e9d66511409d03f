import { Descriptions, Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { Applicant, DossierDetail } from './types.js';

const POPULATION_COLOR = { verified: 'green', notFound: 'orange', unavailable: 'default' } as const;

/**
 * Người nộp hồ sơ as filed (staff of the dossier's units see it whole), with what the population
 * database (CSDLQG về dân cư) answered at intake when the procedure is connected to it: the
 * official sees whether the identity was verified or must be checked on the papers.
 */
export function ApplicantView({
  applicant: a,
  populationCheck,
}: {
  applicant: Applicant;
  populationCheck: DossierDetail['populationCheck'];
}) {
  const t = useT();
  const none = t('common.none');
  return (
    <Descriptions size="small" bordered column={1} data-testid="applicant">
      {a.kind === 'citizen' ? (
        <>
          <Descriptions.Item label={t('desk.applicant.fullName')}>{a.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('desk.applicant.idNumber')}>{a.idNumber}</Descriptions.Item>
          {populationCheck && (
            <Descriptions.Item label={t('desk.applicant.population')}>
              <Tag color={POPULATION_COLOR[populationCheck]} data-testid="population-check">
                {t(`desk.applicant.population.${populationCheck}`)}
              </Tag>
            </Descriptions.Item>
          )}
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
          {a.representative.fullName} ({a.representative.idNumber})
          {a.representative.phone ? `, ${a.representative.phone}` : ''}
          {a.representative.authority ? ` — ${a.representative.authority}` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
