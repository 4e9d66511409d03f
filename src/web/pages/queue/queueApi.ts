/** The queue API's types (from the generated schema), its public calls, and the board's live stream. */
import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { ApiResponse, Schema } from '../../api/types.js';

export type QueueUnit = ApiResponse<'/api/public/queue'>['units'][number];
export type Board = Schema<'QueueBoard'>;
export type Slot = ApiResponse<'/api/queue/slots'>['slots'][number];
export type Booking = Schema<'QueueBooking'>;
export type Ticket = Schema<'QueueTicket'>;
/** A ticket the kiosk issued: with its field's name and how many wait before it. */
export type IssuedTicket = ApiResponse<'/api/public/queue/{unitId}/tickets', 'post'>;

export const queueUnits = () => api<ApiResponse<'/api/public/queue'>>('/api/public/queue').then((r) => r.units);
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
