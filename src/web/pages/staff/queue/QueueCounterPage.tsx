import { Alert, App, Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import { useLiveBoard } from '../../queue/queueApi.js';
import { COUNTER_ROLES, UnitPicker, useRoleUnits } from './roleUnits.js';
import type { ApiResponse } from '../../../api/types.js';

/** The counter's number is the desk's, not the person's: remembered on this computer. */
const COUNTER_KEY = 'motcua.queue.counter';

/**
 * /staff/queue: a one-stop officer's counter — call the next number (priority order, optionally
 * of some fields only), recall, skip, finish — with the unit's board live beside it.
 */
export function QueueCounterPage() {
  const t = useT();
  const { message } = App.useApp();
  const units = useRoleUnits(COUNTER_ROLES);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.unitId ?? null);
  const [counter, setCounter] = useState<number>(() => Number(localStorage.getItem(COUNTER_KEY)) || 1);
  const [fieldCodes, setFieldCodes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { board } = useLiveBoard(unitId);
  const current = board?.serving.find((s) => s.counter === counter);

  const run = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<
        | ApiResponse<'/api/queue/units/{unitId}/counters/{counter}/next', 'post'>
        | ApiResponse<'/api/queue/units/{unitId}/counters/{counter}/actions', 'post'>
      >(`/api/queue/units/${unitId}/counters/${counter}/${path}`, { method: 'POST', body });
      if ('ticket' in result && !result.ticket) void message.info(t('qc.empty'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!unitId) return <Alert type="info" showIcon message={t('qc.noUnit')} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <UnitPicker units={units} value={unitId} onChange={setUnitId} label={t('qc.unit')} />
        <label>
          {t('qc.counter')}{' '}
          <InputNumber
            min={1}
            max={999}
            value={counter}
            onChange={(v) => {
              const n = Number(v) || 1;
              setCounter(n);
              localStorage.setItem(COUNTER_KEY, String(n));
            }}
          />
        </label>
        <label>
          {t('qc.fields')}{' '}
          <Select
            mode="multiple"
            allowClear
            style={{ width: 'min(320px, 80vw)' }}
            value={fieldCodes}
            onChange={setFieldCodes}
            options={board?.fields.map((f) => ({ value: f.code, label: f.name })) ?? []}
          />
        </label>
        <a href={`/queue/${unitId}`} target="_blank" rel="noreferrer">
          {t('qc.display')}
        </a>
      </Space>
      <ErrorAlert error={error} />
      <Card title={t('qc.current')} extra={board ? t('qc.waiting', { n: board.waitingCount }) : null}>
        {current ? (
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 16 }}>
            <span style={{ fontSize: 64, fontWeight: 700, color: '#b71c1c' }} data-testid="counter-current">
              {current.label}
            </span>
            <Typography.Text>{current.fieldName}</Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('qc.noCurrent')}</Typography.Text>
        )}
      </Card>
      <Space wrap>
        <Button
          type="primary"
          size="large"
          loading={busy}
          onClick={() => void run('next', fieldCodes.length ? { fieldCodes } : {})}
        >
          {t('qc.next')}
        </Button>
        <Button size="large" disabled={!current || busy} onClick={() => void run('actions', { action: 'recall' })}>
          {t('qc.recall')}
        </Button>
        <Button size="large" disabled={!current || busy} onClick={() => void run('actions', { action: 'skip' })}>
          {t('qc.skip')}
        </Button>
        <Button size="large" disabled={!current || busy} onClick={() => void run('actions', { action: 'finish' })}>
          {t('qc.finish')}
        </Button>
      </Space>
    </Space>
  );
}
