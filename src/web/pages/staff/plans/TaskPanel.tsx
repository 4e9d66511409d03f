/** One task: what it asks, its history of reports, and — for its lead unit — the progress report form. */
import { App, Button, Form, Input, InputNumber, List, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { uploadFile } from '../../../components/uploadFile.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { StatusTag, Timeframe, Units } from './planLabels.js';

type Status = 'not_started' | 'in_progress' | 'done' | 'cancelled';

export function TaskPanel({ planId, taskId, onSaved }: { planId: string; taskId: string; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const detail = useApiData(
    () => api<ApiResponse<'/api/plans/{id}/tasks/{taskId}'>>(`/api/plans/${planId}/tasks/${taskId}`),
    [planId, taskId],
  );
  const [status, setStatus] = useState<Status | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const d = detail.data;
  if (!d) return <ErrorAlert error={detail.error} />;
  const task = d.task;
  const chosenStatus = status ?? task.status;
  const chosenProgress = progress ?? task.progress;

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await api(`/api/plans/${planId}/tasks/${taskId}/updates`, {
        method: 'POST',
        body: { status: chosenStatus, progress: chosenProgress, comment, fileIds, version: task.version },
      });
      void message.success(t('plans.task.saved'));
      setComment('');
      setFileIds([]);
      setStatus(null);
      setProgress(null);
      detail.reload();
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="task-panel">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {task.number}. {task.title}
      </Typography.Title>
      <StatusTag task={task} t={t} />
      <div>
        <Typography.Text strong>{t('plans.col.lead')}: </Typography.Text>
        <Units units={task.lead} t={t} />
      </div>
      <div>
        <Typography.Text strong>{t('plans.col.coordinating')}: </Typography.Text>
        <Units units={task.coordinating} t={t} />
      </div>
      <div>
        <Typography.Text strong>{t('plans.col.timeframe')}: </Typography.Text>
        <Timeframe text={task.timeframeText} schedule={task.schedule} t={t} />
      </div>
      {task.expectedOutput && (
        <Typography.Text>
          {t('plans.task.output')}: {task.expectedOutput}
        </Typography.Text>
      )}
      {d.mayReport ? (
        <Form layout="vertical" onFinish={() => void submit()}>
          <Typography.Title level={5}>{t('plans.task.report')}</Typography.Title>
          <Form.Item label={t('plans.col.status')} htmlFor="task-status">
            <Select<Status>
              id="task-status"
              data-testid="task-status"
              value={chosenStatus}
              onChange={(v) => {
                setStatus(v);
                if (v === 'done') setProgress(100);
                if (v === 'not_started') setProgress(0);
              }}
              options={(['not_started', 'in_progress', 'done', 'cancelled'] as const).map((s) => ({
                value: s,
                label: t(`plans.status.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('plans.col.progress')} htmlFor="task-progress">
            <InputNumber
              id="task-progress"
              data-testid="task-progress"
              min={0}
              max={100}
              addonAfter="%"
              value={chosenProgress}
              onChange={(v) => setProgress(v ?? 0)}
            />
          </Form.Item>
          <Form.Item label={t('plans.task.comment')} htmlFor="task-comment">
            <Input.TextArea
              id="task-comment"
              data-testid="task-comment"
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('plans.task.evidence')}>
            <Upload
              customRequest={({ file, onSuccess, onError }) => {
                uploadFile(file as File, (file as File).name)
                  .then((stored) => {
                    setFileIds((ids) => [...ids, stored.id]);
                    onSuccess?.(stored);
                  })
                  .catch((e: Error) => onError?.(e));
              }}
            >
              <Button>{t('plans.import.file')}</Button>
            </Upload>
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="task-submit">
            {t('plans.task.submit')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('plans.task.notYours')}</Typography.Text>
      )}
      <Typography.Title level={5}>{t('plans.task.history')}</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: t('plans.task.noHistory') }}
        dataSource={d.history}
        renderItem={(h) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Typography.Text>
                {formatDateTime(h.createdAt)} — {h.authorName}: {t(`plans.status.${h.status}`)} ({h.progress}%)
              </Typography.Text>
              {h.comment && <Typography.Text type="secondary">{h.comment}</Typography.Text>}
              {h.fileIds.map((f, i) => (
                <a key={f} href={`/api/files/${f}`} target="_blank" rel="noreferrer">
                  {t('plans.task.evidence')} {i + 1}
                </a>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
