/**
 * Importing a plan: the issuing unit, the source (text pasted from the PDF, XLSX, DOCX), the
 * preview of what was understood — the tree, the timeframes, the units matched and the names left
 * for review, each resolvable to a unit here — then saving it.
 */
import { App, Alert, Button, Card, Input, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiBody, ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import { Timeframe, Units } from './planLabels.js';

type Preview = Schema<'PlanImportPreview'>;
type Source = 'text' | 'xlsx' | 'docx';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export function PlanImport() {
  const t = useT();
  const { message } = App.useApp();
  const [unit, setUnit] = useState<string | null>(null);
  const [source, setSource] = useState<Source>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const runPreview = async () => {
    if (!unit) return;
    setError(null);
    setBusy(true);
    try {
      const body =
        source === 'text'
          ? { issuerUnitId: unit, source, text }
          : { issuerUnitId: unit, source, fileBase64: file ? await toBase64(file) : '' };
      setPreview(await api<Preview>('/api/plans/preview', { method: 'POST', body }));
      setChoices({});
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!preview || !unit) return;
    setError(null);
    setBusy(true);
    const resolve = (a: Preview['tasks'][number]['lead'][number]) =>
      a.unitId || a.collective ? a : { ...a, unitId: choices[a.label] ?? null };
    const h = preview.heading;
    const body: ApiBody<'/api/plans', 'post'> = {
      issuerUnitId: unit,
      source,
      issuerName: h.issuerName || '—',
      number: h.number,
      issuedOn: h.issuedOn,
      title: h.title || '—',
      legalBasis: h.legalBasis,
      periodFrom: h.periodFrom ?? `${new Date().getFullYear()}-01-01`,
      periodTo: h.periodTo ?? `${new Date().getFullYear()}-12-31`,
      tasks: preview.tasks.map((x) => ({
        number: x.number,
        title: x.title,
        timeframeText: x.timeframeText,
        expectedOutput: x.expectedOutput,
        notes: x.notes,
        lead: x.lead.map(resolve),
        coordinating: x.coordinating.map(resolve),
      })),
    };
    try {
      const plan = await api<ApiResponse<'/api/plans', 'post'>>('/api/plans', { method: 'POST', body });
      void message.success(t('plans.import.saved'));
      navigate(`/staff/plans/${plan.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('plans.import')} extra={<Button onClick={() => navigate('/staff/plans')}>{t('plans.back')}</Button>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <label htmlFor="plan-unit">{t('plans.import.unit')}</label>
          <UnitPicker id="plan-unit" value={unit} onChange={setUnit} placeholder={t('plans.import.unit')} />
        </div>
        <Radio.Group
          aria-label={t('plans.import.source')}
          value={source}
          onChange={(e) => setSource(e.target.value as Source)}
          options={(['text', 'xlsx', 'docx'] as const).map((s) => ({ value: s, label: t(`plans.import.source.${s}`) }))}
        />
        {source === 'text' ? (
          <Input.TextArea
            aria-label={t('plans.import.text')}
            placeholder={t('plans.import.text')}
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="plan-text"
          />
        ) : (
          <Upload
            accept={source === 'xlsx' ? '.xlsx' : '.docx'}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>{t('plans.import.file')}</Button>
          </Upload>
        )}
        <Button
          type="primary"
          onClick={() => void runPreview()}
          loading={busy}
          disabled={!unit}
          data-testid="plan-preview"
        >
          {t('plans.import.preview')}
        </Button>
        <ErrorAlert error={error} />
        {preview && (
          <PreviewView
            preview={preview}
            choices={choices}
            setChoices={setChoices}
            onSave={() => void save()}
            busy={busy}
          />
        )}
      </Space>
    </Card>
  );
}

function PreviewView(props: {
  preview: Preview;
  choices: Record<string, string | null>;
  setChoices: (c: Record<string, string | null>) => void;
  onSave: () => void;
  busy: boolean;
}) {
  const t = useT();
  const { preview, choices, setChoices } = props;
  const h = preview.heading;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-preview-result">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('plans.import.previewTitle', { count: preview.tasks.length })}
      </Typography.Title>
      <Typography.Text>
        {h.issuerName} — {h.number} — {h.title}
      </Typography.Text>
      {h.legalBasis && (
        <Typography.Text type="secondary">
          {t('plans.legalBasis')}: {h.legalBasis}
        </Typography.Text>
      )}
      {preview.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('plans.import.problems', { list: preview.problems.map((p) => p.number).join(', ') })}
        />
      )}
      {preview.unmatched.length > 0 && (
        <Card size="small" title={t('plans.import.unmatched')} data-testid="plan-unmatched">
          <Space direction="vertical" style={{ width: '100%' }}>
            {preview.unmatched.map((u) => (
              <div key={u.label}>
                <Typography.Text strong>{u.label}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  ({t('plans.import.unmatchedTasks', { list: u.numbers.join(', ') })})
                </Typography.Text>
                <UnitPicker
                  value={choices[u.label] ?? null}
                  onChange={(v) => setChoices({ ...choices, [u.label]: v })}
                  placeholder={u.label}
                />
              </div>
            ))}
          </Space>
        </Card>
      )}
      <Table<Preview['tasks'][number]>
        rowKey="number"
        size="small"
        pagination={false}
        scroll={{ x: 1000, y: 480 }}
        dataSource={preview.tasks}
        columns={[
          { title: t('plans.col.number'), dataIndex: 'number', width: 70 },
          {
            title: t('plans.col.task'),
            dataIndex: 'title',
            render: (title: string, x) => (x.kind === 'group' ? <strong>{title}</strong> : title),
          },
          { title: t('plans.col.lead'), width: 200, render: (_: unknown, x) => <Units units={x.lead} t={t} /> },
          {
            title: t('plans.col.coordinating'),
            width: 200,
            render: (_: unknown, x) => <Units units={x.coordinating} t={t} />,
          },
          {
            title: t('plans.col.timeframe'),
            width: 200,
            render: (_: unknown, x) => <Timeframe text={x.timeframeText} schedule={x.schedule} t={t} />,
          },
        ]}
      />
      <Button type="primary" onClick={props.onSave} loading={props.busy} data-testid="plan-save">
        {t('plans.import.save')}
      </Button>
    </Space>
  );
}
