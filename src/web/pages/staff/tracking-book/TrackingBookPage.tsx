/**
 * /staff/tracking-book — Sổ theo dõi hồ sơ (Mẫu số 07): a unit and a period, the book's rows, and
 * its XLSX and PDF (GET /api/dossiers/tracking-book) through the shared export buttons.
 */
import { Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { type Exporter, ExportButtons, fetchFile } from '../../../components/ExportButtons.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';

type Book = ApiResponse<'/api/dossiers/tracking-book/rows'>;
type Row = Book['rows'][number];

const COLUMNS: { key: keyof Row; title: string; width?: number }[] = [
  { key: 'code', title: 'Mã hồ sơ', width: 190 },
  { key: 'procedureName', title: 'Tên thủ tục hành chính' },
  { key: 'applicantName', title: 'Tên cá nhân, tổ chức' },
  { key: 'competentUnitName', title: 'Cơ quan chủ trì giải quyết' },
  { key: 'receivedAt', title: 'Ngày, giờ nhận hồ sơ', width: 130 },
  { key: 'appointmentAt', title: 'Ngày, giờ hẹn trả kết quả', width: 130 },
  { key: 'returnedAt', title: 'Ngày, giờ trả kết quả', width: 130 },
  { key: 'note', title: 'Ghi chú' },
];

/** Today in Vietnam (UTC+7) as YYYY-MM-DD, whatever the browser's zone. */
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function TrackingBookPage() {
  const t = useT();
  const session = useSession();
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const [unit, setUnit] = useState<string | null>(me?.roles.find((r) => r.unitId)?.unitId ?? null);
  const [from, setFrom] = useState(() => `${vnToday().slice(0, 8)}01`);
  const [to, setTo] = useState(vnToday);
  const query = unit && from && to ? { unit, from, to } : null;
  const book = useApiData(
    () => (query ? api<Book>('/api/dossiers/tracking-book/rows', { query }) : Promise.resolve(null)),
    [unit, query?.from, query?.to],
  );
  const exporter: Exporter | null = query
    ? (format, progress) =>
        fetchFile(
          `/api/dossiers/tracking-book?${new URLSearchParams({ ...query, format })}`,
          progress,
          `so-theo-doi-${query.from}-${query.to}.${format}`,
        )
    : null;

  return (
    <Card
      title={t('trackingBook.title')}
      extra={<ExportButtons exporter={exporter} testId="tracking-book-export" />}
      data-testid="tracking-book"
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 320 }}>
          <UnitPicker value={unit} onChange={setUnit} placeholder={t('trackingBook.unit')} />
        </div>
        <Input type="date" aria-label={t('trackingBook.from')} value={from} onChange={(e) => setFrom(e.target.value)} />
        <Input type="date" aria-label={t('trackingBook.to')} value={to} onChange={(e) => setTo(e.target.value)} />
      </Space>
      <ErrorAlert error={book.error} />
      <Table<Row & { index: number }>
        size="small"
        rowKey="code"
        loading={book.loading}
        scroll={{ x: 1100 }}
        dataSource={(book.data?.rows ?? []).map((r, i) => ({ ...r, index: i + 1 }))}
        columns={[
          { key: 'index', dataIndex: 'index', title: 'STT', width: 56 },
          ...COLUMNS.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title, width: c.width })),
        ]}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        footer={() => (
          <Typography.Text strong>{t('trackingBook.total', { count: book.data?.rows.length ?? 0 })}</Typography.Text>
        )}
      />
    </Card>
  );
}
