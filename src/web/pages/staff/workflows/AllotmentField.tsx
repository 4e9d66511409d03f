import { InputNumber, Select, Space } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { WorkflowStep } from '../../../types.js';

type Allotment = WorkflowStep['allotment'];

/**
 * Thời gian thực hiện: a value in working days (steps of 0.5, checked by the server) or working
 * hours. The arrows move by 1: a fractional step would show every value as "6.0".
 */
export function AllotmentField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Allotment;
  onChange(a: Allotment): void;
}) {
  const t = useT();
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        min={0}
        step={1}
        value={value.value}
        onChange={(v) => onChange({ ...value, value: v ?? 0 })}
        style={{ width: 110 }}
      />
      <Select
        aria-label={t('admin.cal.unit')}
        value={value.unit}
        style={{ width: 150 }}
        onChange={(unit) => onChange({ ...value, unit })}
        options={[
          { value: 'workingDays', label: t('admin.unit.workingDays') },
          { value: 'workingHours', label: t('admin.unit.workingHours') },
        ]}
      />
    </Space.Compact>
  );
}
