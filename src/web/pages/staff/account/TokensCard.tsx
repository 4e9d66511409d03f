import {
  App,
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useContext, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { errorText } from '../../../components/errors.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { ApiToken } from '../../../types.js';
import { ScopesContext } from '../scopes.js';
import type { ApiResponse } from '../../../api/types.js';

interface Values {
  name: string;
  scopes: string[];
  expiresInDays?: number | null;
}

/** My API tokens: list, issue (the secret is shown once), revoke. */
export function TokensCard() {
  const t = useT();
  const { message } = App.useApp();
  const scopes = [...useContext(ScopesContext)];
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const list = useApiData(() => api<ApiResponse<'/api/me/tokens'>>('/api/me/tokens'), []);

  const create = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<ApiResponse<'/api/me/tokens', 'post'>>('/api/me/tokens', {
        method: 'POST',
        body: {
          name: values.name,
          scopes: values.scopes,
          ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
        },
      });
      form.resetFields();
      setSecret(created.token);
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await api(`/api/me/tokens/${token.id}`, { method: 'DELETE' });
      list.reload();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  return (
    <Card title={t('account.tokens')}>
      <Typography.Paragraph type="secondary">{t('account.tokens.help')}</Typography.Paragraph>
      <ErrorAlert error={error ?? list.error} />
      {scopes.length === 0 ? (
        <Alert type="info" message={t('account.noScopes')} style={{ marginBottom: 16 }} />
      ) : (
        <Form<Values>
          form={form}
          layout="inline"
          onFinish={(v) => void create(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="name" rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder={t('account.tokenName')} aria-label={t('account.tokenName')} maxLength={100} />
          </Form.Item>
          <Form.Item name="scopes" rules={[{ required: true, message: t('common.required') }]}>
            <Select
              mode="multiple"
              placeholder={t('account.tokenScopes')}
              aria-label={t('account.tokenScopes')}
              style={{ minWidth: 260 }}
              options={scopes.map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
          <Form.Item name="expiresInDays">
            <InputNumber min={1} max={3650} placeholder={t('account.tokenExpires')} style={{ width: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('account.tokenCreate')}
          </Button>
        </Form>
      )}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('account.tokenName'), dataIndex: 'name' },
          {
            title: t('account.tokenPrefix'),
            dataIndex: 'prefix',
            render: (v: string) => <Typography.Text code>{v}…</Typography.Text>,
          },
          {
            title: t('account.tokenScopes'),
            dataIndex: 'scopes',
            render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>),
          },
          { title: t('account.tokenCreatedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('account.tokenExpiresAt'),
            dataIndex: 'expiresAt',
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('account.tokenLastUsed'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('users.status'),
            key: 'status',
            render: (_, token) =>
              token.revokedAt ? (
                <Tag>{t('account.tokenRevoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('account.tokenRevokeConfirm', { name: token.name })}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                  onConfirm={() => revoke(token)}
                >
                  <Button size="small" danger>
                    {t('account.tokenRevoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={secret !== null}
        title={t('account.tokenCreated')}
        onCancel={() => setSecret(null)}
        onOk={() => setSecret(null)}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon message={t('account.tokenOnce')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable code data-testid="token-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
