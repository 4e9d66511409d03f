/**
 * Con dấu điện tử (system administrator): each unit's seal certificate — serial, holder, validity,
 * the retired ones — and its replacement (thay chứng thư số con dấu) after a confirmation. What was
 * sealed before keeps verifying; nothing here shows or touches a key.
 */
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiItem, ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { errorText } from '../../../components/errors.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';

type UnitSeal = ApiItem<'/api/admin/seals'>;
type Rotation = ApiResponse<'/api/admin/seals/{unitCode}/rotations', 'post'>;
type Certificate = NonNullable<UnitSeal['current']>;

export function SealsPage() {
  const t = useT();
  const { message } = App.useApp();
  const seals = useApiData(() => api<ApiResponse<'/api/admin/seals'>>('/api/admin/seals'), []);
  const [busy, setBusy] = useState<string | null>(null);

  const rotate = async (unit: UnitSeal) => {
    setBusy(unit.unitCode);
    try {
      const done = await api<Rotation>(`/api/admin/seals/${encodeURIComponent(unit.unitCode)}/rotations`, {
        method: 'POST',
      });
      void message.success(t('admin.seal.rotated', { unit: unit.unitName, serial: done.serial }));
      seals.reload();
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  const validity = (c: Certificate) => `${formatDate(c.validFrom)} – ${formatDate(c.validTo)}`;

  return (
    <Card title={t('admin.seal.title')}>
      <Typography.Paragraph type="secondary">{t('admin.seal.intro')}</Typography.Paragraph>
      <ErrorAlert error={seals.error} />
      <Table
        rowKey="unitCode"
        size="small"
        loading={seals.loading}
        dataSource={seals.data?.items ?? []}
        scroll={{ x: true }}
        pagination={false}
        data-testid="seals"
        expandable={{
          rowExpandable: (u) => u.retired.length > 0,
          expandedRowRender: (u) => (
            <ul aria-label={t('admin.seal.retiredOf', { unit: u.unitName })} style={{ margin: 0 }}>
              {u.retired.map((c) => (
                <li key={c.serial}>
                  <Typography.Text code>{c.serial}</Typography.Text> · {validity(c)}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('admin.seal.unit'), dataIndex: 'unitName' },
          { title: t('admin.seal.code'), dataIndex: 'unitCode' },
          {
            title: t('admin.seal.serial'),
            render: (_: unknown, u: UnitSeal) =>
              u.current ? <Typography.Text code>{u.current.serial}</Typography.Text> : t('common.none'),
          },
          { title: t('admin.seal.subject'), render: (_: unknown, u: UnitSeal) => u.current?.subject ?? '' },
          {
            title: t('admin.seal.validity'),
            render: (_: unknown, u: UnitSeal) => (u.current ? validity(u.current) : ''),
          },
          {
            title: t('admin.seal.retired'),
            render: (_: unknown, u: UnitSeal) => <Tag>{u.retired.length}</Tag>,
          },
          {
            title: t('admin.seal.action'),
            render: (_: unknown, u: UnitSeal) => (
              <Popconfirm
                title={t('admin.seal.confirm', { unit: u.unitName })}
                description={t('admin.seal.confirmDetail')}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() => rotate(u)}
              >
                <Button danger loading={busy === u.unitCode}>
                  {t('admin.seal.rotate')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
