/**
 * Xuất tệp: the XLSX and PDF buttons of every report screen, with progress while the file is made
 * and the download started by itself when it is ready. What "making the file" means is the
 * caller's exporter: a background job polled for its progress (the KPI report), or a file the
 * server answers at once, whose bytes are counted as they arrive (the tracking book).
 */
import { Button, Progress, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';
import { useT } from '../i18n/i18n.js';
import { ErrorAlert } from './ErrorAlert.js';

export type ExportFormat = 'xlsx' | 'pdf';
/** Progress as a fraction 0–1, or null while the size of the work is unknown. */
export type ReportProgress = (fraction: number | null) => void;
/** Makes the file and answers where to download it: a URL, or the bytes. `alive` turns false if the page is left. */
export type Exporter = (format: ExportFormat, progress: ReportProgress, alive: () => boolean) => Promise<string | File>;

function download(target: string | File) {
  const link = document.createElement('a');
  const url = typeof target === 'string' ? target : URL.createObjectURL(target);
  link.href = url;
  link.download = typeof target === 'string' ? '' : target.name;
  document.body.append(link);
  link.click();
  link.remove();
  if (typeof target !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The name in a Content-Disposition header: filename* (UTF-8) first, else filename. */
function dispositionName(header: string | null): string | undefined {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return header?.match(/filename="([^"]+)"/i)?.[1];
}

/**
 * GET a file the server makes while answering, counting its bytes against Content-Length (when
 * sent) for the progress; an error answer becomes the API's ApiError with its Vietnamese message.
 */
export async function fetchFile(url: string, progress: ReportProgress, fallbackName: string): Promise<File> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? `Lỗi máy chủ (${response.status}).`,
    );
  }
  const total = Number(response.headers.get('content-length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    chunks.push(r.value);
    received += r.value.length;
    progress(total ? received / total : null);
  }
  const name = dispositionName(response.headers.get('content-disposition')) ?? fallbackName;
  return new File(chunks as BlobPart[], name, { type: response.headers.get('content-type') ?? '' });
}

export function ExportButtons({ exporter, testId }: { exporter: Exporter | null; testId?: string | undefined }) {
  const t = useT();
  const [making, setMaking] = useState<{ format: ExportFormat; progress: number | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = async (format: ExportFormat) => {
    if (!exporter) return;
    setError(null);
    setMaking({ format, progress: 0 });
    try {
      const file = await exporter(
        format,
        (progress) => alive.current && setMaking({ format, progress }),
        () => alive.current,
      );
      if (alive.current) download(file);
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
            disabled={!exporter || (making !== null && making.format !== format)}
            loading={making?.format === format}
            onClick={() => void run(format)}
          >
            {t(format === 'xlsx' ? 'report.export.xlsx' : 'report.export.pdf')}
          </Button>
        ))}
        {making && (
          <Space role="status" aria-live="polite">
            {making.progress === null ? (
              <Spin size="small" />
            ) : (
              <Progress
                type="circle"
                size={28}
                percent={Math.round(making.progress * 100)}
                aria-label={t('report.export.making')}
              />
            )}
            {t('report.export.making')}
          </Space>
        )}
      </Space>
      <ErrorAlert error={error} />
    </div>
  );
}
