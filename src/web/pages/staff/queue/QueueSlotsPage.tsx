import { Alert, Space, Typography } from 'antd';
import { useState } from 'react';
import { todayInVietnam } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { DaySlots } from './DaySlots.js';
import { GenerateSlots } from './GenerateSlots.js';
import { SLOT_MANAGER_ROLES, UnitPicker, useRoleUnits } from './roleUnits.js';
import { TemplateEditor } from './TemplateEditor.js';

/**
 * /staff/queue-slots (queue.manage): a unit's booking slots — the weekly template per counter
 * group, generating slots for a date range (closed days listed), and a day's slots with their
 * bookings.
 */
export function QueueSlotsPage() {
  const t = useT();
  const units = useRoleUnits(SLOT_MANAGER_ROLES);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.unitId ?? null);
  const [date, setDate] = useState(() => todayInVietnam());
  const [generation, setGeneration] = useState(0);
  if (!unitId) return <Alert type="info" showIcon message={t('qs.noUnit')} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('qs.title')}
      </Typography.Title>
      {units.length > 1 && <UnitPicker units={units} value={unitId} onChange={setUnitId} label={t('qc.unit')} />}
      <TemplateEditor unitId={unitId} />
      <GenerateSlots unitId={unitId} onGenerated={() => setGeneration((n) => n + 1)} />
      <DaySlots key={`${unitId}:${generation}`} unitId={unitId} date={date} onDate={setDate} />
    </Space>
  );
}
