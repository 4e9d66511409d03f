import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A plain bordered block for the portal (lighter than antd Card, which brings Tabs along). Its
 * title is an h3 under the page's h2 (no skipped level for screen readers), sized as an h4.
 */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, padding: 24, height: '100%' }}>
      <Typography.Title level={3} style={{ marginTop: 0, fontSize: 20 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
