import { Skeleton, Typography } from 'antd';
import { api } from '../../api.js';
import { KioskError } from './KioskError.js';
import { useApiData } from '../../components/useApiData.js';
import type { ProcedureDetail } from '../../types.js';
import { ProcedureFacts } from '../portal/procedure/ProcedureFacts.js';
import { ProcedureParts } from '../portal/procedure/ProcedureParts.js';

/** One procedure in full, in kiosk type. */
export function KioskProcedure({ id }: { id: string }) {
  const procedure = useApiData(() => api<ProcedureDetail>(`/api/procedures/${id}`, { on401: 'throw' }), [id]);
  const p = procedure.data;
  return (
    <article style={{ background: '#fff', borderRadius: 12, padding: 24 }}>
      <KioskError error={procedure.error} />
      {procedure.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {p && (
        <>
          <Typography.Title level={2}>{p.name}</Typography.Title>
          <ProcedureFacts procedure={p} />
          <div style={{ marginTop: 24 }}>
            <ProcedureParts procedure={p} />
          </div>
        </>
      )}
    </article>
  );
}
