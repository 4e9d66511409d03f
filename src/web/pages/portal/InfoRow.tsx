import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** "Label: value" that stacks on a phone: lighter than antd Descriptions and never wider than the screen. */
export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px', padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}
    >
      <Typography.Text type="secondary" style={{ minWidth: 160 }}>
        {label}
      </Typography.Text>
      <div style={{ flex: '1 1 200px', wordBreak: 'break-word' }}>{children}</div>
    </div>
  );
}
