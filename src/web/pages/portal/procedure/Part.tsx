import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** One part of a procedure (trình tự, cách thức, thành phần…): a heading and its content. */
export function Part({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section style={{ marginBottom: 24 }} data-testid={testId}>
      <Typography.Title level={3} style={{ fontSize: '1.15em', marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
