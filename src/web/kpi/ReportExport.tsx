/**
 * Xuất báo cáo: XLSX and PDF of the processing report (POST /api/kpi/reports, then its progress,
 * then …/file), through the shared ExportButtons. Used by the 766 dashboard, its late list and
 * the monthly report.
 */
import { api } from '../api.js';
import type { ApiBody, ApiResponse } from '../api/types.js';
import { type Exporter, ExportButtons } from '../components/ExportButtons.js';

export type ReportRequest = ApiBody<'/api/kpi/reports', 'post'>;
type Job = ApiResponse<'/api/kpi/reports/{id}'>;

/** How often the progress is asked for while the report is made. */
const POLL_MS = 700;

/** The report is made in the background: start the job, follow its progress, then its file's address. */
function reportExporter(request: ReportRequest): Exporter {
  return async (format, progress, alive) => {
    const { id } = await api<{ id: string }>('/api/kpi/reports', { method: 'POST', body: request });
    for (;;) {
      const job = await api<Job>(`/api/kpi/reports/${id}`);
      if (!alive()) break;
      if (job.status === 'failed') throw new Error(job.error ?? 'failed');
      progress(job.progress);
      if (job.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return `/api/kpi/reports/${id}/file?format=${format}`;
  };
}

export function ReportExport({ request, testId }: { request: ReportRequest | null; testId?: string }) {
  return <ExportButtons exporter={request ? reportExporter(request) : null} testId={testId} />;
}
