import { Checkbox, Typography } from 'antd';
import { formatVnd } from '../../../format.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../types.js';
import { InfoRow as Row } from '../InfoRow.js';
import { timeLimitText } from '../labels.js';
import type { ApplicantValues, Choices } from './model.js';

interface Props {
  procedure: ProcedureDetail;
  applicant: ApplicantValues;
  choices: Choices;
  pledged: boolean;
  onPledge(value: boolean): void;
}

/** Everything that will be filed, the online channel's fees and time limit, and the pledge. */
export function ReviewStep({ procedure, applicant, choices, pledged, onPledge }: Props) {
  const { t, lang } = useI18n();
  const online = procedure.channels.find((c) => c.channel === 'online');
  const unit =
    procedure.competentUnits.find((u) => u.id === applicant.competentUnitId) ??
    (procedure.competentUnits.length === 1 ? procedure.competentUnits[0] : undefined);
  const total = online?.fees.reduce((sum, f) => sum + f.amountVnd, 0) ?? 0;
  const org = applicant.kind === 'organization';
  return (
    <div data-testid="review">
      <Typography.Title level={4}>{t('submit.step.applicant')}</Typography.Title>
      <Row label={org ? t('submit.orgName') : t('submit.fullName')}>{org ? applicant.name : applicant.fullName}</Row>
      <Row label={org ? t('submit.taxCode') : t('submit.idNumber')}>{org ? applicant.taxCode : applicant.idNumber}</Row>
      {applicant.phone && <Row label={t('submit.phone')}>{applicant.phone}</Row>}
      {applicant.email && <Row label={t('submit.email')}>{applicant.email}</Row>}
      {applicant.address && <Row label={t('submit.address')}>{applicant.address}</Row>}
      {unit && <Row label={t('submit.competentUnit')}>{unit.name}</Row>}

      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('submit.step.components')}
      </Typography.Title>
      {procedure.components.map((c) => {
        const choice = c.id ? choices[c.id] : undefined;
        const what =
          choice?.kind === 'store'
            ? t('submit.storeItem', { code: choice.item.sourceDossierCode })
            : choice?.kind === 'originalChecked'
              ? t('submit.originalChecked')
              : choice?.files.length
                ? choice.files.map((f) => f.originalName ?? f.id).join(', ')
                : t('submit.notProvided');
        return (
          <Row key={c.id ?? c.name} label={c.name}>
            {what}
          </Row>
        );
      })}

      {online && (
        <>
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('submit.feesAndTime')}
          </Typography.Title>
          <Row label={t('procedure.timeLimit')}>{timeLimitText(t, lang, online.timeLimit)}</Row>
          {online.fees.map((f, i) => (
            <Row key={i} label={f.name}>
              {formatVnd(f.amountVnd)}
            </Row>
          ))}
          <Row label={t('submit.totalFee')}>
            <strong>{formatVnd(total)}</strong>
          </Row>
        </>
      )}
      <Checkbox checked={pledged} onChange={(e) => onPledge(e.target.checked)} style={{ marginTop: 24 }}>
        {t('submit.pledge')}
      </Checkbox>
    </div>
  );
}
