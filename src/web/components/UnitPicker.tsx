import { TreeSelect } from 'antd';
import { api } from '../api.js';
import { unitOptions } from '../pages/staff/units/unitTree.js';
import type { ApiResponse } from '../api/types.js';
import { useApiData } from './useApiData.js';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
}

/** Pick an operating unit from the tree (searchable by name or code). For Form.Item. */
export function UnitPicker({ value, onChange, placeholder, id }: Props) {
  const tree = useApiData(() => api<ApiResponse<'/api/units'>>('/api/units'), []);
  const common = { id, placeholder, 'aria-label': placeholder, style: { width: '100%' } };
  // Until the tree arrives the picker is disabled: nothing typed or chosen can be lost when the
  // real one (with the top level expanded) takes its place.
  if (!tree.data) return <TreeSelect {...common} disabled loading value={value ?? undefined} />;
  return (
    <TreeSelect
      {...common}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={unitOptions(tree.data.units)}
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={tree.data.units.map((u) => u.id)}
      popupMatchSelectWidth={false}
    />
  );
}
