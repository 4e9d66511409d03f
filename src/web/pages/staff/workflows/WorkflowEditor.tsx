import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  Descriptions,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { WorkflowDetail, WorkflowStep } from '../../../types.js';
import { useHolds } from '../scopes.js';
import { generalProblems, problemsOfStep } from './problems.js';
import { WorkflowStatusTag } from './StatusTag.js';
import { StepEditor } from './StepEditor.js';
import { TimeBudget } from './TimeBudget.js';
import { useLiveValidation } from './useLiveValidation.js';
import { WorkflowToolbar } from './WorkflowToolbar.js';

const newStep = (n: number): WorkflowStep => ({
  key: `buoc-${n}`,
  name: '',
  unitId: null,
  assignee: { role: 'processing_official' },
  allotment: { value: 1, unit: 'workingDays' },
  actions: ['forward'],
  next: [],
  returnTo: [],
  consultations: [],
});

/** One workflow version: its steps (editable while a draft), live problems and the time budget. */
export function WorkflowEditor({ id }: { id: string }) {
  const t = useT();
  const { message } = App.useApp();
  const loaded = useApiData(() => api<WorkflowDetail>(`/api/workflows/${id}`), [id]);
  const [workflow, setWorkflow] = useState<WorkflowDetail | null>(null);
  const [steps, setSteps] = useState<WorkflowStep[]>([]);
  const [name, setName] = useState('');
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canDraft = useHolds('catalog.manage');
  const editable = workflow?.status === 'draft' && canDraft;

  const reset = (w: WorkflowDetail) => {
    setWorkflow(w);
    setSteps(w.steps);
    setName(w.name);
    setDirty(false);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when a workflow (re)loads; reset is a new closure every render
  useEffect(() => {
    if (loaded.data) reset(loaded.data);
  }, [loaded.data]);

  const target = useMemo(
    () => ({ procedureId: workflow?.procedureId ?? '', unitId: workflow?.unitId ?? '' }),
    [workflow?.procedureId, workflow?.unitId],
  );
  const initial = workflow?.validation;
  const live = useLiveValidation(target, steps, initial ?? EMPTY, dirty);

  if (!workflow)
    return loaded.error ? (
      <ErrorAlert error={loaded.error} />
    ) : (
      <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />
    );

  const edit = (next: WorkflowStep[]) => {
    setSteps(next);
    setDirty(true);
  };
  const save = async () => {
    const saved = await api<WorkflowDetail>(`/api/workflows/${workflow.id}`, {
      method: 'PUT',
      body: { name, steps, updatedAt: workflow.updatedAt },
    });
    reset(saved);
    void message.success(t('common.saved'));
  };
  const validation = live.validation;
  const general = generalProblems(validation.problems);
  const keys = steps.map((s) => s.key);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to={`/staff/workflows?procedure=${workflow.procedureId}`}>{t('admin.wf.back')}</Link>
            <span>{`${workflow.nationalCode} · ${t('admin.wf.versionN', { n: workflow.versionNo })}`}</span>
            <WorkflowStatusTag status={workflow.status} />
          </Space>
        }
        extra={<WorkflowToolbar workflow={workflow} dirty={dirty} onSave={save} onChanged={reset} onError={setError} />}
      >
        <ErrorAlert error={error} />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('admin.wf.procedure')}>{workflow.procedureName}</Descriptions.Item>
          <Descriptions.Item label={t('admin.wf.unit')}>{workflow.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('admin.wf.approvalDeadline')}>
            {formatDate(workflow.compliance.approvalDeadline)}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.wf.activationDeadline')}>
            {formatDate(workflow.compliance.activationDeadline)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ConfigProvider componentDisabled={!editable}>
            <Form layout="vertical" component="div">
              <Form.Item label={t('admin.wf.name')} htmlFor="workflow-name">
                <Input
                  id="workflow-name"
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                    setDirty(true);
                  }}
                />
              </Form.Item>
              {steps.map((step, i) => (
                <StepEditor
                  key={i}
                  step={step}
                  index={i}
                  otherKeys={keys.filter((k) => k && k !== step.key)}
                  problems={problemsOfStep(validation.problems, i)}
                  onChange={(s) => edit(steps.map((x, j) => (j === i ? s : x)))}
                  onRemove={() => edit(steps.filter((_, j) => j !== i))}
                />
              ))}
              {editable && (
                <Button onClick={() => edit([...steps, newStep(steps.length + 1)])}>{t('admin.wf.addStep')}</Button>
              )}
            </Form>
          </ConfigProvider>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <ErrorAlert error={live.error} />
              <Alert
                type={validation.valid ? 'success' : 'error'}
                showIcon
                data-testid="workflow-verdict"
                message={
                  live.checking ? t('admin.wf.checking') : t(validation.valid ? 'admin.wf.valid' : 'admin.wf.invalid')
                }
                description={
                  general.length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="workflow-problems">
                      {general.map((p, i) => (
                        <li key={i}>
                          <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
                            {p.message}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  )
                }
              />
              <TimeBudget steps={steps} validation={validation} />
            </Space>
          </div>
        </Col>
      </Row>
    </Space>
  );
}

const EMPTY: WorkflowDetail['validation'] = {
  valid: true,
  problems: [],
  pathMinutes: null,
  longestPath: [],
  channels: [],
  minutesPerWorkingDay: 450,
};
