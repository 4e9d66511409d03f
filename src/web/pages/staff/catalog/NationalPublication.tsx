import { App, Button, DatePicker, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { DecisionDetail } from '../../../types.js';

/** The day the procedures appeared on the national database (KPI 1.2): shown, or recorded here. */
export function NationalPublication({ decision, onSaved }: { decision: DecisionDetail; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (decision.nationalPublishedDate) return <>{formatDate(decision.nationalPublishedDate)}</>;
  const save = async () => {
    setError(null);
    try {
      await api(`/api/decisions/${decision.id}/national-publication`, {
        method: 'PUT',
        body: { nationalPublishedDate: date },
      });
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Space wrap>
        <DatePicker
          format="DD/MM/YYYY"
          aria-label={t('admin.dec.nationalPublished')}
          onChange={(d: { format(p: string): string } | null) => setDate(d ? d.format('YYYY-MM-DD') : null)}
        />
        <Button size="small" disabled={!date} onClick={() => void save()}>
          {t('admin.dec.record')}
        </Button>
      </Space>
    </>
  );
}
