import { App, Button, Card, Empty, Input, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { type MessageKey, useT } from '../../../i18n/i18n.js';
import type { QueueDaySlot, QueueUnitDay } from '../../../types.js';
import { clock } from '../../queue/SlotPicker.js';

type DayBooking = QueueDaySlot['bookings'][number];
const STATUS_COLOR: Record<DayBooking['status'], string> = {
  booked: 'blue',
  checkedIn: 'green',
  cancelled: 'default',
  noShow: 'red',
};

/**
 * A day's slots of the unit with booked/capacity and their bookings (names and numbers masked by
 * the server). Cancelling goes through the booking API one booking at a time, so its rules hold:
 * only bookings still `booked` whose slot has not started.
 */
export function DaySlots({ unitId, date, onDate }: { unitId: string; date: string; onDate(date: string): void }) {
  const t = useT();
  const { message } = App.useApp();
  const day = useApiData(() => api<QueueUnitDay>(`/api/queue/units/${unitId}/days/${date}`), [unitId, date]);

  const cancel = async (codes: string[]) => {
    try {
      for (const code of codes) await api(`/api/queue/bookings/${code}/cancel`, { method: 'POST' });
      void message.success(t('qs.cancelled', { n: codes.length }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      day.reload();
    }
  };

  return (
    <Card
      title={t('qs.day')}
      extra={
        <label>
          {t('qs.date')}{' '}
          <Input
            type="date"
            value={date}
            onChange={(e) => e.target.value && onDate(e.target.value)}
            style={{ width: 170 }}
            data-testid="day-date"
          />
        </label>
      }
    >
      <ErrorAlert error={day.error} />
      {day.loading && !day.data && <Spin />}
      {day.data?.slots.length === 0 && <Empty description={t('qs.day.empty')} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }} data-testid="day-slots">
        {day.data?.slots.map((s) => (
          <SlotBookings key={s.id} slot={s} onCancel={(codes) => void cancel(codes)} />
        ))}
      </div>
    </Card>
  );
}

function SlotBookings({ slot, onCancel }: { slot: QueueDaySlot; onCancel(codes: string[]): void }) {
  const t = useT();
  const upcoming = new Date(slot.startsAt).getTime() > Date.now();
  const cancellable = upcoming ? slot.bookings.filter((b) => b.status === 'booked').map((b) => b.code) : [];
  return (
    <section data-testid="day-slot" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong>
          {clock(slot.startsAt)}–{clock(slot.endsAt)}
        </Typography.Text>
        <span>{slot.fieldName}</span>
        <Tag color={slot.booked >= slot.capacity ? 'red' : 'blue'} data-testid="slot-booked">
          {t('qs.bookedOf', { booked: slot.booked, capacity: slot.capacity })}
        </Tag>
        <span style={{ flex: 1 }} />
        {cancellable.length > 0 && (
          <Popconfirm
            title={t('qs.cancelAllConfirm', { n: cancellable.length })}
            onConfirm={() => onCancel(cancellable)}
          >
            <Button size="small" danger>
              {t('qs.cancelAll')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {slot.bookings.length === 0 ? (
        <Typography.Text type="secondary">{t('qs.noBookings')}</Typography.Text>
      ) : (
        <Table<DayBooking>
          size="small"
          pagination={false}
          scroll={{ x: true }}
          rowKey="code"
          dataSource={slot.bookings}
          columns={[
            {
              title: t('qs.code'),
              dataIndex: 'code',
              render: (code: string) => <span data-testid="day-booking-code">{code}</span>,
            },
            {
              title: t('qs.name'),
              key: 'name',
              render: (_, b) => (
                <>
                  {b.name} {b.forCaller && <Tag>{t('qs.forCaller')}</Tag>}
                </>
              ),
            },
            { title: t('qs.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
            { title: t('qs.procedure'), dataIndex: 'procedureName' },
            {
              title: t('qs.status'),
              key: 'status',
              render: (_, b) => <Tag color={STATUS_COLOR[b.status]}>{t(`bk.status.${b.status}` as MessageKey)}</Tag>,
            },
            {
              key: 'cancel',
              render: (_, b) =>
                upcoming && b.status === 'booked' ? (
                  <Popconfirm title={t('qs.cancelOneConfirm', { code: b.code })} onConfirm={() => onCancel([b.code])}>
                    <Button size="small">{t('qs.cancelOne')}</Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
