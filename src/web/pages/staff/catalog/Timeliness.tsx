import { Space, Tag } from 'antd';
import { type MessageKey, useT } from '../../../i18n/i18n.js';
import type { Decision } from '../../../types.js';

function Verdict({ label, value }: { label: MessageKey; value: boolean | null }) {
  const t = useT();
  // Words with the colours (never colour alone); null = not yet known (no date recorded).
  if (value === null) return <Tag>{`${t(label)}: ${t('admin.cat.unknown')}`}</Tag>;
  return (
    <Tag color={value ? 'green' : 'red'}>{`${t(label)}: ${t(value ? 'admin.cat.onTime' : 'admin.cat.late')}`}</Tag>
  );
}

/** The decision's two timeliness checks of the 766 index (dated early enough, published soon enough). */
export function Timeliness({ compliance }: { compliance: Decision['compliance'] }) {
  return (
    <Space size={4} wrap>
      <Verdict label="admin.cat.decisionOnTime" value={compliance.decisionOnTime} />
      <Verdict label="admin.cat.publishedOnTime" value={compliance.publishedOnTime} />
    </Space>
  );
}
