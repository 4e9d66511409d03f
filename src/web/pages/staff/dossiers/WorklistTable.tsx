import { Table } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { ApiResponse } from '../../../api/types.js';
import { ON_TIME_TINT, OnTimeTag, onTimeState, StatusTags } from './tags.js';
import type { WorklistItem } from './types.js';
import { serverPagination } from '../../../components/serverPagination.js';

interface Props {
  /** The worklist call (useWorklist): its page of items, loading state and error. */
  list: { data: ApiResponse<'/api/dossiers'> | null; loading: boolean; error: unknown };
  page: number;
  pageSize: number;
  onPage(page: number): void;
  /** Extra column at the end: the counter lists' quick action. */
  action?: (item: WorklistItem) => ReactNode;
}

/** Dossiers in the API's order (most urgent first), each row tinted by its time state. */
export function WorklistTable({ list, page, pageSize, onPage, action }: Props) {
  const t = useT();
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<WorklistItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        // Fixed widths that fit the console beside its menu at 1366 px (≈1100 px of content): the
        // procedure takes what is left and wraps, so "Hẹn trả" and "Thời hạn" stay in view; a
        // narrower screen scrolls the table sideways.
        tableLayout="fixed"
        scroll={{ x: action ? 1040 : 900 }}
        locale={{ emptyText: t('desk.worklist.empty') }}
        pagination={serverPagination(t, { current: page, pageSize, total: list.data?.total, onChange: onPage })}
        onRow={(item) => {
          const state = onTimeState(item);
          return {
            style: state ? { background: ON_TIME_TINT[state] } : {},
            'data-testid': `dossier-row-${item.code}`,
          } as HTMLAttributes<HTMLElement>;
        }}
        columns={[
          {
            title: t('desk.dossier.code'),
            dataIndex: 'code',
            width: 170,
            render: (code: string) => (
              <Link to={`/staff/dossiers/${encodeURIComponent(code)}`} style={{ overflowWrap: 'anywhere' }}>
                {code}
              </Link>
            ),
          },
          { title: t('desk.dossier.procedure'), dataIndex: 'procedureName' },
          { title: t('desk.applicant.title'), dataIndex: 'applicantName', width: 140 },
          {
            title: t('desk.dossier.status'),
            dataIndex: 'status',
            width: 140,
            render: (_, item) => <StatusTags status={item.status} onTime={null} />,
          },
          {
            title: t('desk.dossier.currentStep'),
            key: 'step',
            width: 150,
            render: (_, item) => item.currentStep?.name ?? t('common.none'),
          },
          {
            title: t('desk.dossier.appointment'),
            dataIndex: 'appointmentAt',
            width: 130,
            render: (at: string | null) => formatDateTime(at),
          },
          {
            title: t('desk.dossier.timeState'),
            key: 'timeState',
            width: 120,
            render: (_, item) => <OnTimeTag state={onTimeState(item)} />,
          },
          ...(action
            ? [
                {
                  title: t('desk.actions'),
                  key: 'action',
                  width: 140,
                  render: (_: unknown, item: WorklistItem) => action(item),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
