import { Button, Form, Input, Space } from 'antd';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import type { WorkflowStep } from '../../../types.js';
import { AllotmentField } from './AllotmentField.js';

type Consultation = WorkflowStep['consultations'][number];

/** Bước xin ý kiến song song of one step: each its own key, unit and allotment. */
export function ConsultationsEditor({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: Consultation[];
  onChange(c: Consultation[]): void;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<Consultation>) =>
    onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('admin.wf.consultations')}</legend>
      {value.map((c, i) => {
        const id = `${idPrefix}-c${i}`;
        return (
          <Space key={i} wrap align="end" style={{ marginBottom: 8 }}>
            <Form.Item label={t('admin.wf.key')} htmlFor={`${id}-key`} style={{ marginBottom: 0 }}>
              <Input
                id={`${id}-key`}
                value={c.key}
                onChange={(e) => set(i, { key: e.target.value })}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item label={t('admin.wf.stepName')} htmlFor={`${id}-name`} style={{ marginBottom: 0 }}>
              <Input
                id={`${id}-name`}
                value={c.name}
                onChange={(e) => set(i, { name: e.target.value })}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item
              label={t('admin.wf.consultedUnit')}
              htmlFor={`${id}-unit`}
              style={{ marginBottom: 0, width: 260 }}
            >
              <UnitPicker id={`${id}-unit`} value={c.unitId} onChange={(u) => set(i, { unitId: u ?? '' })} />
            </Form.Item>
            <Form.Item label={t('admin.wf.allotment')} htmlFor={`${id}-allot`} style={{ marginBottom: 0 }}>
              <AllotmentField id={`${id}-allot`} value={c.allotment} onChange={(allotment) => set(i, { allotment })} />
            </Form.Item>
            <Button danger onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('desk.remove')}
            </Button>
          </Space>
        );
      })}
      <Button
        size="small"
        onClick={() =>
          onChange([
            ...value,
            {
              key: `${idPrefix.split('-').pop()}-yk${value.length + 1}`,
              name: '',
              unitId: '',
              allotment: { value: 1, unit: 'workingDays' },
            },
          ])
        }
      >
        {t('admin.wf.addConsultation')}
      </Button>
    </fieldset>
  );
}
