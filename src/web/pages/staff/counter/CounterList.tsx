import { Typography } from 'antd';
import { useState } from 'react';
import { ActionButton } from '../dossiers/ActionButton.js';
import { useWorklist } from '../dossiers/useWorklist.js';
import { WorklistTable } from '../dossiers/WorklistTable.js';
import type { DossierActionName, DossierStatus } from '../dossiers/types.js';

const PAGE_SIZE = 10;

interface Props {
  title: string;
  status: DossierStatus;
  /** The one thing the counter does with these dossiers, offered on each row. */
  action: DossierActionName;
}

/** Dossiers of my units in one status, most urgent first, with their counter action. */
export function CounterList({ title, status, action }: Props) {
  const [page, setPage] = useState(1);
  const list = useWorklist({ status }, page, PAGE_SIZE);
  return (
    <section style={{ marginBottom: 24 }} data-testid={`counter-${status}`}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <WorklistTable
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        action={(item) => <ActionButton size="small" dossier={item} action={action} onChanged={list.reload} />}
      />
    </section>
  );
}
