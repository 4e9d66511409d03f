import { Form, type FormInstance, Input, Radio, Select } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../types.js';
import { foldFilter } from '../fold.js';
import type { ApplicantValues } from './model.js';

/**
 * Người nộp hồ sơ: a person (name and 12-digit personal identifier) or an organization (name
 * and tax code), contacts, and where to file when several units decide the procedure. The
 * server checks the identifiers and answers in Vietnamese; here only what is missing is caught.
 */
export function ApplicantStep({
  form,
  procedure,
}: {
  form: FormInstance<ApplicantValues>;
  procedure: ProcedureDetail;
}) {
  const t = useT();
  const kind = Form.useWatch('kind', form);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const units = procedure.competentUnits;
  return (
    <>
      <Form.Item name="kind" label={t('submit.applicantKind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'citizen', label: t('submit.kind.citizen') },
            { value: 'organization', label: t('submit.kind.organization') },
          ]}
        />
      </Form.Item>
      {kind === 'organization' ? (
        <>
          <Form.Item name="name" label={t('submit.orgName')} rules={required}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item name="taxCode" label={t('submit.taxCode')} rules={required}>
            <Input inputMode="numeric" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="fullName" label={t('submit.fullName')} rules={required}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('submit.idNumber')} rules={required} extra={t('submit.idNumber.help')}>
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
        </>
      )}
      <Form.Item name="phone" label={t('submit.phone')}>
        <Input type="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('submit.email')}>
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name="address" label={t('submit.address')}>
        <Input autoComplete="street-address" />
      </Form.Item>
      {units.length > 1 && (
        <Form.Item
          name="competentUnitId"
          label={t('submit.competentUnit')}
          rules={[{ required: true, message: t('submit.competentUnit.required') }]}
        >
          <Select
            showSearch
            filterOption={foldFilter}
            placeholder={t('submit.competentUnit.placeholder')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}
