import { Button, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { KioskError } from './KioskError.js';
import { useApiData } from '../../components/useApiData.js';
import { useT } from '../../i18n/i18n.js';
import { useDebounced } from '../portal/useDebounced.js';
import { KioskInput } from './KioskInput.js';
import type { ApiResponse } from '../../api/types.js';

/** Procedure search by touch: as-you-type results as big buttons. */
export function KioskProcedures({ onOpen }: { onOpen(id: string): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = useApiData(
    () =>
      q
        ? api<ApiResponse<'/api/procedures'>>('/api/procedures', { query: { q, page: 1, pageSize: 8 }, on401: 'throw' })
        : Promise.resolve(null),
    [q],
  );
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
        <KioskInput label={t('kiosk.procedureSearch')} value={text} onChange={setText} />
      </div>
      <div aria-live="polite" data-testid="kiosk-results">
        <KioskError error={list.error} />
        {list.loading && q && <Skeleton active />}
        {list.data?.items.length === 0 && <Empty description={t('home.noResults')} />}
        {list.data?.items.map((p) => (
          <Button
            key={p.id}
            block
            onClick={() => onOpen(p.id)}
            style={{
              height: 'auto',
              minHeight: 72,
              whiteSpace: 'normal',
              textAlign: 'left',
              justifyContent: 'flex-start',
              marginBottom: 12,
              fontSize: 20,
              padding: '12px 16px',
            }}
          >
            {p.name}
          </Button>
        ))}
      </div>
    </div>
  );
}
