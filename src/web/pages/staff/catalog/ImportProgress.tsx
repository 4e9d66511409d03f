import { Alert, Descriptions, Progress, Table, Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { CatalogImport } from '../../../types.js';

type Rejected = CatalogImport['rejected'][number];

/** Where an import stands: rows done of all, imported, and each rejected row with its reasons. */
export function ImportProgress({ status }: { status: CatalogImport }) {
  const t = useT();
  const percent = status.totalRows ? Math.round((status.processedRows / status.totalRows) * 100) : 100;
  return (
    <div data-testid="import-status">
      <Progress
        percent={status.status === 'done' ? 100 : percent}
        status={status.status === 'failed' ? 'exception' : status.status === 'running' ? 'active' : 'success'}
      />
      {status.error && <Alert type="error" showIcon message={status.error} style={{ margin: '12px 0' }} />}
      <Descriptions size="small" column={1} bordered style={{ margin: '12px 0' }}>
        <Descriptions.Item label={t('users.status')}>
          <Tag color={status.status === 'done' ? 'green' : status.status === 'failed' ? 'red' : 'blue'}>
            {t(`admin.imp.${status.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.imp.rows')}>
          {t('admin.imp.rowsText', { processed: status.processedRows, total: status.totalRows })}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.imp.imported')}>{status.importedRows}</Descriptions.Item>
        <Descriptions.Item label={t('admin.imp.rejected')}>{status.rejected.length}</Descriptions.Item>
      </Descriptions>
      {status.rejected.length > 0 && (
        <Table<Rejected>
          rowKey="row"
          size="small"
          dataSource={status.rejected}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('admin.imp.row'), dataIndex: 'row', width: 70 },
            {
              title: t('admin.cat.code'),
              dataIndex: 'nationalCode',
              width: 110,
              render: (c: string | null) => c ?? t('common.none'),
            },
            {
              title: t('admin.imp.problems'),
              dataIndex: 'problems',
              render: (problems: Rejected['problems']) => (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((p) => (
                    <li key={`${p.field}-${p.message}`}>{`${p.field}: ${p.message}`}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
