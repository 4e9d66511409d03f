import { Alert, Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import type { WorkflowProblem, WorkflowStep } from '../../../types.js';
import { AllotmentField } from './AllotmentField.js';
import { AssigneeField } from './AssigneeField.js';
import { ConsultationsEditor } from './ConsultationsEditor.js';

const ACTIONS = ['forward', 'return', 'consult', 'transfer'] as const;

interface Props {
  step: WorkflowStep;
  index: number;
  /** Keys of the other steps: what next and returnTo may name. */
  otherKeys: string[];
  problems: WorkflowProblem[];
  onChange(step: WorkflowStep): void;
  onRemove(): void;
}

/** One step of the workflow, every field labelled, with the server's problems for it on top. */
export function StepEditor({ step, index, otherKeys, problems, onChange, onRemove }: Props) {
  const t = useT();
  const id = `step-${index}`;
  const set = (patch: Partial<WorkflowStep>) => onChange({ ...step, ...patch });
  const keyOptions = otherKeys.map((k) => ({ value: k, label: k }));
  return (
    <Card
      size="small"
      title={`${index + 1}. ${step.name || t('admin.wf.newStep')}`}
      extra={
        <Button danger size="small" onClick={onRemove} aria-label={t('admin.wf.removeStep', { n: index + 1 })}>
          {t('desk.remove')}
        </Button>
      }
      data-testid={`step-${step.key}`}
      style={{ marginBottom: 12, borderColor: problems.some((p) => p.severity === 'error') ? '#ff4d4f' : undefined }}
    >
      {problems.map((p, i) => (
        <Alert
          key={i}
          type={p.severity === 'error' ? 'error' : 'warning'}
          showIcon
          message={p.message}
          style={{ marginBottom: 8 }}
          data-testid="step-problem"
        />
      ))}
      <Space wrap align="start">
        <Form.Item label={t('admin.wf.key')} htmlFor={`${id}-key`}>
          <Input
            id={`${id}-key`}
            value={step.key}
            onChange={(e) => set({ key: e.target.value })}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item label={t('admin.wf.stepName')} htmlFor={`${id}-name`}>
          <Input
            id={`${id}-name`}
            value={step.name}
            onChange={(e) => set({ name: e.target.value })}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item
          label={t('admin.wf.stepUnit')}
          htmlFor={`${id}-unit`}
          style={{ width: 280 }}
          extra={t('admin.wf.stepUnitHelp')}
        >
          <UnitPicker
            id={`${id}-unit`}
            placeholder={t('admin.wf.competentUnit')}
            value={step.unitId}
            onChange={(unitId) => set({ unitId })}
          />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item label={t('admin.wf.assignee')} htmlFor={`${id}-assignee`}>
          <AssigneeField id={`${id}-assignee`} value={step.assignee} onChange={(assignee) => set({ assignee })} />
        </Form.Item>
        <Form.Item label={t('admin.wf.allotment')} htmlFor={`${id}-allotment`}>
          <AllotmentField id={`${id}-allotment`} value={step.allotment} onChange={(allotment) => set({ allotment })} />
        </Form.Item>
      </Space>
      <Form.Item label={t('admin.wf.actions')}>
        <Checkbox.Group
          value={step.actions}
          onChange={(actions) => set({ actions: actions as WorkflowStep['actions'] })}
          options={ACTIONS.map((a) => ({ value: a, label: t(`admin.wf.action.${a}`) }))}
        />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item label={t('admin.wf.next')} htmlFor={`${id}-next`} extra={t('admin.wf.nextHelp')}>
          <Select
            id={`${id}-next`}
            mode="multiple"
            value={step.next}
            onChange={(next) => set({ next })}
            options={keyOptions}
            style={{ minWidth: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('admin.wf.returnTo')} htmlFor={`${id}-return`}>
          <Select
            id={`${id}-return`}
            mode="multiple"
            value={step.returnTo}
            onChange={(returnTo) => set({ returnTo })}
            options={keyOptions}
            style={{ minWidth: 220 }}
          />
        </Form.Item>
      </Space>
      <ConsultationsEditor
        idPrefix={`${id}-${step.key}`}
        value={step.consultations}
        onChange={(consultations) => set({ consultations })}
      />
    </Card>
  );
}
