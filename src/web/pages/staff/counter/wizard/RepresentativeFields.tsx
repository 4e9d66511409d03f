import { Checkbox, Form, Input } from 'antd';
import { useT } from '../../../../i18n/i18n.js';

/**
 * Người đại diện / được ủy quyền (optional): who stands at the counter for the applicant. The
 * identifiers are checked by the server; the authority document itself is a component.
 */
export function RepresentativeFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const shown = Form.useWatch('withRepresentative', form) as boolean | undefined;
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <>
      <Form.Item name="withRepresentative" valuePropName="checked">
        <Checkbox>{t('desk.rep.toggle')}</Checkbox>
      </Form.Item>
      {shown && (
        <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px', marginBottom: 16 }}>
          <legend style={{ width: 'auto', padding: '0 8px', fontSize: 14 }}>{t('desk.rep.title')}</legend>
          <Form.Item name={['representative', 'fullName']} label={t('desk.rep.fullName')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name={['representative', 'idNumber']} label={t('desk.rep.idNumber')} rules={required}>
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
          <Form.Item name={['representative', 'phone']} label={t('desk.rep.phone')}>
            <Input type="tel" />
          </Form.Item>
          <Form.Item name={['representative', 'authority']} label={t('desk.rep.authority')}>
            <Input maxLength={300} />
          </Form.Item>
        </fieldset>
      )}
    </>
  );
}
