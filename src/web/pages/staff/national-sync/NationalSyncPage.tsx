/** Đồng bộ Cổng DVCQG: a unit's dossiers whose sync failed or waits, with "sync again". */
import { App, Button, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';
import { serverPagination } from '../../../components/serverPagination.js';
import type { ApiResponse, Schema } from '../../../api/types.js';

type NationalSync = Schema<'NationalSync'>;
type SyncStatus = NationalSync['status'];

const PAGE_SIZE = 20;
const COLOR: Record<SyncStatus, string> = { failed: 'red', pending: 'gold', synced: 'green' };

export function NationalSyncPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const [unit, setUnit] = useState<string | null>(
    () =>
      me?.roles.find((r) => (r.role === 'unit_leader' || r.role === 'procedure_control_officer') && r.unitId)?.unitId ??
      null,
  );
  const [status, setStatus] = useState<SyncStatus>('failed');
  const [page, setPage] = useState(1);
  const [retryError, setRetryError] = useState<unknown>(null);
  const list = useApiData(
    () =>
      unit
        ? api<ApiResponse<'/api/national-portal/syncs'>>('/api/national-portal/syncs', {
            query: { unit, status, page, pageSize: PAGE_SIZE },
          })
        : Promise.resolve(null),
    [unit, status, page],
  );

  const retry = async (code: string) => {
    setRetryError(null);
    try {
      await api(`/api/national-portal/syncs/${encodeURIComponent(code)}/retry`, { method: 'POST' });
      void message.success(t('nsync.retried', { code }));
      list.reload();
    } catch (e) {
      setRetryError(e);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <Card title={t('nsync.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('nsync.hint')}</Typography.Paragraph>
        <Row gutter={[16, 8]}>
          <Col xs={24} md={14}>
            <label htmlFor="nsync-unit">{t('nsync.unit')}</label>
            <UnitPicker
              id="nsync-unit"
              value={unit}
              onChange={(v) => {
                setUnit(v);
                setPage(1);
              }}
              placeholder={t('nsync.unit')}
            />
          </Col>
          <Col xs={24} md={10}>
            <label htmlFor="nsync-status">{t('nsync.status')}</label>
            <Select
              id="nsync-status"
              aria-label={t('nsync.status')}
              value={status}
              onChange={(v: SyncStatus) => {
                setStatus(v);
                setPage(1);
              }}
              style={{ width: '100%' }}
              options={(['failed', 'pending', 'synced'] as const).map((s) => ({
                value: s,
                label: t(`nsync.status.${s}`),
              }))}
            />
          </Col>
        </Row>
        <ErrorAlert error={list.error ?? retryError} />
        {!unit && <Typography.Text>{t('nsync.chooseUnit')}</Typography.Text>}
        {/* A plain line rather than antd's greyed empty row (below WCAG contrast). */}
        {unit && list.data && items.length === 0 && (
          <Typography.Text data-testid="nsync-none">{t('nsync.none')}</Typography.Text>
        )}
        {items.length > 0 && (
          <Table<NationalSync>
            rowKey="dossierCode"
            size="small"
            data-testid="nsync-table"
            loading={list.loading}
            dataSource={items}
            scroll={{ x: 900 }}
            pagination={serverPagination(t, {
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total,
              onChange: setPage,
            })}
            columns={[
              { title: t('nsync.code'), dataIndex: 'dossierCode', width: 220 },
              { title: t('nsync.procedure'), dataIndex: 'procedureCode', width: 100 },
              {
                title: t('nsync.status'),
                dataIndex: 'status',
                width: 120,
                render: (s: SyncStatus) => <Tag color={COLOR[s]}>{t(`nsync.status.${s}`)}</Tag>,
              },
              { title: t('nsync.attempts'), dataIndex: 'attempts', width: 90 },
              {
                title: t('nsync.next'),
                dataIndex: 'nextAttemptAt',
                width: 140,
                render: (v: string | null) => (v ? formatDateTime(v) : '—'),
              },
              {
                title: t('nsync.lastSynced'),
                dataIndex: 'lastSyncedAt',
                width: 140,
                render: (v: string | null) => (v ? formatDateTime(v) : '—'),
              },
              {
                title: t('nsync.error'),
                key: 'error',
                ellipsis: true,
                render: (_, r) => (r.lastErrorCode ? `${r.lastErrorCode}: ${r.lastErrorMessage ?? ''}` : '—'),
              },
              {
                title: '',
                key: 'retry',
                width: 140,
                render: (_, r) => (
                  <Button
                    size="small"
                    onClick={() => void retry(r.dossierCode)}
                    data-testid={`nsync-retry-${r.dossierCode}`}
                  >
                    {t('nsync.retry')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
