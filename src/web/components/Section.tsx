import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A plain bordered block for the portal (lighter than antd Card, which brings Tabs along). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, padding: 24, height: '100%' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
