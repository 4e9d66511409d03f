import { Typography } from 'antd';
import { formatVnd } from '../../../format.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../types.js';
import { CHANNEL_KEY, timeLimitText } from '../labels.js';

/** Cách thức thực hiện: per channel, the time limit and every fee (a fee of 0 ₫ says so). */
export function ChannelOffers({ channels }: { channels: ProcedureDetail['channels'] }) {
  const { t, lang } = useI18n();
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: 16 }}
      data-testid="channels"
    >
      {channels.map((offer) => (
        <div key={offer.channel} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 16 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t(CHANNEL_KEY[offer.channel])}
          </Typography.Text>
          <div>
            {t('procedure.timeLimit')}: <strong>{timeLimitText(t, lang, offer.timeLimit)}</strong>
          </div>
          <div style={{ marginTop: 4 }}>{t('procedure.fees')}:</div>
          {offer.fees.length === 0 ? (
            <Typography.Text type="secondary">{t('procedure.noFee')}</Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {offer.fees.map((fee, i) => (
                <li key={i}>
                  {fee.name}: <strong>{formatVnd(fee.amountVnd)}</strong>
                  {fee.note && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: '0.9em' }}>
                      {fee.note}
                    </Typography.Paragraph>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
