import { Alert, Button, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useApiData } from '../../../../components/useApiData.js';
import { useT } from '../../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../../types.js';
import { useDebounced } from '../../../portal/useDebounced.js';
import type { ApiResponse } from '../../../../api/types.js';

/**
 * Chọn thủ tục: search as you type (code, name without diacritics, acronym), then the chosen
 * procedure's detail. A procedure not filed at the counter is shown but cannot go further.
 */
export function ProcedurePicker({
  chosen,
  onChoose,
}: {
  chosen: ProcedureDetail | null;
  onChoose(p: ProcedureDetail): void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const found = useApiData(
    () =>
      q ? api<ApiResponse<'/api/procedures'>>('/api/procedures', { query: { q, pageSize: 8 } }) : Promise.resolve(null),
    [q],
  );

  const choose = async (id: string) => {
    setLoading(id);
    setError(null);
    try {
      onChoose(await api<ProcedureDetail>(`/api/procedures/${id}`));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(null);
    }
  };

  return (
    <div style={{ maxWidth: 760 }}>
      <Input.Search
        autoFocus
        allowClear
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('desk.wizard.searchProcedure')}
        aria-label={t('desk.wizard.searchProcedure')}
        loading={found.loading && !!q}
      />
      <ErrorAlert error={found.error ?? error} />
      {q && (
        <List
          style={{ marginTop: 12 }}
          dataSource={found.data?.items ?? []}
          locale={{ emptyText: found.loading ? ' ' : t('desk.wizard.noProcedure') }}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Button
                  key="choose"
                  type={chosen?.id === p.id ? 'primary' : 'default'}
                  loading={loading === p.id}
                  onClick={() => void choose(p.id)}
                  aria-label={`${t('desk.wizard.choose')}: ${p.name}`}
                >
                  {chosen?.id === p.id ? t('desk.wizard.chosen') : t('desk.wizard.choose')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={p.name} description={`${p.nationalCode} · ${p.fieldName}`} />
            </List.Item>
          )}
        />
      )}
      {chosen && (
        <Alert
          style={{ marginTop: 16 }}
          type={chosen.channels.some((c) => c.channel === 'counter') ? 'success' : 'warning'}
          showIcon
          message={
            <Typography.Text strong data-testid="chosen-procedure">
              {chosen.name}
            </Typography.Text>
          }
          description={
            chosen.channels.some((c) => c.channel === 'counter') ? chosen.nationalCode : t('desk.wizard.notAtCounter')
          }
        />
      )}
    </div>
  );
}
