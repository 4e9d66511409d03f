import { Button, Descriptions, Drawer, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { UnitDetail } from '../../../types.js';
import { CloseUnitModal } from './CloseUnitModal.js';
import { UnitFormModal } from './UnitFormModal.js';

interface Props {
  unitId: string;
  canManage: boolean;
  onClose(): void;
  onChanged(): void;
}

export function UnitDrawer({ unitId, canManage, onClose, onChanged }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const unit = useApiData(() => api<UnitDetail>(`/api/units/${unitId}`), [unitId]);
  const u = unit.data;
  const changed = () => {
    unit.reload();
    onChanged();
  };

  return (
    <Drawer
      open
      width={560}
      title={u?.name ?? t('units.detail')}
      onClose={onClose}
      loading={unit.loading && !u}
      extra={
        canManage &&
        u &&
        !u.validTo && (
          <Space>
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Button danger onClick={() => setClosing(true)}>
              {t('units.close')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={unit.error} />
      {u && (
        <Descriptions column={1} bordered size="small" data-testid="unit-detail">
          <Descriptions.Item label={t('units.name')}>{u.name}</Descriptions.Item>
          <Descriptions.Item label={t('units.shortName')}>{u.shortName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('units.kind')}>{t(`kind.${u.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('units.officialCode')}>{u.officialCode}</Descriptions.Item>
          <Descriptions.Item label={t('units.adminUnitCode')}>{u.adminUnitCode ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('units.address')}>{u.address ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('units.path')}>
            {u.path.map((p) => p.name).join(' › ') || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.validFrom')}>{formatDate(u.validFrom)}</Descriptions.Item>
          <Descriptions.Item label={t('units.validTo')}>
            {u.validTo ? <Tag color="red">{formatDate(u.validTo)}</Tag> : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.sortOrder')}>{u.sortOrder}</Descriptions.Item>
          <Descriptions.Item label={t('units.version')}>{u.version}</Descriptions.Item>
        </Descriptions>
      )}
      {editing && u && (
        <UnitFormModal
          unit={u}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      )}
      {closing && u && (
        <CloseUnitModal
          unit={u}
          onClose={() => setClosing(false)}
          onSaved={() => {
            setClosing(false);
            changed();
          }}
        />
      )}
    </Drawer>
  );
}
