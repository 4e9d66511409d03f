/**
 * "Cài đặt nhận thông báo" (portal /thong-bao and the staff console's inbox): for each kind of
 * message the person receives, the channels it goes to (in-app, e-mail, SMS, Zalo), and the
 * language messages are written in. Legal notices (mẫu 02–05 of Circular 03/2025/TT-VPCP) stay
 * on: their switches are shown on and disabled. Changes are saved together.
 */
import { App, Button, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api.js';
import type { ApiBody, ApiResponse } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { type MessageKey, useT } from '../../i18n/i18n.js';

type Preferences = ApiResponse<'/api/notifications/preferences'>;
type Body = ApiBody<'/api/notifications/preferences', 'put'>;
type Medium = Preferences['items'][number]['medium'];

const MEDIA: readonly Medium[] = ['inapp', 'email', 'sms', 'zalo'];
const key = (kind: string, medium: string) => `${kind}|${medium}`;

interface Row {
  kind: string;
  legal: boolean;
  enabled: Partial<Record<Medium, boolean>>;
}

export function PreferencesCard() {
  const t = useT();
  const { message } = App.useApp();
  const prefs = useApiData(() => api<Preferences>('/api/notifications/preferences'), []);
  const [changes, setChanges] = useState<Map<string, boolean>>(new Map());
  const [locale, setLocale] = useState<'vi' | 'en' | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rows = useMemo(() => {
    const byKind = new Map<string, Row>();
    for (const item of prefs.data?.items ?? []) {
      const row = byKind.get(item.kind) ?? { kind: item.kind, legal: item.legal, enabled: {} };
      row.enabled[item.medium] = changes.get(key(item.kind, item.medium)) ?? item.enabled;
      byKind.set(item.kind, row);
    }
    return [...byKind.values()];
  }, [prefs.data, changes]);

  const dirty = changes.size > 0 || (locale !== null && locale !== prefs.data?.locale);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const body: Body = {
        items: [...changes].map(([k, enabled]) => {
          const [kind, medium] = k.split('|') as [string, Medium];
          return { kind, medium, enabled };
        }),
        ...(locale ? { locale } : {}),
      };
      await api<Preferences>('/api/notifications/preferences', { method: 'PUT', body });
      setChanges(new Map());
      setLocale(null);
      prefs.reload();
      message.success(t('prefs.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const kindLabel = (kind: string) => {
    const label = `prefs.kind.${kind}` as MessageKey;
    const text = t(label);
    return text === undefined || text === label ? kind : text;
  };

  return (
    <section
      style={{ background: '#fff', borderRadius: 8, padding: '20px 16px', marginTop: 16 }}
      data-testid="notification-preferences"
      aria-labelledby="prefs-title"
    >
      <Typography.Title level={3} id="prefs-title" style={{ marginTop: 0 }}>
        {t('prefs.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('prefs.intro')}</Typography.Paragraph>
      <ErrorAlert error={prefs.error ?? error} />
      {prefs.loading && !prefs.data && <Skeleton active />}
      {prefs.data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <label htmlFor="prefs-locale">{t('prefs.language')}</label>
            <Select
              id="prefs-locale"
              aria-label={t('prefs.language')}
              style={{ minWidth: 180 }}
              value={locale ?? prefs.data.locale}
              onChange={(value) => setLocale(value)}
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Space>
          <Table<Row>
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: true }}
            columns={[
              {
                title: t('prefs.kind'),
                dataIndex: 'kind',
                render: (kind: string, row) => (
                  <Space wrap>
                    <span>{kindLabel(kind)}</span>
                    {row.legal && <Tag color="gold">{t('prefs.legal')}</Tag>}
                  </Space>
                ),
              },
              ...MEDIA.map((medium) => ({
                title: t(`prefs.medium.${medium}` as MessageKey),
                key: medium,
                align: 'center' as const,
                render: (_: unknown, row: Row) => (
                  <Switch
                    size="small"
                    checked={row.enabled[medium] ?? false}
                    disabled={row.legal}
                    aria-label={`${kindLabel(row.kind)}: ${t(`prefs.medium.${medium}` as MessageKey)}`}
                    data-testid={`pref-${row.kind}-${medium}`}
                    onChange={(on) =>
                      setChanges((before) => {
                        const next = new Map(before);
                        const original = prefs.data?.items.find((i) => i.kind === row.kind && i.medium === medium);
                        if (original?.enabled === on) next.delete(key(row.kind, medium));
                        else next.set(key(row.kind, medium), on);
                        return next;
                      })
                    }
                  />
                ),
              })),
            ]}
          />
          <Button type="primary" disabled={!dirty} loading={saving} onClick={() => void save()}>
            {t('prefs.save')}
          </Button>
        </Space>
      )}
    </section>
  );
}
