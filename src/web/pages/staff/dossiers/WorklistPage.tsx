import { Card, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n.js';
import { ON_TIME } from '../../portal/dossiers/timeState.js';
import { useHolds } from '../scopes.js';
import { UnitOverview } from './UnitOverview.js';
import { useWorklist } from './useWorklist.js';
import { WorklistTable } from './WorklistTable.js';
import { DOSSIER_STATUSES, type DossierStatus, TIME_STATES, type TimeState } from './types.js';

const PAGE_SIZE = 20;

/** Hồ sơ: my tasks and my unit's, most urgent first, filtered by status and time state. */
export function WorklistPage() {
  const t = useT();
  const approves = useHolds('dossier.approve');
  const readsKpi = useHolds('kpi.read');
  const [scope, setScope] = useState<'mine' | 'unit'>('mine');
  const [status, setStatus] = useState<DossierStatus>();
  const [timeState, setTimeState] = useState<TimeState>();
  const [page, setPage] = useState(1);
  const list = useWorklist({ mine: scope === 'mine', status, timeState }, page, PAGE_SIZE);

  // Any new filter or tab shows its first page.
  const firstPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const filters = [
    {
      label: t('desk.dossier.status'),
      width: 200,
      value: status,
      set: firstPage(setStatus),
      options: DOSSIER_STATUSES.map((s) => ({ value: s, label: t(`dossierStatus.${s}`) })),
    },
    {
      label: t('desk.dossier.timeState'),
      width: 160,
      value: timeState,
      set: firstPage(setTimeState),
      options: TIME_STATES.map((s) => ({ value: s, label: t(ON_TIME[s].key) })),
    },
  ] as const;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {(approves || readsKpi) && <UnitOverview />}
      <Card title={t('desk.worklist.title')}>
        <Space wrap style={{ marginBottom: 8 }}>
          {filters.map((f) => (
            <Select<string>
              key={f.label}
              allowClear
              aria-label={f.label}
              placeholder={f.label}
              style={{ width: f.width }}
              value={f.value}
              onChange={(v) => (f.set as (v: string | undefined) => void)(v)}
              options={[...f.options]}
            />
          ))}
        </Space>
        <Tabs
          activeKey={scope}
          onChange={(key) => firstPage(setScope)(key as 'mine' | 'unit')}
          items={[
            { key: 'mine', label: t('desk.worklist.mine') },
            { key: 'unit', label: t('desk.worklist.unit') },
          ]}
        />
        <WorklistTable list={list} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
      </Card>
    </Space>
  );
}
