/**
 * Xuất báo cáo: XLSX and PDF of the processing report (POST /api/kpi/reports, then its progress,
 * then …/file). The report is made in the background, so the button shows how far it got and
 * the file downloads by itself when done. Used by the 766 dashboard, its late list, the
 * processing book and the monthly report.
 */
import { Button, Progress, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import type { ApiBody, ApiResponse } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/i18n.js';

export type ReportRequest = ApiBody<'/api/kpi/reports', 'post'>;
type Job = ApiResponse<'/api/kpi/reports/{id}'>;
type Format = 'xlsx' | 'pdf';

/** How often the progress is asked for while the report is made. */
const POLL_MS = 700;

function download(id: string, format: Format) {
  const link = document.createElement('a');
  link.href = `/api/kpi/reports/${id}/file?format=${format}`;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

export function ReportExport({ request, testId }: { request: ReportRequest | null; testId?: string }) {
  const t = useT();
  const [making, setMaking] = useState<{ format: Format; progress: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = async (format: Format) => {
    if (!request) return;
    setError(null);
    setMaking({ format, progress: 0 });
    try {
      const { id } = await api<{ id: string }>('/api/kpi/reports', { method: 'POST', body: request });
      for (;;) {
        const job = await api<Job>(`/api/kpi/reports/${id}`);
        if (!alive.current) return;
        if (job.status === 'failed') throw new Error(job.error ?? 'failed');
        setMaking({ format, progress: job.progress });
        if (job.status === 'done') break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      download(id, format);
    } catch (e) {
      if (alive.current) setError(e);
    } finally {
      if (alive.current) setMaking(null);
    }
  };

  return (
    <div data-testid={testId}>
      <Space wrap>
        {(['xlsx', 'pdf'] as const).map((format) => (
          <Button
            key={format}
            disabled={!request || (making !== null && making.format !== format)}
            loading={making?.format === format}
            onClick={() => void run(format)}
          >
            {t(format === 'xlsx' ? 'report.export.xlsx' : 'report.export.pdf')}
          </Button>
        ))}
        {making && (
          <Space role="status" aria-live="polite">
            <Progress
              type="circle"
              size={28}
              percent={Math.round(making.progress * 100)}
              aria-label={t('report.export.making')}
            />
            {t('report.export.making')}
          </Space>
        )}
      </Space>
      <ErrorAlert error={error} />
    </div>
  );
}
