import { Form, Input, Typography } from 'antd';
import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { todayInVietnam } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { UnitDetail } from '../../../types.js';

interface Values {
  validTo: string;
  successorId?: string | null;
}

/** Close (or merge) a unit: it stays for old records, with its successor. */
export function CloseUnitModal({ unit, onClose, onSaved }: { unit: UnitDetail; onClose(): void; onSaved(): void }) {
  const t = useT();
  return (
    <FormModal<Values>
      title={`${t('units.close')}: ${unit.name}`}
      okText={t('units.close')}
      okButtonProps={{ danger: true }}
      intro={<Typography.Paragraph type="secondary">{t('units.close.help')}</Typography.Paragraph>}
      initialValues={{ validTo: todayInVietnam() }}
      onSubmit={(values) =>
        api(`/api/units/${unit.id}/close`, {
          method: 'POST',
          body: { version: unit.version, validTo: values.validTo, successorId: values.successorId ?? null },
        })
      }
      success={() => t('units.closed')}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item label={t('units.validTo')} name="validTo" rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('units.successor')} name="successorId">
        <UnitPicker />
      </Form.Item>
    </FormModal>
  );
}
