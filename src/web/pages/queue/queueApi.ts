/** The queue API's JSON as the pages receive it (dates as strings), and the board's live stream. */
import { useEffect, useState } from 'react';
import { api } from '../../api.js';

export interface QueueUnit {
  unitId: string;
  unitName: string;
}

export interface BoardTicket {
  number: number;
  label: string;
  fieldCode: string;
  fieldName: string;
}

export interface Board {
  unitId: string;
  unitName: string;
  day: string;
  fields: { code: string; name: string }[];
  serving: (BoardTicket & { counter: number; calledAt: string; recalls: number })[];
  next: (BoardTicket & { priority: 'priority' | 'booked' | 'none' })[];
  waitingCount: number;
}

export interface Slot {
  id: string;
  unitId: string;
  unitName: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
}

export interface Booking {
  code: string;
  status: 'booked' | 'cancelled' | 'checkedIn' | 'noShow';
  unitName: string;
  procedureName: string;
  name: string;
  startsAt: string;
  endsAt: string;
  qrText: string;
  qrDataUrl: string;
}

export interface Ticket {
  number: number;
  label: string;
  status: string;
  booked: boolean;
  counterNumber: number | null;
}

export interface IssuedTicket extends Ticket {
  fieldName: string;
  ahead: number;
}

export const queueUnits = () => api<{ units: QueueUnit[] }>('/api/public/queue').then((r) => r.units);
export const fetchBoard = (unitId: string) => api<Board>(`/api/public/queue/${unitId}`);

/**
 * The board of a unit, kept current by the server-sent-event stream (EventSource reconnects by
 * itself after a drop; the server sends the whole board at once on every connection).
 */
export function useLiveBoard(unitId: string | null) {
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!unitId) return;
    setBoard(null);
    fetchBoard(unitId).then(setBoard, setError);
    const source = new EventSource(`/api/public/queue/${unitId}/events`);
    source.addEventListener('board', (e) => {
      setBoard(JSON.parse((e as MessageEvent<string>).data) as Board);
      setLive(true);
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [unitId]);
  return { board, error, live };
}
