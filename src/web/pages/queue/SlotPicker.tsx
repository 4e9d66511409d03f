import { Button, Empty, Spin, Typography } from 'antd';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import type { Slot } from './queueApi.js';
import type { ApiResponse } from '../../api/types.js';

/** "08:00" of a slot, Vietnam time (formatDateTime gives dd/mm/yyyy hh:mm:ss). */
export const clock = (iso: string) => formatDateTime(iso).slice(11, 16);
const dayOf = (iso: string) => formatDateTime(iso).slice(0, 10);

/**
 * The slots of a procedure's field with places left, by day (14 days ahead): every unit's, or one
 * unit's (a counter booking for a caller).
 */
export function SlotPicker({
  procedureId,
  unitId,
  onPick,
}: {
  procedureId: string;
  unitId?: string;
  onPick(slot: Slot): void;
}) {
  const t = useT();
  const slots = useApiData(
    () =>
      api<ApiResponse<'/api/queue/slots'>>('/api/queue/slots', { query: { procedureId, unitId } }).then((r) => r.slots),
    [procedureId, unitId],
  );
  if (slots.loading) return <Spin />;
  if (slots.error) return <ErrorAlert error={slots.error} />;
  if (!slots.data?.length) return <Empty description={t('bk.slots.none')} />;
  const days = [...new Set(slots.data.map((s) => dayOf(s.startsAt)))];
  return (
    <div>
      <Typography.Title level={4}>{t('bk.slots')}</Typography.Title>
      {days.map((day) => (
        <div key={day} style={{ marginBottom: 12 }}>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>{day}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {slots
              .data!.filter((s) => dayOf(s.startsAt) === day)
              .map((s) => (
                <Button
                  key={s.id}
                  onClick={() => onPick(s)}
                  aria-label={`${day} ${clock(s.startsAt)}–${clock(s.endsAt)}, ${s.unitName}, ${t('bk.remaining', { n: s.remaining })}`}
                  style={{ height: 'auto', padding: '6px 12px', textAlign: 'left' }}
                >
                  <div>
                    {clock(s.startsAt)}–{clock(s.endsAt)}
                  </div>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {s.unitName} · {t('bk.remaining', { n: s.remaining })}
                  </div>
                </Button>
              ))}
          </div>
        </div>
      ))}
    </div>
  );
}
