import { Alert, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api.js';
import type { Schema } from '../../../api/types.js';
import { useApiData } from '../../../components/useApiData.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import { dossierPath } from './dossierApi.js';

type NextStep = Schema<'DossierNextHandlers'>['steps'][number];

/**
 * Chuyển bước / phê duyệt: the step it goes to (asked only when there are several), the official
 * who takes it — the server's default (the least loaded) preselected, each with their load — and
 * the comment the timeline shows.
 */
export function NextHandlerFields({ code }: { code: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const loaded = useApiData(
    () => api<Schema<'DossierNextHandlers'>>(`${dossierPath(code)}/next-handlers`).then((r) => r.steps),
    [code],
  );
  const steps = loaded.data ?? [];
  const toStep: string | undefined = Form.useWatch('toStep', form);
  const step: NextStep | undefined = steps.length === 1 ? steps[0] : steps.find((s) => s.key === toStep);

  // The default arrives after the dialog opened: preselect it unless the official already chose.
  useEffect(() => {
    if (step && !form.isFieldTouched('assigneeUserId'))
      form.setFieldValue('assigneeUserId', step.defaultUserId ?? undefined);
  }, [step, form]);

  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <ErrorAlert error={loaded.error} />
      {steps.length > 1 && (
        <Form.Item name="toStep" label={t('desk.next.step')} rules={required}>
          <Select aria-label={t('desk.next.step')} options={steps.map((s) => ({ value: s.key, label: s.name }))} />
        </Form.Item>
      )}
      {step && step.handlers.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('desk.next.nobody')} />
      )}
      {step && step.handlers.length > 0 && (
        <Form.Item
          name="assigneeUserId"
          label={t('desk.next.handler')}
          extra={t('desk.next.handlerHelp', { step: step.name })}
        >
          <Select
            aria-label={t('desk.next.handler')}
            data-testid="next-handler"
            loading={loaded.loading}
            options={step.handlers.map((h) => ({
              value: h.userId,
              label: t(h.userId === step.defaultUserId ? 'desk.next.optionDefault' : 'desk.next.option', {
                name: h.fullName,
                count: h.openDossiers,
              }),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('desk.next.comment')}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
    </>
  );
}
