import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import type { DialogKind } from './actions.js';
import { FilePicker } from '../../portal/submit/FilePicker.js';
import { NextHandlerFields } from './NextHandlerFields.js';
import type { StoredFile } from '../../../types.js';
import { RETURN_CHANNELS } from './channels.js';
import type { DossierDetail } from './types.js';

const DATE_FORMAT = 'DD/MM/YYYY';

/** What a dialog needs to know of the dossier (a worklist row is enough for most actions). */
export type ActionTarget = Pick<DossierDetail, 'code' | 'version' | 'channel'> &
  Partial<Pick<DossierDetail, 'competentUnit' | 'consultations'>>;

/** The fields of one kind of action dialog (inside FormModal's Form). */
export function ActionFields({ kind, dossier }: { kind: DialogKind; dossier: ActionTarget }) {
  const t = useT();
  const required = [{ required: true, message: t('common.required') }];
  const note = (label = t('desk.action.note')) => (
    <Form.Item name="note" label={label} rules={kind === 'optionalNote' ? [] : required}>
      <Input.TextArea rows={4} maxLength={4000} showCount />
    </Form.Item>
  );

  switch (kind) {
    case 'confirm':
      return null;
    case 'forward':
      return <NextHandlerFields code={dossier.code} />;
    case 'note':
    case 'optionalNote':
      return note();
    case 'transfer':
      return (
        <>
          <Form.Item name="toUnitId" label={t('desk.action.toUnit')} rules={required}>
            <UnitPicker placeholder={t('desk.action.toUnit')} />
          </Form.Item>
          {note(t('desk.action.reason'))}
        </>
      );
    case 'consult':
      return (
        <>
          <Form.List name="consultations" initialValue={[{ workingDays: 3 }]}>
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="start" wrap>
                    <Form.Item
                      name={[row.name, 'unitId']}
                      label={t('desk.action.consultUnit')}
                      rules={required}
                      style={{ minWidth: 260 }}
                    >
                      <UnitPicker placeholder={t('desk.action.consultUnit')} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'workingDays']} label={t('desk.action.workingDays')} rules={required}>
                      <InputNumber min={0.5} max={60} step={0.5} />
                    </Form.Item>
                    {rows.length > 1 && (
                      <Button type="link" onClick={() => remove(row.name)} style={{ marginTop: 30 }}>
                        {t('desk.remove')}
                      </Button>
                    )}
                  </Space>
                ))}
                <Button onClick={() => add({ workingDays: 3 })} style={{ marginBottom: 16 }}>
                  {t('desk.action.addUnit')}
                </Button>
              </>
            )}
          </Form.List>
          {note(t('desk.action.question'))}
        </>
      );
    case 'answer':
      return (
        <>
          <Form.Item name="consultationId" label={t('desk.action.consultation')} rules={required}>
            <Select
              aria-label={t('desk.action.consultation')}
              options={(dossier.consultations ?? [])
                .filter((c) => !c.answeredAt)
                .map((c) => ({ value: c.id, label: `${c.unitName}: ${c.question}` }))}
            />
          </Form.Item>
          {note(t('desk.action.answer'))}
        </>
      );
    case 'apologize':
      return (
        <>
          {note(t('desk.action.reason'))}
          <Form.Item name="newAppointmentDate" label={t('desk.action.newDate')} rules={required}>
            <DatePicker format={DATE_FORMAT} aria-label={t('desk.action.newDate')} />
          </Form.Item>
        </>
      );
    case 'payment':
      return (
        <>
          <Form.Item name="description" label={t('desk.action.obligation')} rules={required}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="amountVnd" label={t('desk.action.amount')} rules={required}>
            <InputNumber<number>
              min={0}
              step={1000}
              style={{ width: 220 }}
              formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
              parser={(v) => Number((v ?? '').replace(/\./g, ''))}
              addonAfter="₫"
            />
          </Form.Item>
        </>
      );
    case 'confirmPayment':
      return (
        <Form.Item name="receiptNumber" label={t('desk.action.receiptNumber')}>
          <Input maxLength={100} />
        </Form.Item>
      );
    case 'returnResult':
      return (
        <Form.Item
          name="resultChannel"
          label={t('desk.action.resultChannel')}
          rules={required}
          initialValue={dossier.channel}
        >
          <Select
            aria-label={t('desk.action.resultChannel')}
            options={RETURN_CHANNELS.map((c) => ({ value: c, label: t(`desk.return.${c}`) }))}
          />
        </Form.Item>
      );
    case 'sign':
      return <SignFields dossier={dossier} />;
  }
}

/**
 * Phê duyệt, ký kết quả: the result document to sign and what is written on it. The signer and
 * the certificate come from the remote signature itself (SignResultDialog), not from typing.
 */
function SignFields({ dossier }: { dossier: ActionTarget }) {
  const t = useT();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item
        name="files"
        label={t('desk.sign.file')}
        rules={[{ required: true, type: 'array', min: 1, message: t('desk.sign.fileRequired') }]}
        extra={t('desk.sign.fileHelp')}
      >
        <FilesField label={t('desk.sign.file')} />
      </Form.Item>
      <Form.Item name="number" label={t('desk.sign.number')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="issuedOn" label={t('desk.sign.issuedOn')} rules={required}>
          <DatePicker format={DATE_FORMAT} aria-label={t('desk.sign.issuedOn')} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('desk.sign.validUntil')}>
          <DatePicker format={DATE_FORMAT} aria-label={t('desk.sign.validUntil')} />
        </Form.Item>
      </Space>
      <Form.Item
        name="issuer"
        label={t('desk.sign.issuer')}
        rules={required}
        initialValue={dossier.competentUnit?.name}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="paperCopy" valuePropName="checked">
        <Checkbox>{t('desk.sign.paperCopy')}</Checkbox>
      </Form.Item>
      {/* Approving moves the dossier on: to whom, with what comment. */}
      <NextHandlerFields code={dossier.code} />
    </>
  );
}

/** The file picker as a form control (value/onChange from Form.Item). */
export function FilesField({
  label,
  value = [],
  onChange,
}: {
  label: string;
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
}) {
  return <FilePicker label={label} files={value} onChange={(files) => onChange?.(files)} />;
}
