import { Input, Space } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** Also the placeholder. */
  label: string;
  width: number;
  onSearch(value: string): void;
  /** The list's actions, after the box. */
  children?: ReactNode;
}

/** The toolbar above a paged list: its search box, then its actions. */
export function ListSearch({ label, width, onSearch, children }: Props) {
  return (
    <Space>
      <Input.Search allowClear placeholder={label} aria-label={label} onSearch={onSearch} style={{ width }} />
      {children}
    </Space>
  );
}
