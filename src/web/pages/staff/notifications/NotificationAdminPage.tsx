/**
 * Thông báo (administrator): the message templates — pick a kind, edit its Vietnamese or English
 * text, preview it with sample values, save a new version — and the delivery log (failures,
 * messages waiting), addresses masked.
 */
import { Button, Card, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';

type Templates = ApiResponse<'/api/notifications/templates'>;
type Text = { subject: string; body: string };

export function NotificationAdminPage() {
  const t = useT();
  const templates = useApiData(() => api<Templates>('/api/notifications/templates'), []);
  const [kind, setKind] = useState<string | null>(null);
  const [locale, setLocale] = useState<'vi' | 'en'>('vi');
  const [text, setText] = useState<Text>({ subject: '', body: '' });
  const [preview, setPreview] = useState<Text | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = templates.data?.items.find((i) => i.kind === kind) ?? null;

  useEffect(() => {
    if (current) setText({ subject: current[locale].subject, body: current[locale].body });
    setPreview(null);
  }, [current, locale]);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  };
  const showPreview = () =>
    run(async () => {
      setPreview(
        await api<Text>(`/api/notifications/templates/${kind}/preview`, {
          method: 'POST',
          body: { ...text, sample: {} },
        }),
      );
    });
  const save = () =>
    run(async () => {
      await api(`/api/notifications/templates/${kind}`, { method: 'POST', body: { ...text, locale } });
      templates.reload();
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('notify.templates')}>
        <ErrorAlert error={templates.error ?? error} />
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('notify.kind')}
            placeholder={t('notify.kind')}
            style={{ minWidth: 320 }}
            value={kind}
            onChange={setKind}
            options={templates.data?.items.map((i) => ({ value: i.kind, label: i.kind }))}
            data-testid="template-kind"
          />
          <Segmented
            value={locale}
            onChange={(v) => setLocale(v as 'vi' | 'en')}
            options={[
              { value: 'vi', label: t('lang.vi') },
              { value: 'en', label: t('lang.en') },
            ]}
          />
          {current && (
            <Typography.Text type="secondary">
              {t('notify.version', { n: current[locale].version })}
              {current.legal ? ` · ${t('notify.legal')}` : ''}
            </Typography.Text>
          )}
        </Space>
        {current && (
          <Form layout="vertical">
            <Typography.Paragraph type="secondary">
              {t('notify.variables')}: {current.variables.map((v) => `{{${v}}}`).join(', ')}
            </Typography.Paragraph>
            <Form.Item label={t('notify.subject')} htmlFor="template-subject">
              <Input
                id="template-subject"
                value={text.subject}
                onChange={(e) => setText({ ...text, subject: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('notify.body')} htmlFor="template-body">
              <Input.TextArea
                id="template-body"
                rows={4}
                value={text.body}
                onChange={(e) => setText({ ...text, body: e.target.value })}
              />
            </Form.Item>
            <Space>
              <Button onClick={() => void showPreview()}>{t('notify.preview')}</Button>
              <Button type="primary" onClick={() => void save()}>
                {t('notify.saveVersion')}
              </Button>
            </Space>
            {preview && (
              <Card size="small" style={{ marginTop: 16 }} data-testid="template-preview">
                <Typography.Text strong>{preview.subject}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
                  {preview.body}
                </Typography.Paragraph>
              </Card>
            )}
          </Form>
        )}
      </Card>
      <DeliveryLog />
    </Space>
  );
}

const STATUS_COLOR: Record<string, string> = {
  failed: 'red',
  pending: 'gold',
  sent: 'blue',
  delivered: 'green',
  skipped: 'default',
};

function DeliveryLog() {
  const t = useT();
  const [status, setStatus] = useState('failed,pending');
  const log = useApiData(
    () =>
      api<ApiResponse<'/api/notifications/messages'>>('/api/notifications/messages', { query: { status, limit: 200 } }),
    [status],
  );
  return (
    <Card
      title={t('notify.log')}
      extra={
        <Select
          aria-label={t('notify.status')}
          value={status}
          onChange={setStatus}
          style={{ minWidth: 220 }}
          options={[
            { value: 'failed,pending', label: t('notify.problems') },
            { value: 'failed', label: 'failed' },
            { value: '', label: t('notify.all') },
          ]}
        />
      }
    >
      <ErrorAlert error={log.error} />
      <Table
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('notify.kind'), dataIndex: 'kind' },
          { title: t('notify.channel'), dataIndex: 'channel' },
          { title: t('notify.address'), dataIndex: 'address' },
          { title: t('notify.reference'), dataIndex: 'reference' },
          {
            title: t('notify.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{s}</Tag>,
          },
          { title: t('notify.attempts'), dataIndex: 'attempts' },
          { title: t('notify.error'), dataIndex: 'lastError' },
          { title: t('notify.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
