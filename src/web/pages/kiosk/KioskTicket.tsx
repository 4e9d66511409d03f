import { Alert, Button, Checkbox, Spin } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { useApiData } from '../../components/useApiData.js';
import { useT } from '../../i18n/i18n.js';
import { fetchBoard, type IssuedTicket, queueUnits } from '../queue/queueApi.js';
import { KioskError } from './KioskError.js';
import { KioskInput } from './KioskInput.js';

/** The kiosk's place: ?unit=<id> on its URL, else the only unit running a queue, else a choice. */
const unitFromUrl = () => new URLSearchParams(window.location.search).get('unit');

/**
 * Lấy số: an appointment's code (typed, or its QR read by the scanner into the box) or a walk-in
 * for a field — with the elderly / disabled priority — gives a numbered ticket in large type.
 */
export function KioskTicket({ onDone }: { onDone(): void }) {
  const t = useT();
  const [picked, setPicked] = useState<string | null>(unitFromUrl);
  const units = useApiData(() => (picked ? Promise.resolve(null) : queueUnits()), [picked]);
  const unitId = picked ?? (units.data?.length === 1 ? units.data[0]!.unitId : null);
  if (!unitId) {
    if (units.loading) return <Spin size="large" />;
    if (units.error) return <KioskError error={units.error} />;
    if (!units.data?.length) return <KioskNotice text={t('kq.noQueue')} />;
    return (
      <div style={{ display: 'grid', gap: 16 }}>
        <h2>{t('kq.unit')}</h2>
        {units.data.map((u) => (
          <Button key={u.unitId} size="large" style={{ height: 72, fontSize: 24 }} onClick={() => setPicked(u.unitId)}>
            {u.unitName}
          </Button>
        ))}
      </div>
    );
  }
  return <TicketForm unitId={unitId} onDone={onDone} />;
}

function TicketForm({ unitId, onDone }: { unitId: string; onDone(): void }) {
  const t = useT();
  const board = useApiData(() => fetchBoard(unitId), [unitId]);
  const [code, setCode] = useState('');
  const [elderly, setElderly] = useState(false);
  const [disabled, setDisabled] = useState(false);
  const [ticket, setTicket] = useState<IssuedTicket | null>(null);
  const [error, setError] = useState<unknown>(null);
  const take = (body: Record<string, unknown>) => {
    setError(null);
    api<IssuedTicket>(`/api/public/queue/${unitId}/tickets`, {
      method: 'POST',
      body: { ...body, elderly, disabled },
    }).then(setTicket, setError);
  };

  if (ticket) {
    return (
      <div style={{ textAlign: 'center', background: '#fff', borderRadius: 16, padding: 32 }} aria-live="assertive">
        <div style={{ fontSize: 28 }}>{t('kq.ticket')}</div>
        <div
          style={{ fontSize: 'clamp(96px, 20vw, 200px)', fontWeight: 700, color: '#b71c1c', lineHeight: 1 }}
          data-testid="ticket-number"
        >
          {ticket.label}
        </div>
        <div style={{ fontSize: 24 }}>{ticket.fieldName}</div>
        {ticket.booked && <div style={{ fontSize: 22, color: '#d48806' }}>{t('kq.booked')}</div>}
        <div style={{ fontSize: 24, margin: '16px 0' }}>{t('kq.ahead', { n: ticket.ahead })}</div>
        <Button type="primary" size="large" style={{ height: 72, fontSize: 24, minWidth: 240 }} onClick={onDone}>
          {t('kq.done')}
        </Button>
      </div>
    );
  }
  return (
    <div
      style={{
        display: 'grid',
        gap: 24,
        gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
        alignItems: 'start',
      }}
    >
      <div>
        <h2>{t('kq.booking')}</h2>
        <KioskInput
          label={t('kq.booking.label')}
          value={code}
          onChange={setCode}
          onEnter={() => code.trim() && take({ bookingCode: code })}
        />
        <Button
          type="primary"
          block
          disabled={!code.trim()}
          onClick={() => take({ bookingCode: code })}
          style={{ height: 72, fontSize: 24, marginTop: 16 }}
        >
          {t('kq.booking.submit')}
        </Button>
      </div>
      <div>
        <h2>{t('kq.walkIn')}</h2>
        <div style={{ display: 'flex', gap: 24, marginBottom: 16, flexWrap: 'wrap' }}>
          <Checkbox checked={elderly} onChange={(e) => setElderly(e.target.checked)} style={{ fontSize: 22 }}>
            {t('kq.elderly')}
          </Checkbox>
          <Checkbox checked={disabled} onChange={(e) => setDisabled(e.target.checked)} style={{ fontSize: 22 }}>
            {t('kq.disabled')}
          </Checkbox>
        </div>
        <KioskError error={error ?? board.error} />
        {board.loading && <Spin />}
        {board.data?.fields.length === 0 && <KioskNotice text={t('kq.noFields')} />}
        <div style={{ display: 'grid', gap: 12 }}>
          {board.data?.fields.map((f) => (
            <Button
              key={f.code}
              size="large"
              style={{ height: 72, fontSize: 24, whiteSpace: 'normal' }}
              onClick={() => take({ fieldCode: f.code })}
            >
              {f.name}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Why the kiosk cannot give a number here, and where to go instead. */
function KioskNotice({ text }: { text: string }) {
  return <Alert type="info" showIcon role="status" message={text} style={{ fontSize: 22 }} />;
}
