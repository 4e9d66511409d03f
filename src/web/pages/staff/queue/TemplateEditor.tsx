import {
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { FormModal } from '../../../components/FormModal.js';
import { useApiData } from '../../../components/useApiData.js';
import { type MessageKey, useT } from '../../../i18n/i18n.js';
import type { ProcedureField, QueueTemplateEntry } from '../../../types.js';
import type { ApiResponse, Schema } from '../../../api/types.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NEW_ENTRY: Partial<QueueTemplateEntry> = {
  weekdays: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '11:00',
  minutes: 30,
  capacity: 5,
};

/** The problems a 422 QUEUE_TEMPLATE_INVALID lists (line and message), under the error itself. */
function TemplateProblems({ error }: { error: unknown }) {
  const problems =
    error instanceof ApiError
      ? (error.details as { problems?: { path: string; message: string }[] } | undefined)?.problems
      : undefined;
  if (!problems?.length) return null;
  return (
    <ul data-testid="template-problems" style={{ color: '#a8071a', marginTop: 0 }}>
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`}>{`${Number(p.path.split('.')[1] ?? 0) + 1}: ${p.message}`}</li>
      ))}
    </ul>
  );
}

/**
 * A unit's weekly template (mẫu khung giờ): one line per counter group (field), weekdays, a time
 * range, slot length and places per slot. Every change saves the whole template (PUT), so the
 * server checks it all at once — working hours, overlaps — and a refusal leaves it as it was.
 */
export function TemplateEditor({ unitId }: { unitId: string }) {
  const t = useT();
  const template = useApiData(() => api<Schema<'QueueTemplate'>>(`/api/queue/units/${unitId}/template`), [unitId]);
  const fields = useApiData(() => api<ApiResponse<'/api/procedure-fields'>>('/api/procedure-fields'), []);
  const [editing, setEditing] = useState<{ index: number; entry: Partial<QueueTemplateEntry> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const entries = template.data?.entries ?? [];
  const fieldName = (code: string) => fields.data?.items.find((f) => f.code === code)?.name ?? code;

  const save = async (next: QueueTemplateEntry[]) => {
    setError(null);
    const saved = await api<Schema<'QueueTemplate'>>(`/api/queue/units/${unitId}/template`, {
      method: 'PUT',
      body: { entries: next },
    });
    template.reload();
    return saved;
  };
  const remove = (index: number) => save(entries.filter((_, i) => i !== index)).catch(setError);

  return (
    <Card
      title={t('qs.template')}
      extra={
        <Button
          disabled={!template.data || !fields.data}
          onClick={() => setEditing({ index: entries.length, entry: NEW_ENTRY })}
        >
          {t('qs.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('qs.template.hint')}</Typography.Paragraph>
      <ErrorAlert error={template.error ?? error} />
      <TemplateProblems error={error} />
      {template.loading && !template.data ? (
        <Spin />
      ) : entries.length === 0 ? (
        <Empty description={t('qs.template.empty')} />
      ) : (
        <Table<QueueTemplateEntry & { index: number }>
          size="small"
          pagination={false}
          scroll={{ x: true }}
          rowKey="index"
          data-testid="template-table"
          dataSource={entries.map((e, index) => ({ ...e, index }))}
          columns={[
            { title: t('qs.field'), key: 'field', render: (_, e) => fieldName(e.fieldCode) },
            {
              title: t('qs.weekdays'),
              key: 'weekdays',
              render: (_, e) => e.weekdays.map((d) => t(`qs.wd.${d}` as MessageKey)).join(', '),
            },
            { title: t('qs.times'), key: 'times', render: (_, e) => `${e.start}–${e.end}` },
            { title: t('qs.minutes'), dataIndex: 'minutes' },
            { title: t('qs.capacity'), dataIndex: 'capacity' },
            {
              key: 'actions',
              render: (_, e) => (
                <Space>
                  <Button size="small" onClick={() => setEditing({ index: e.index, entry: e })}>
                    {t('qs.edit')}
                  </Button>
                  <Popconfirm title={t('qs.removeConfirm')} onConfirm={() => remove(e.index)}>
                    <Button size="small" danger>
                      {t('qs.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <EntryModal
          title={t(editing.index < entries.length ? 'qs.entry.edit' : 'qs.entry.new')}
          entry={editing.entry}
          fields={fields.data?.items ?? []}
          onSubmit={(entry) =>
            save(
              entries.length > editing.index
                ? entries.map((e, i) => (i === editing.index ? entry : e))
                : [...entries, entry],
            )
          }
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function EntryModal({
  title,
  entry,
  fields,
  onSubmit,
  onClose,
}: {
  title: string;
  entry: Partial<QueueTemplateEntry>;
  fields: ProcedureField[];
  onSubmit(e: QueueTemplateEntry): Promise<unknown>;
  onClose(): void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: QueueTemplateEntry) => {
    setError(null);
    try {
      return await onSubmit(values);
    } catch (e) {
      setError(e);
      throw e;
    }
  };
  return (
    <FormModal<QueueTemplateEntry, unknown>
      title={title}
      initialValues={entry}
      intro={<TemplateProblems error={error} />}
      onSubmit={submit}
      success={() => t('qs.template.saved')}
      onSaved={onClose}
      onClose={onClose}
    >
      <Form.Item name="fieldCode" label={t('qs.field')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={fields.map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))}
          aria-label={t('qs.field')}
        />
      </Form.Item>
      <Form.Item name="weekdays" label={t('qs.weekdays')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`qs.wd.${d}` as MessageKey) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="start" label={t('qs.start')} rules={[{ required: true }]}>
          <Input type="time" step={300} />
        </Form.Item>
        <Form.Item name="end" label={t('qs.end')} rules={[{ required: true }]}>
          <Input type="time" step={300} />
        </Form.Item>
        <Form.Item name="minutes" label={t('qs.minutes')} rules={[{ required: true }]}>
          <InputNumber min={5} max={480} />
        </Form.Item>
        <Form.Item name="capacity" label={t('qs.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
