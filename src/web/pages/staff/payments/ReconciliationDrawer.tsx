import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, formatDateTime, formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { type DiscrepancyLine, getReconciliation } from '../../payments/paymentsApi.js';

const KIND_COLOR: Record<DiscrepancyLine['kind'], string> = {
  amount: 'orange',
  status: 'gold',
  missingHere: 'red',
  missingThere: 'volcano',
};

/** One side of a discrepancy: its amount and status, as far as the kind compares them. */
function Side({ vnd, status }: { vnd: number | null; status: string | null }) {
  return <span>{[vnd === null ? null : formatVnd(vnd), status].filter(Boolean).join(' · ') || '—'}</span>;
}

/** One đối soát run: its figures and every discrepancy, each with its dossier when the order is ours. */
export function ReconciliationDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT();
  const detail = useApiData(() => getReconciliation(id), [id]);
  const r = detail.data;
  return (
    <Drawer
      open
      width={900}
      title={r ? t('pay.rec.detail', { day: formatDate(r.day) }) : t('pay.rec.title')}
      onClose={onClose}
      loading={detail.loading && !r}
    >
      <ErrorAlert error={detail.error} />
      {r && (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" data-testid="rec-detail">
            <Descriptions.Item label={t('pay.rec.runAt')}>{formatDateTime(r.runAt)}</Descriptions.Item>
            <Descriptions.Item label={t('pay.rec.runBy')}>{r.runBy?.fullName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pay.rec.statement')}>{r.statementCount}</Descriptions.Item>
            <Descriptions.Item label={t('pay.rec.matched')}>{r.matched}</Descriptions.Item>
            <Descriptions.Item label={t('pay.rec.oursPaid')}>
              {r.oursPaidVnd === null ? '—' : formatVnd(r.oursPaidVnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pay.rec.statementPaid')}>
              {r.statementPaidVnd === null ? '—' : formatVnd(r.statementPaidVnd)}
            </Descriptions.Item>
          </Descriptions>
          {r.lines.length === 0 ? (
            <Typography.Paragraph style={{ marginTop: 16 }} data-testid="rec-no-lines">
              {t('pay.rec.noLines')}
            </Typography.Paragraph>
          ) : (
            <>
              <Alert type="info" showIcon style={{ margin: '16px 0' }} message={t('pay.rec.resolveHint')} />
              <Table<DiscrepancyLine>
                rowKey={(l) => `${l.kind}:${l.orderId}`}
                size="small"
                pagination={r.lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                scroll={{ x: 820 }}
                dataSource={r.lines}
                data-testid="rec-lines"
                columns={[
                  {
                    title: t('pay.rec.kind'),
                    dataIndex: 'kind',
                    render: (k: DiscrepancyLine['kind']) => <Tag color={KIND_COLOR[k]}>{t(`pay.rec.kind.${k}`)}</Tag>,
                  },
                  { title: t('pay.rec.dossier'), dataIndex: 'dossierCode', render: (c: string | null) => c ?? '—' },
                  { title: t('pay.rec.transaction'), render: (_, l) => l.transactionId ?? '—' },
                  {
                    title: t('pay.rec.order'),
                    dataIndex: 'orderId',
                    render: (o: string) => (
                      <Typography.Text style={{ wordBreak: 'break-all', fontSize: 12 }}>{o}</Typography.Text>
                    ),
                  },
                  {
                    title: t('pay.rec.ours'),
                    render: (_, l) => (
                      <Side vnd={l.oursVnd} status={l.oursStatus ? t(`pay.status.${l.oursStatus}`) : null} />
                    ),
                  },
                  {
                    title: t('pay.rec.theirs'),
                    render: (_, l) => (
                      <Side vnd={l.theirsVnd} status={l.theirsStatus ? t(`pay.platform.${l.theirsStatus}`) : null} />
                    ),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
