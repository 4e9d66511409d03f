import { Button, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import type { FeedbackDetail, StoredFile } from '../../../types.js';
import { FilePicker } from '../submit/FilePicker.js';
import { AboutFields, Columns } from './AboutFields.js';
import type { VerifiedContact } from './ContactVerify.js';
import { type FeedbackInput, sendFeedback } from './feedbackApi.js';

interface Values {
  title: string;
  content: string;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  dossierCode?: string;
  procedureId?: string;
  anonymous?: boolean;
}

export interface Prefill {
  name?: string;
  phone?: string | null;
  email?: string | null;
  dossierCode?: string;
}

const clean = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The body POST /api/feedback wants from the form (empty optional fields left out). */
export function feedbackBody(v: Values, files: StoredFile[], verified: VerifiedContact | null): FeedbackInput {
  const contact = verified?.contact;
  return {
    channel: 'portal',
    title: v.title.trim(),
    content: v.content.trim(),
    // A verified contact replaces whatever was typed: the server keeps the verified one.
    submitter: {
      name: v.name.trim(),
      phone: contact && 'phone' in contact ? contact.phone : clean(v.phone),
      email: contact && 'email' in contact ? contact.email : clean(v.email),
      address: clean(v.address),
    },
    anonymous: v.anonymous ?? false,
    dossierCode: clean(v.dossierCode)?.toUpperCase(),
    procedureId: v.procedureId,
    ...(files.length > 0 ? { fileIds: files.map((f) => f.id) } : {}),
    ...(verified ? { contactToken: verified.token } : {}),
  };
}

/**
 * The feedback itself: what about (title, text, optionally a dossier or procedure), who sends it,
 * attachments for signed-in citizens (uploads need an account), and the wish to stay anonymous.
 */
export function FeedbackForm({
  prefill,
  verified,
  onSent,
}: {
  prefill: Prefill;
  verified: VerifiedContact | null;
  onSent(item: FeedbackDetail): void;
}) {
  const t = useT();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signedIn = verified === null;
  const min = (n: number) => ({ min: n, message: t('fb.form.min', { n }) });

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onSent(await sendFeedback(feedbackBody(values, files, verified)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // The verified contact is shown, not editable (the server would replace an edit anyway).
  const contact = verified?.contact;
  const lockedPhone = !!contact && 'phone' in contact;
  const lockedEmail = !!contact && 'email' in contact;
  const initial = {
    name: prefill.name,
    phone: contact && 'phone' in contact ? contact.phone : (prefill.phone ?? undefined),
    email: contact && 'email' in contact ? contact.email : (prefill.email ?? undefined),
    dossierCode: prefill.dossierCode,
  };
  return (
    <Form<Values>
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
      style={{ maxWidth: 720 }}
      data-testid="feedback-form"
    >
      <Form.Item
        name="title"
        label={t('fb.form.title')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, min(5)]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('fb.form.content')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, min(10)]}
      >
        <Input.TextArea rows={6} maxLength={10_000} showCount />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('fb.form.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={200} autoComplete="name" />
      </Form.Item>
      <Columns>
        <Form.Item name="phone" label={t('fb.form.phone')}>
          <Input type="tel" maxLength={20} autoComplete="tel" disabled={lockedPhone} />
        </Form.Item>
        <Form.Item name="email" label={t('fb.form.email')} rules={[{ type: 'email' }]}>
          <Input type="email" maxLength={200} autoComplete="email" disabled={lockedEmail} />
        </Form.Item>
      </Columns>
      <Form.Item name="address" label={t('fb.form.address')}>
        <Input maxLength={500} autoComplete="street-address" />
      </Form.Item>
      <Typography.Title level={5}>{t('fb.form.about')}</Typography.Title>
      <AboutFields />
      {signedIn && (
        <Form.Item label={t('fb.form.files')} extra={t('fb.form.filesHint')}>
          <FilePicker label={t('fb.form.files')} files={files} onChange={setFiles} />
        </Form.Item>
      )}
      <Form.Item name="anonymous" valuePropName="checked">
        <Checkbox>{t('fb.form.anonymous')}</Checkbox>
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" size="large" loading={busy}>
        {t('fb.form.submit')}
      </Button>
    </Form>
  );
}
