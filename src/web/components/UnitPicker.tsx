import { TreeSelect } from 'antd';
import { api } from '../api.js';
import { unitOptions } from '../pages/staff/units/unitTree.js';
import type { UnitNode } from '../types.js';
import { useApiData } from './useApiData.js';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
}

/** Pick an operating unit from the tree (searchable by name or code). For Form.Item. */
export function UnitPicker({ value, onChange, placeholder, id }: Props) {
  const tree = useApiData(() => api<{ units: UnitNode[] }>('/api/units'), []);
  return (
    <TreeSelect
      key={tree.data ? 'loaded' : 'loading'}
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={placeholder}
      aria-label={placeholder}
      loading={tree.loading}
      treeData={unitOptions(tree.data?.units ?? [])}
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={(tree.data?.units ?? []).map((u) => u.id)}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
