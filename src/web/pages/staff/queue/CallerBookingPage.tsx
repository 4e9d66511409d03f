import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { QueueBookingView } from '../../../types.js';
import { ProcedureSelect } from '../../portal/feedback/ProcedureSelect.js';
import type { Slot } from '../../queue/queueApi.js';
import { clock, SlotPicker } from '../../queue/SlotPicker.js';
import { COUNTER_ROLES, UnitPicker, useRoleUnits } from './roleUnits.js';

/**
 * /staff/queue-book: a one-stop officer books an appointment for someone who phones or walks in
 * without an account (đặt lịch hộ) — procedure → a slot of the officer's unit → name, phone,
 * optional personal id → the booking code to read out. The server takes the place through the
 * same locked path as a citizen's booking and records the officer in the audit log.
 */
export function CallerBookingPage() {
  const t = useT();
  const units = useRoleUnits(COUNTER_ROLES);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.unitId ?? null);
  const [procedureId, setProcedureId] = useState<string | undefined>();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [done, setDone] = useState<QueueBookingView | null>(null);

  if (!unitId) return <Alert type="info" showIcon message={t('qb.noUnit')} />;
  const restart = () => {
    setDone(null);
    setSlot(null);
    setProcedureId(undefined);
  };
  return (
    <section style={{ maxWidth: 820, display: 'grid', gap: 16 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('qb.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('qb.intro')}
      </Typography.Paragraph>
      {units.length > 1 && (
        <UnitPicker
          units={units}
          value={unitId}
          onChange={(u) => {
            setUnitId(u);
            setSlot(null);
          }}
          label={t('qc.unit')}
        />
      )}
      {done ? (
        <div style={{ background: '#fff', borderRadius: 8, padding: 16 }} data-testid="caller-booking-done">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('qb.done')}
          </Typography.Title>
          <div>{t('bk.code')}</div>
          <div style={{ fontSize: 36, fontWeight: 700, letterSpacing: 2 }} data-testid="caller-booking-code">
            {done.code}
          </div>
          <div>
            {formatDateTime(done.startsAt).slice(0, 16)}–{clock(done.endsAt)} · {done.procedureName}
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('qb.doneHint')}
          </Typography.Paragraph>
          <Button onClick={restart}>{t('qb.again')}</Button>
        </div>
      ) : (
        <div style={{ background: '#fff', borderRadius: 8, padding: 16, display: 'grid', gap: 16 }}>
          <label>
            <div style={{ marginBottom: 4 }}>{t('bk.procedure')}</div>
            <ProcedureSelect
              value={procedureId}
              onChange={(v) => {
                setProcedureId(v);
                setSlot(null);
              }}
              placeholder={t('bk.procedure.placeholder')}
            />
          </label>
          {procedureId && !slot && <SlotPicker procedureId={procedureId} unitId={unitId} onPick={setSlot} />}
          {procedureId && slot && (
            <CallerForm
              unitId={unitId}
              procedureId={procedureId}
              slot={slot}
              onBack={() => setSlot(null)}
              onBooked={setDone}
            />
          )}
        </div>
      )}
    </section>
  );
}

function CallerForm({
  unitId,
  procedureId,
  slot,
  onBack,
  onBooked,
}: {
  unitId: string;
  procedureId: string;
  slot: Slot;
  onBack(): void;
  onBooked(b: QueueBookingView): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [personalId, setPersonalId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        slotId: slot.id,
        procedureId,
        name: name.trim(),
        phone: phone.trim(),
        ...(personalId.trim() ? { personalId: personalId.trim() } : {}),
      };
      onBooked(await api<QueueBookingView>(`/api/queue/units/${unitId}/bookings`, { method: 'POST', body }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      style={{ display: 'grid', gap: 12 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Typography.Text strong>
        {t('bk.chosen', {
          when: `${formatDateTime(slot.startsAt).slice(0, 16)}–${clock(slot.endsAt)}`,
          unit: slot.unitName,
        })}
      </Typography.Text>
      <label>
        {t('qb.name')}
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
      </label>
      <label>
        {t('qb.phone')}
        <Input
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          inputMode="tel"
          maxLength={15}
          autoComplete="off"
        />
      </label>
      <label>
        {t('qb.personalId')}
        <Input
          value={personalId}
          onChange={(e) => setPersonalId(e.target.value)}
          inputMode="numeric"
          maxLength={12}
          autoComplete="off"
        />
      </label>
      <ErrorAlert error={error} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={onBack}>←</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={name.trim().length < 2 || phone.trim().length < 9}
        >
          {t('qb.submit')}
        </Button>
      </div>
    </form>
  );
}
