import { DatePicker, Form, Input } from 'antd';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';

interface Picked {
  format(pattern: string): string;
}

/** The form values of a decision's header (dates as antd's DatePicker gives them). */
export interface DecisionHeaderValues {
  number: string;
  signer: string;
  issuingUnitId: string;
  signedDate: Picked;
  effectiveDate: Picked;
  legalBasisEffectiveDate?: Picked | null;
  nationalPublishedDate?: Picked | null;
}

const iso = (d: Picked | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The header as POST /api/decisions and POST /api/catalog/imports (its query) take it. */
export function decisionHeader(v: DecisionHeaderValues) {
  return {
    number: v.number.trim(),
    signer: v.signer.trim(),
    issuingUnitId: v.issuingUnitId,
    signedDate: iso(v.signedDate)!,
    effectiveDate: iso(v.effectiveDate)!,
    legalBasisEffectiveDate: iso(v.legalBasisEffectiveDate),
    nationalPublishedDate: iso(v.nationalPublishedDate),
  };
}

/** Số, người ký, cơ quan ban hành and the dates: shared by a new decision and an import. */
export function DecisionHeaderFields() {
  const t = useT();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item
        name="number"
        label={t('admin.dec.number')}
        rules={[{ ...required[0], whitespace: true }]}
        extra={t('admin.dec.numberHelp')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="signer" label={t('admin.dec.signer')} rules={[{ ...required[0], whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="issuingUnitId" label={t('admin.dec.issuingUnit')} rules={required}>
        <UnitPicker placeholder={t('admin.dec.issuingUnit')} />
      </Form.Item>
      <Form.Item name="signedDate" label={t('admin.dec.signedDate')} rules={required}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="effectiveDate" label={t('admin.dec.effectiveDate')} rules={required}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="legalBasisEffectiveDate" label={t('admin.dec.legalBasis')}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="nationalPublishedDate" label={t('admin.dec.nationalPublished')}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
    </>
  );
}
