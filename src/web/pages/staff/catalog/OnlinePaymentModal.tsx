import { Form, Switch } from 'antd';
import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import type { DecisionDetail, ProcedureContent, ProcedureDetail } from '../../../types.js';
import { CHANNEL_KEY } from '../../portal/labels.js';
import { DecisionHeaderFields, type DecisionHeaderValues, decisionHeader } from './DecisionHeaderFields.js';

type Values = DecisionHeaderValues & { onlinePayment: Record<string, boolean> };

/**
 * Tích hợp thanh toán trực tuyến, channel by channel. A procedure version is what dossiers were
 * filed under and never changes, so the flag changes the way every content change does: a
 * publication decision amending the procedure with the current content and the new flags.
 */
export function OnlinePaymentModal({
  procedure,
  onClose,
  onSaved,
}: {
  procedure: ProcedureDetail;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const content = procedure.currentVersion.content as ProcedureContent;
  const amended = (flags: Record<string, boolean>): ProcedureContent => ({
    ...content,
    channels: content.channels.map((c) => ({ ...c, onlinePayment: flags[c.channel] ?? false })),
  });
  return (
    <FormModal<Values, DecisionDetail>
      title={t('pay.flag.edit')}
      width={640}
      intro={t('pay.flag.intro')}
      initialValues={{ onlinePayment: Object.fromEntries(content.channels.map((c) => [c.channel, c.onlinePayment])) }}
      onSubmit={(v) =>
        api<DecisionDetail>('/api/decisions', {
          method: 'POST',
          body: {
            ...decisionHeader(v),
            items: [{ changeKind: 'amended', nationalCode: procedure.nationalCode, content: amended(v.onlinePayment) }],
          },
        })
      }
      success={(d) => t('pay.flag.saved', { number: d.number })}
      onSaved={onSaved}
      onClose={onClose}
    >
      {content.channels.map((c) => {
        const label = t('pay.flag.channel', { channel: t(CHANNEL_KEY[c.channel]) });
        return (
          <Form.Item key={c.channel} name={['onlinePayment', c.channel]} label={label} valuePropName="checked">
            <Switch aria-label={label} data-testid={`online-payment-switch-${c.channel}`} />
          </Form.Item>
        );
      })}
      <DecisionHeaderFields />
    </FormModal>
  );
}
