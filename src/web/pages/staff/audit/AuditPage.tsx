import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ListSearch } from '../../../components/ListSearch.js';
import { usePagedList } from '../../../components/usePagedList.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { AuditRecord, AuditVerify } from '../../../types.js';

const PAGE_SIZE = 50;

/** Nhật ký: the audit log, newest first, and a check of its hash chain. */
export function AuditPage() {
  const t = useT();
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const list = usePagedList('/api/audit', { pageSize: PAGE_SIZE, filter: 'action' });

  const check = async () => {
    setVerifying(true);
    setVerifyError(null);
    setVerify(null);
    try {
      setVerify(await api<AuditVerify>('/api/audit/verify'));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card
      title={t('audit.title')}
      extra={
        <ListSearch label={t('audit.filterAction')} width={280} onSearch={list.search}>
          <Button type="primary" loading={verifying} onClick={() => void check()}>
            {t('audit.verify')}
          </Button>
        </ListSearch>
      }
    >
      <ErrorAlert error={verifyError} />
      {verify && (
        <Alert
          data-testid="audit-verify"
          showIcon
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          message={
            verify.ok || !verify.firstBreak
              ? t('audit.ok', { checked: verify.checked })
              : t('audit.broken', {
                  seq: verify.firstBreak.seq,
                  reason: verify.firstBreak.reason,
                  checked: verify.checked,
                })
          }
        />
      )}
      <ErrorAlert error={list.error} />
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        {...list.table}
        tableLayout="fixed"
        columns={[
          {
            title: t('audit.seq'),
            dataIndex: 'seq',
            width: 70,
            // Null for the instant between commit and chaining.
            render: (v: number | null) => v ?? '…',
          },
          { title: t('audit.time'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v), width: 110 },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            render: (v: string | null) => v ?? t('audit.system'),
            width: 130,
            ellipsis: true,
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 210,
            ellipsis: true,
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: t('audit.target'),
            key: 'target',
            width: 200,
            render: (_, r) => (
              <span style={{ wordBreak: 'break-all' }}>
                {r.targetType}
                {r.targetId && <Typography.Text type="secondary"> {r.targetId}</Typography.Text>}
              </span>
            ),
          },
          {
            title: t('audit.summary'),
            dataIndex: 'summary',
            ellipsis: true,
            render: (v: Record<string, unknown>) =>
              Object.keys(v).length ? (
                <span style={{ fontSize: 12, fontFamily: 'monospace' }}>{JSON.stringify(v)}</span>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
