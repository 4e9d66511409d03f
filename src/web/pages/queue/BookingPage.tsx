import { Button, Empty, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import type { Me } from '../../types.js';
import { ProcedureSelect } from '../portal/feedback/ProcedureSelect.js';
import { RequireCitizen } from '../portal/RequireCitizen.js';
import { BookingCard, CancelButton } from './BookingCard.js';
import type { Booking, Slot } from './queueApi.js';
import { clock, SlotPicker } from './SlotPicker.js';
import type { ApiResponse } from '../../api/types.js';

/**
 * /dat-lich: a citizen books an appointment at the counter — procedure → a slot with places left →
 * name and phone for the reminder → the booking code and its QR code; cancel; my appointments.
 */
export default function BookingPage() {
  return <RequireCitizen>{(me) => <Booker me={me} />}</RequireCitizen>;
}

function Booker({ me }: { me: Me }) {
  const t = useT();
  const [procedureId, setProcedureId] = useState<string | undefined>();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [done, setDone] = useState<Booking | null>(null);
  const mine = useApiData(() => api<ApiResponse<'/api/queue/bookings'>>('/api/queue/bookings'), [done]);

  return (
    <section style={{ maxWidth: 820, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('bk.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('bk.intro')}</Typography.Paragraph>
      {done ? (
        <div style={{ background: '#fff', borderRadius: 8, padding: 16 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('bk.done')}
          </Typography.Title>
          <BookingCard booking={done} onChanged={setDone} />
          <Button
            style={{ marginTop: 16 }}
            onClick={() => {
              setDone(null);
              setSlot(null);
            }}
          >
            {t('bk.again')}
          </Button>
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
          {procedureId && !slot && <SlotPicker procedureId={procedureId} onPick={setSlot} />}
          {procedureId && slot && (
            <ConfirmBooking
              me={me}
              procedureId={procedureId}
              slot={slot}
              onBack={() => setSlot(null)}
              onBooked={setDone}
            />
          )}
        </div>
      )}
      <Typography.Title level={3} style={{ marginTop: 32 }}>
        {t('bk.mine')}
      </Typography.Title>
      <ErrorAlert error={mine.error} />
      {mine.loading && !mine.data && <Spin />}
      {mine.data?.items.length === 0 && <Empty description={t('bk.mine.none')} />}
      <div style={{ display: 'grid', gap: 8 }}>
        {mine.data?.items.map((b) => (
          <div
            key={b.code}
            style={{
              background: '#fff',
              borderRadius: 8,
              padding: 12,
              display: 'flex',
              flexWrap: 'wrap',
              gap: 8,
              alignItems: 'center',
            }}
          >
            <strong>{b.code}</strong>
            <span>{formatDateTime(b.startsAt).slice(0, 16)}</span>
            <span style={{ flex: 1 }}>{b.unitName}</span>
            <Tag>{t(`bk.status.${b.status}`)}</Tag>
            {b.status === 'booked' && <CancelButton booking={b} onCancelled={mine.reload} />}
          </div>
        ))}
      </div>
    </section>
  );
}

function ConfirmBooking({
  me,
  procedureId,
  slot,
  onBack,
  onBooked,
}: {
  me: Me;
  procedureId: string;
  slot: Slot;
  onBack(): void;
  onBooked(b: Booking): void;
}) {
  const t = useT();
  const [name, setName] = useState(me.fullName);
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The account's phone (GET /api/me's `user.profile`, held by the session) until one is typed.
  const phoneValue = phone ?? me.profile.phone ?? '';
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onBooked(
        await api<Booking>('/api/queue/bookings', {
          method: 'POST',
          body: {
            slotId: slot.id,
            procedureId,
            name: name.trim(),
            ...(phoneValue.trim() ? { phone: phoneValue.trim() } : {}),
          },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Typography.Text strong>
        {t('bk.chosen', {
          when: `${formatDateTime(slot.startsAt).slice(0, 16)}–${clock(slot.endsAt)}`,
          unit: slot.unitName,
        })}
      </Typography.Text>
      <label>
        {t('bk.name')}
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <label>
        {t('bk.phone')}
        <Input value={phoneValue} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={15} />
      </label>
      <ErrorAlert error={error} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={onBack}>←</Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} disabled={name.trim().length < 2}>
          {t('bk.confirm')}
        </Button>
      </div>
    </div>
  );
}
