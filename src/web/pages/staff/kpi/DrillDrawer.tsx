/**
 * The rows behind a number: a drawer listing the dossiers (or procedures, decision items,
 * feedback items) page by page, each dossier a link to its page in the console.
 */
import { Drawer, Table } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import type { DrillPage } from '../../../kpi/types.js';
import { Link } from '../../../router.js';

export interface Drill {
  /** What the list is, e.g. "Hồ sơ có kết quả điện tử — Tử số". */
  title: string;
  load: (page: number, pageSize: number) => Promise<DrillPage>;
}

const PAGE_SIZE = 20;

export function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={!!drill}
      onClose={onClose}
      title={drill ? t('kpi.drill.title', { what: drill.title }) : ''}
      width={Math.min(640, window.innerWidth)}
      destroyOnHidden
    >
      {drill ? <DrillList drill={drill} /> : null}
    </Drawer>
  );
}

function DrillList({ drill }: { drill: Drill }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const rows = useApiData(() => drill.load(page, PAGE_SIZE), [drill, page]);
  return (
    <>
      <ErrorAlert error={rows.error} />
      <Table
        data-testid="drill-list"
        rowKey="code"
        size="small"
        loading={rows.loading}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: t('kpi.drill.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: rows.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            key: 'code',
            title: '#',
            render: (_, item) =>
              item.kind === 'dossier' ? (
                <Link to={`/staff/dossiers/${encodeURIComponent(item.code)}`}>{item.code}</Link>
              ) : (
                item.code
              ),
          },
          { key: 'name', title: '', dataIndex: 'name' },
        ]}
      />
    </>
  );
}
