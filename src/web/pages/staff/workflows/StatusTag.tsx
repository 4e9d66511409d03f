import { Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { WorkflowSummary } from '../../../types.js';

const COLOR: Record<WorkflowSummary['status'], string> = {
  draft: 'blue',
  approved: 'purple',
  active: 'green',
  retired: 'default',
};

export function WorkflowStatusTag({ status }: { status: WorkflowSummary['status'] }) {
  const t = useT();
  return <Tag color={COLOR[status]}>{t(`admin.wf.status.${status}`)}</Tag>;
}
