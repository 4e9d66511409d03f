import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { blankToNull } from '../../../components/forms.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import type { Unit, UnitDetail, UnitKind } from '../../../types.js';

/** Every unit kind, in the order offered (the Record keeps it complete). */
const KIND_ORDER: Record<UnitKind, number> = {
  province: 0,
  provincial_office: 1,
  service_centre: 2,
  department: 3,
  division: 4,
  commune: 5,
  commune_centre: 6,
  vertical_agency: 7,
  district: 8,
  other: 9,
};
const KINDS = (Object.keys(KIND_ORDER) as UnitKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

interface Values {
  parentId: string | null;
  name: string;
  shortName?: string;
  kind: UnitKind;
  officialCode: string;
  adminUnitCode?: string;
  address?: string;
  sortOrder?: number | null;
}

/** Create a unit, or edit one (PATCH with its version). */
export function UnitFormModal({
  unit,
  onClose,
  onSaved,
}: {
  unit?: UnitDetail;
  onClose(): void;
  onSaved(unit: Unit): void;
}) {
  const t = useT();
  const submit = (values: Values) => {
    const body = {
      parentId: values.parentId ?? null,
      name: values.name,
      shortName: blankToNull(values.shortName),
      kind: values.kind,
      officialCode: values.officialCode.trim(),
      adminUnitCode: blankToNull(values.adminUnitCode),
      address: blankToNull(values.address),
      ...(values.sortOrder != null ? { sortOrder: values.sortOrder } : {}),
    };
    return unit
      ? api<Unit>(`/api/units/${unit.id}`, { method: 'PATCH', body: { ...body, version: unit.version } })
      : api<Unit>('/api/units', { method: 'POST', body });
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<Values, Unit>
      title={unit ? t('units.edit') : t('units.add')}
      width={640}
      initialValues={
        unit
          ? {
              parentId: unit.parentId,
              name: unit.name,
              shortName: unit.shortName ?? undefined,
              kind: unit.kind,
              officialCode: unit.officialCode,
              adminUnitCode: unit.adminUnitCode ?? undefined,
              address: unit.address ?? undefined,
              sortOrder: unit.sortOrder,
            }
          : { kind: 'department' }
      }
      onSubmit={submit}
      success={(saved) => (unit ? t('common.saved') : t('units.created', { name: saved.name }))}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item label={t('units.parent')} name="parentId">
        <UnitPicker />
      </Form.Item>
      <Form.Item label={t('units.name')} name="name" rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label={t('units.shortName')} name="shortName">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('units.kind')} name="kind" rules={required}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('units.officialCode')}
        name="officialCode"
        rules={required}
        extra={t('units.officialCode.help')}
      >
        <Input placeholder="000.00.00.H91" />
      </Form.Item>
      <Form.Item label={t('units.adminUnitCode')} name="adminUnitCode">
        <Input maxLength={5} />
      </Form.Item>
      <Form.Item label={t('units.address')} name="address">
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label={t('units.sortOrder')} name="sortOrder">
        <InputNumber min={0} max={100000} />
      </Form.Item>
    </FormModal>
  );
}
