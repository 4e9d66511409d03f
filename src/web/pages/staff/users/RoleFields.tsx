import { Button, Form, Select, Space } from 'antd';
import { ROLES } from '../../../../kernel/context.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import type { ApiBody } from '../../../api/types.js';

/** A role over a unit, as PUT /api/users/{id}/roles (and POST /api/users) take it. */
export type RoleRow = ApiBody<'/api/users/{id}/roles', 'put'>['roles'][number];

/** Form.List of roles, each over a unit (citizen: none). Used by create-user and edit-roles. */
export function RoleFields({ name }: { name: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 4 }} data-testid="role-row">
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('common.required') }]}
                style={{ width: 220 }}
              >
                <Select
                  aria-label={t('users.role')}
                  placeholder={t('users.role')}
                  options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue([name, field.name, 'role']) === 'citizen' ? null : (
                    <Form.Item
                      name={[field.name, 'unitId']}
                      rules={[{ required: true, message: t('common.required') }]}
                      style={{ width: 300 }}
                    >
                      <UnitPicker placeholder={t('users.roleUnit')} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Button onClick={() => remove(field.name)}>{t('users.removeRole')}</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ unitId: null })}>
            {t('users.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** What the API takes: a citizen role never carries a unit. */
export function rolesBody(rows: RoleRow[] | undefined): RoleRow[] {
  return (rows ?? []).map((r) => ({ role: r.role, unitId: r.role === 'citizen' ? null : (r.unitId ?? null) }));
}
