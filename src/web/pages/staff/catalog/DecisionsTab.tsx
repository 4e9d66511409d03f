import { Button, Table } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { usePagedList } from '../../../components/usePagedList.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { Decision } from '../../../types.js';
import { CreateDecisionModal } from './CreateDecisionModal.js';
import { DecisionDrawer } from './DecisionDrawer.js';
import { Timeliness } from './Timeliness.js';

/** Quyết định công bố, newest first, with their timeliness; a new one from here. */
export function DecisionsTab() {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // The list has no search of its own: the filter parameter stays empty.
  const list = usePagedList('/api/decisions', { pageSize: 20, filter: 'q' });
  return (
    <>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setCreating(true)}>
        {t('admin.dec.create')}
      </Button>
      <ErrorAlert error={list.error} />
      <Table<Decision>
        rowKey="id"
        size="middle"
        scroll={{ x: 720 }}
        {...list.table}
        onRow={(d) => ({ onClick: () => setSelected(d.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('admin.dec.number'),
            dataIndex: 'number',
            render: (n: string) => (
              // biome-ignore lint/a11y/useValidAnchor: the table's row click opens the decision; the link makes the number focusable and announced as a link
              <a href="#decision" onClick={(e) => e.preventDefault()}>
                {n}
              </a>
            ),
          },
          { title: t('admin.dec.signedDate'), dataIndex: 'signedDate', render: formatDate },
          { title: t('admin.dec.effectiveDate'), dataIndex: 'effectiveDate', render: formatDate },
          { title: t('admin.dec.issuingUnit'), dataIndex: 'issuingUnitName' },
          {
            title: t('admin.dec.timeliness'),
            key: 'timeliness',
            render: (_, d) => <Timeliness compliance={d.compliance} />,
          },
        ]}
      />
      {selected && <DecisionDrawer decisionId={selected} onClose={() => setSelected(null)} onChanged={list.reload} />}
      {creating && (
        <CreateDecisionModal
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            list.reload();
            setSelected(d.id);
          }}
        />
      )}
    </>
  );
}
