import { useEffect, useState } from 'react';

/**
 * The signed-in person's unread count, live: the server's event stream sends it at once and on
 * every change (EventSource reconnects by itself). Null until the first event, or when signed out.
 */
export function useUnread(signedIn: boolean): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/inbox/stream');
    source.addEventListener('unread', (event) => {
      setUnread((JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread);
    });
    return () => source.close();
  }, [signedIn]);
  return unread;
}
