/**
 * /staff/directory: the unit's system administrator keeps the one-stop department's directory
 * (head, deputies, staff: name, title, work phone, order) that the portal publishes at
 * /cong-khai/danh-ba. Reads the public directory of the chosen unit; writes through
 * POST/PATCH/DELETE /api/directory (unit.manage on the unit), with the row's version.
 */
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiBody, ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { errorText } from '../../../components/errors.js';
import { FormModal } from '../../../components/FormModal.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { DIRECTORY_ROLES, type DirectoryRole, ROLE_LABEL } from '../../portal/accountability/roles.js';

type Person = Schema<'DirectoryPerson'>;
type Values = Omit<ApiBody<'/api/directory', 'post'>, 'unitId'>;

export function DirectoryAdminPage() {
  const t = useT();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const directory = useApiData(
    () =>
      unitId
        ? api<ApiResponse<'/api/public/directory'>>('/api/public/directory', { query: { unit: unitId } })
        : Promise.resolve(null),
    [unitId],
  );
  const people = directory.data?.units.find((u) => u.unitId === unitId)?.people ?? [];

  const remove = async (p: Person) => {
    try {
      await api(`/api/directory/${p.id}`, { method: 'DELETE', query: { version: p.version } });
      void message.success(t('dirAdmin.deleted'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
    directory.reload();
  };

  return (
    <section aria-labelledby="dir-admin-title">
      <Typography.Title level={2} id="dir-admin-title">
        {t('dirAdmin.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dirAdmin.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <div style={{ width: 'min(90vw, 420px)' }}>
          <label htmlFor="dir-admin-unit" style={{ display: 'block', marginBottom: 4 }}>
            {t('dirAdmin.unit')}
          </label>
          <UnitPicker id="dir-admin-unit" placeholder={t('dirAdmin.unit')} value={unitId} onChange={setUnitId} />
        </div>
        <Button type="primary" disabled={!unitId} onClick={() => setEditing('new')} data-testid="dir-admin-add">
          {t('dirAdmin.add')}
        </Button>
      </Space>
      <ErrorAlert error={directory.error} />
      {!unitId ? (
        <Typography.Paragraph>{t('dirAdmin.pickUnit')}</Typography.Paragraph>
      ) : (
        <Table<Person>
          rowKey="id"
          data-testid="dir-admin-table"
          loading={directory.loading}
          dataSource={people}
          pagination={false}
          scroll={{ x: 720 }}
          columns={[
            { title: t('dir.col.role'), dataIndex: 'role', render: (r: DirectoryRole) => t(ROLE_LABEL[r]) },
            { title: t('dir.col.name'), dataIndex: 'fullName' },
            { title: t('dir.col.title'), dataIndex: 'title' },
            { title: t('dir.col.phone'), dataIndex: 'phone' },
            { title: t('dirAdmin.sortOrder'), dataIndex: 'sortOrder', align: 'right' },
            {
              title: t('dirAdmin.actions'),
              key: 'actions',
              render: (_: unknown, p: Person) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(p)} aria-label={`${t('dirAdmin.edit')} ${p.fullName}`}>
                    {t('dirAdmin.edit')}
                  </Button>
                  <Popconfirm
                    title={t('dirAdmin.deleteConfirm', { name: p.fullName })}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    onConfirm={() => remove(p)}
                  >
                    <Button size="small" danger aria-label={`${t('dirAdmin.delete')} ${p.fullName}`}>
                      {t('dirAdmin.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && unitId ? (
        <PersonModal
          unitId={unitId}
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            directory.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function PersonModal({
  unitId,
  person,
  onClose,
  onSaved,
}: {
  unitId: string;
  person: Person | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('dirAdmin.required', { field }) },
  ];
  const submit = (v: Values) =>
    person
      ? api<Person>(`/api/directory/${person.id}`, { method: 'PATCH', body: { ...v, version: person.version } })
      : api<Person>('/api/directory', { method: 'POST', body: { ...v, unitId } });
  return (
    <FormModal<Values, Person>
      title={person ? t('dirAdmin.editTitle', { name: person.fullName }) : t('dirAdmin.addTitle')}
      initialValues={
        person
          ? {
              role: person.role,
              fullName: person.fullName,
              title: person.title,
              phone: person.phone,
              sortOrder: person.sortOrder,
            }
          : { role: 'staff', sortOrder: 0 }
      }
      onSubmit={submit}
      success={(p) => t('dirAdmin.saved', { name: p.fullName })}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item label={t('dir.col.role')} name="role" rules={[{ required: true }]}>
        <Select options={DIRECTORY_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} />
      </Form.Item>
      <Form.Item label={t('dir.col.name')} name="fullName" rules={required(t('dir.col.name'))}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('dir.col.title')} name="title" rules={required(t('dir.col.title'))}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('dir.col.phone')} name="phone" rules={required(t('dir.col.phone'))}>
        <Input maxLength={20} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('dirAdmin.sortOrder')} name="sortOrder">
        <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
