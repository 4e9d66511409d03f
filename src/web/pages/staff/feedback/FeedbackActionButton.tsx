import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../components/errors.js';
import { FormModal } from '../../../components/FormModal.js';
import { useVersionConflict } from '../../../components/useVersionConflict.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { type MessageKey, useT } from '../../../i18n/i18n.js';
import type { FeedbackActionName, FeedbackDetail } from '../../../types.js';
import { actOnFeedback } from '../../portal/feedback/feedbackApi.js';
import { actionKey, categoryKey } from '../../portal/feedback/labels.js';

interface Values {
  category?: NonNullable<FeedbackDetail['category']>;
  unitId?: string;
  note?: string;
}

/** What each action asks for: publish only a confirmation; the others a text and/or a unit. */
const NEEDS: Record<FeedbackActionName, { unit?: boolean; category?: boolean; note?: MessageKey }> = {
  classify: { category: true, unit: true },
  transfer: { unit: true, note: 'fb.action.reason' },
  requestSupplement: { note: 'fb.action.note' },
  supply: { note: 'fb.action.note' },
  refuse: { note: 'fb.action.reason' },
  answer: { note: 'fb.action.answerText' },
  publish: {},
};
const PRIMARY = new Set<FeedbackActionName>(['classify', 'answer', 'publish']);
const DANGER = new Set<FeedbackActionName>(['refuse']);

/**
 * One action as a button and its dialog, sent with the version read with the item. A 409 (someone
 * acted first, or the state moved on) shows the server's message and reloads the item.
 */
export function FeedbackActionButton({
  item,
  action,
  onChanged,
}: {
  item: FeedbackDetail;
  action: FeedbackActionName;
  onChanged(next: FeedbackDetail | null): void;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const needs = NEEDS[action];
  const name = t(actionKey(action));
  const danger = DANGER.has(action);

  const conflict = useVersionConflict(
    () => setOpen(false),
    () => onChanged(null),
  );
  const send = async (values: Values) => {
    try {
      return await actOnFeedback(item, action, { ...values, note: values.note?.trim() });
    } catch (e) {
      conflict(e);
      throw e;
    }
  };
  const confirm = () =>
    modal.confirm({
      title: t('fb.action.confirm', { action: name, code: item.code }),
      okText: name,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          onChanged(await actOnFeedback(item, action));
          void message.success(t('fb.action.done', { action: name }));
        } catch (e) {
          if (!conflict(e)) void message.error(errorText(e, t));
        }
      },
    });
  const required = { required: true, message: t('common.required') };
  const simple = !needs.note && !needs.unit;

  return (
    <>
      <Button
        type={PRIMARY.has(action) ? 'primary' : 'default'}
        danger={danger}
        onClick={() => (simple ? confirm() : setOpen(true))}
      >
        {name}
      </Button>
      {open && (
        <FormModal<Values, FeedbackDetail>
          title={`${name} — ${item.code}`}
          okText={name}
          okButtonProps={{ danger }}
          width={620}
          initialValues={action === 'classify' && item.category ? { category: item.category } : undefined}
          onSubmit={send}
          success={() => t('fb.action.done', { action: name })}
          onSaved={(next) => {
            setOpen(false);
            onChanged(next);
          }}
          onClose={() => setOpen(false)}
        >
          {needs.category && (
            <Form.Item name="category" label={t('fb.action.category')} rules={[required]}>
              <Select
                options={(['regulation', 'conduct'] as const).map((c) => ({ value: c, label: t(categoryKey(c)) }))}
              />
            </Form.Item>
          )}
          {needs.unit && (
            <Form.Item name="unitId" label={t('fb.action.unit')} rules={[required]}>
              <UnitPicker placeholder={t('fb.action.unit')} />
            </Form.Item>
          )}
          {needs.note && (
            <Form.Item name="note" label={t(needs.note)} rules={[{ ...required, whitespace: true }]}>
              <Input.TextArea rows={action === 'answer' ? 8 : 4} maxLength={10_000} />
            </Form.Item>
          )}
        </FormModal>
      )}
    </>
  );
}
