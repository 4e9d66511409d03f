import { Typography } from 'antd';
import { formatVnd } from '../../../../format.js';
import { useI18n } from '../../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../../types.js';
import { InfoRow } from '../../../portal/InfoRow.js';
import { timeLimitText } from '../../../portal/labels.js';
import { type Choices, isProvided } from '../../../portal/submit/model.js';

/** Lệ phí và thời hạn at the counter, and how many components the officer has in hand. */
export function CounterReview({ procedure, choices }: { procedure: ProcedureDetail; choices: Choices }) {
  const { t, lang } = useI18n();
  const offer = procedure.channels.find((c) => c.channel === 'counter');
  const total = offer?.fees.reduce((sum, f) => sum + f.amountVnd, 0) ?? 0;
  const provided = procedure.components.filter((c) => c.id && isProvided(choices[c.id])).length;
  return (
    <div data-testid="counter-review" style={{ maxWidth: 760 }}>
      <Typography.Title level={5}>{procedure.name}</Typography.Title>
      <InfoRow label={t('desk.wizard.components')}>
        {t('desk.wizard.provided', { provided, total: procedure.components.length })}
      </InfoRow>
      {offer && (
        <>
          <InfoRow label={t('desk.wizard.timeLimit')}>{timeLimitText(t, lang, offer.timeLimit)}</InfoRow>
          {offer.fees.map((f, i) => (
            <InfoRow key={i} label={f.name}>
              {formatVnd(f.amountVnd)}
            </InfoRow>
          ))}
          <InfoRow label={t('desk.wizard.totalFee')}>
            <strong data-testid="total-fee">{formatVnd(total)}</strong>
          </InfoRow>
        </>
      )}
    </div>
  );
}
