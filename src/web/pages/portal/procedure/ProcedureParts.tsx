import { Typography } from 'antd';
import { type MessageKey, useT } from '../../../i18n/i18n.js';
import type { ProcedureContent, ProcedureDetail } from '../../../types.js';
import { ChannelOffers } from './ChannelOffers.js';
import { ComponentList } from './ComponentList.js';
import { Part } from './Part.js';

const APPLICANT_KEY: Record<ProcedureContent['applicantTypes'][number], MessageKey> = {
  citizen: 'applicantType.citizen',
  organisation: 'applicantType.organisation',
  foreigner: 'applicantType.foreigner',
  overseasVietnamese: 'applicantType.overseasVietnamese',
};

/** Many communes decide the same procedure: a long list folds away behind its count. */
function CompetentUnits({ units }: { units: ProcedureDetail['competentUnits'] }) {
  const t = useT();
  const list = (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {units.map((u) => (
        <li key={u.id}>{u.name}</li>
      ))}
    </ul>
  );
  if (units.length <= 6) return list;
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>{t('procedure.unitsMany', { count: units.length })}</summary>
      {list}
    </details>
  );
}

/** All the parts of a procedure as published (docs/domain/DOMAIN.md §3): the portal's page and the kiosk's. */
export function ProcedureParts({ procedure }: { procedure: ProcedureDetail }) {
  const t = useT();
  const content = procedure.currentVersion.content as ProcedureContent;
  return (
    <>
      {content.steps.length > 0 && (
        <Part title={t('procedure.steps')} testId="steps">
          <ol style={{ paddingLeft: 22, margin: 0 }}>
            {content.steps.map((step, i) => (
              <li key={i} style={{ marginBottom: 6 }}>
                {step}
              </li>
            ))}
          </ol>
        </Part>
      )}
      <Part title={t('procedure.channels')}>
        <ChannelOffers channels={procedure.channels} />
      </Part>
      <Part title={t('procedure.components')}>
        <ComponentList components={procedure.components} formFiles={procedure.formFiles} />
      </Part>
      <Part title={t('procedure.applicants')}>{content.applicantTypes.map((a) => t(APPLICANT_KEY[a])).join(', ')}</Part>
      <Part title={t('procedure.competentUnits')} testId="competent-units">
        <CompetentUnits units={procedure.competentUnits} />
      </Part>
      <Part title={t('procedure.result')}>
        {content.result.name}
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {[
            content.result.electronic && t('procedure.resultElectronic'),
            content.result.paper && t('procedure.resultPaper'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Part>
      {content.conditions && (
        <Part title={t('procedure.conditions')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
            {content.conditions}
          </Typography.Paragraph>
        </Part>
      )}
      {content.legalBasis.length > 0 && (
        <Part title={t('procedure.legalBasis')} testId="legal-basis">
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {content.legalBasis.map((law, i) => (
              <li key={i}>{law}</li>
            ))}
          </ul>
        </Part>
      )}
    </>
  );
}
