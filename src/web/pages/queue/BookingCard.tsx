import { Alert, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import type { Booking } from './queueApi.js';

/** The booking code in large type, its QR code for the kiosk's scanner, and the way to cancel. */
export function BookingCard({ booking, onChanged }: { booking: Booking; onChanged(b: Booking): void }) {
  const t = useT();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'center' }} data-testid="booking-card">
      <img src={booking.qrDataUrl} alt={t('bk.qr', { code: booking.code })} width={200} height={200} />
      <div style={{ flex: '1 1 240px' }}>
        <div>{t('bk.code')}</div>
        <div style={{ fontSize: 36, fontWeight: 700, letterSpacing: 2 }} data-testid="booking-code">
          {booking.code}
        </div>
        <Typography.Paragraph style={{ margin: '8px 0' }}>
          {formatDateTime(booking.startsAt).slice(0, 16)}–{formatDateTime(booking.endsAt).slice(11, 16)} ·{' '}
          {booking.unitName}
          <br />
          {booking.procedureName}
        </Typography.Paragraph>
        {booking.status === 'cancelled' ? (
          <Alert type="info" showIcon message={t('bk.cancelled')} />
        ) : (
          <Typography.Paragraph type="secondary">{t('bk.doneHint')}</Typography.Paragraph>
        )}
        {booking.status === 'booked' && <CancelButton booking={booking} onCancelled={onChanged} />}
      </div>
    </div>
  );
}

export function CancelButton({ booking, onCancelled }: { booking: Booking; onCancelled(b: Booking): void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Popconfirm
        title={t('bk.cancelConfirm', { code: booking.code })}
        onConfirm={() =>
          api<Booking>(`/api/queue/bookings/${booking.code}/cancel`, { method: 'POST' }).then(onCancelled, setError)
        }
      >
        <Button danger>{t('bk.cancel')}</Button>
      </Popconfirm>
      <ErrorAlert error={error} />
    </>
  );
}
