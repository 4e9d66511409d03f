import { Form, Input, Select } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import type { FeedbackDetail } from '../../../types.js';
import { type FeedbackInput, sendFeedback } from '../../portal/feedback/feedbackApi.js';
import { channelKey } from '../../portal/feedback/labels.js';
import { AboutFields } from '../../portal/feedback/AboutFields.js';

interface Values {
  /** How it reached the officer (the portal's own channel is the citizens'). */
  channel: Exclude<FeedbackInput['channel'], 'portal'>;
  title: string;
  content: string;
  name: string;
  phone?: string;
  dossierCode?: string;
  procedureId?: string;
}

const clean = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Feedback received at the counter, by phone or by mail, entered by the one-stop officer. */
export function NewFeedbackModal({ onClose, onCreated }: { onClose(): void; onCreated(item: FeedbackDetail): void }) {
  const t = useT();
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <FormModal<Values, FeedbackDetail>
      title={t('fb.desk.newTitle')}
      okText={t('fb.desk.new')}
      width={680}
      initialValues={{ channel: 'counter' }}
      onSubmit={(v) =>
        sendFeedback({
          channel: v.channel,
          title: v.title.trim(),
          content: v.content.trim(),
          submitter: { name: v.name.trim(), phone: clean(v.phone) },
          anonymous: false,
          dossierCode: clean(v.dossierCode)?.toUpperCase(),
          procedureId: v.procedureId,
        })
      }
      success={(item) => t('fb.desk.created', { code: item.code })}
      onSaved={onCreated}
      onClose={onClose}
    >
      <Form.Item name="channel" label={t('fb.col.channel')} rules={[{ required: true }]}>
        <Select options={(['counter', 'phone', 'mail'] as const).map((c) => ({ value: c, label: t(channelKey(c)) }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('fb.form.title')}
        rules={[required, { min: 5, message: t('fb.form.min', { n: 5 }) }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('fb.form.content')}
        rules={[required, { min: 10, message: t('fb.form.min', { n: 10 }) }]}
      >
        <Input.TextArea rows={5} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="name" label={t('fb.form.name')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('fb.form.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <AboutFields />
    </FormModal>
  );
}
