import { App, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, formatDateTime, formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { listReconciliations, type ReconciliationRun, runReconciliation } from '../../payments/paymentsApi.js';
import { ReconciliationDrawer } from './ReconciliationDrawer.js';
import { serverPagination } from '../../../components/serverPagination.js';

const PAGE_SIZE = 20;

interface Picked {
  format(pattern: string): string;
}
const isoOf = (d: Picked | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const money = (v: number | null) => (v === null ? '—' : formatVnd(v));

/**
 * Đối soát: past runs of the platform's statement against our online payments, newest statement
 * day first, filtered by a range of days; a run opens its discrepancies. Running one for a day is
 * here too (payment.reconcile: unit leaders, system administrators).
 */
export function ReconciliationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [range, setRange] = useState<{ from?: string | undefined; to?: string | undefined }>({});
  const [page, setPage] = useState(1);
  const [day, setDay] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const list = useApiData(() => listReconciliations({ ...range, page, pageSize: PAGE_SIZE }), [range, page]);

  const run = async () => {
    if (!day) return;
    setRunning(true);
    setRunError(null);
    try {
      const r = await runReconciliation(day);
      void message.success(
        t('pay.rec.done', {
          day: formatDate(r.day),
          matched: r.matched,
          issues: r.mismatched + r.missingHere + r.missingThere,
        }),
      );
      list.reload();
    } catch (e) {
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };

  const runs = list.data?.items ?? [];
  return (
    <Card
      title={t('pay.rec.title')}
      extra={
        <Space wrap>
          <DatePicker
            format="DD/MM/YYYY"
            aria-label={t('pay.rec.runDay')}
            placeholder={t('pay.rec.runDay')}
            style={{ width: 190 }}
            onChange={(d: Picked | null) => setDay(isoOf(d))}
          />
          <Button type="primary" disabled={!day} loading={running} onClick={() => void run()} data-testid="rec-run">
            {t('pay.rec.run')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('pay.rec.filter')}</Typography.Text>
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          aria-label={t('pay.rec.filter')}
          onChange={(dates: [Picked | null, Picked | null] | null) => {
            setRange({ from: isoOf(dates?.[0]), to: isoOf(dates?.[1]) });
            setPage(1);
          }}
        />
      </Space>
      <ErrorAlert error={runError} />
      <ErrorAlert error={list.error} />
      {/* A plain line when there is nothing: antd greys the empty row below the WCAG contrast minimum. */}
      {list.data && runs.length === 0 ? (
        <Typography.Paragraph data-testid="rec-none">{t('pay.rec.none')}</Typography.Paragraph>
      ) : (
        <Table<ReconciliationRun>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={runs}
          scroll={{ x: 1100 }}
          data-testid="rec-runs"
          pagination={serverPagination(t, {
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            onChange: setPage,
          })}
          columns={[
            {
              title: t('pay.rec.day'),
              dataIndex: 'day',
              render: (d: string, r) => (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => setOpened(r.id)}
                  aria-label={`${t('pay.rec.open')} ${formatDate(d)}`}
                >
                  {formatDate(d)}
                </Button>
              ),
            },
            { title: t('pay.rec.runAt'), dataIndex: 'runAt', render: (v: string) => formatDateTime(v) },
            { title: t('pay.rec.runBy'), render: (_, r) => r.runBy?.fullName ?? '—' },
            { title: t('pay.rec.statement'), dataIndex: 'statementCount', align: 'right' },
            { title: t('pay.rec.matched'), dataIndex: 'matched', align: 'right' },
            { title: t('pay.rec.mismatched'), dataIndex: 'mismatched', align: 'right' },
            { title: t('pay.rec.missingHere'), dataIndex: 'missingHere', align: 'right' },
            { title: t('pay.rec.missingThere'), dataIndex: 'missingThere', align: 'right' },
            { title: t('pay.rec.oursPaid'), dataIndex: 'oursPaidVnd', align: 'right', render: money },
            { title: t('pay.rec.statementPaid'), dataIndex: 'statementPaidVnd', align: 'right', render: money },
          ]}
        />
      )}
      {opened && <ReconciliationDrawer id={opened} onClose={() => setOpened(null)} />}
    </Card>
  );
}
