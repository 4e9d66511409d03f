import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { useApiData } from '../../../components/useApiData.js';
import type { ProcedureDetail } from '../../../types.js';
import type { ApiResponse } from '../../../api/types.js';

interface Props {
  value: string | null;
  onChange(id: string | null): void;
  label: string;
}

/** A procedure chosen by typing its name or code (the catalog's search); a given id shows its name. */
export function ProcedureSelect({ value, onChange, label }: Props) {
  const [q, setQ] = useState('');
  const found = useApiData(
    () => api<ApiResponse<'/api/procedures'>>('/api/procedures', { query: { q, pageSize: 20 } }),
    [q],
  );
  const current = useApiData(
    () => (value ? api<ProcedureDetail>(`/api/procedures/${value}`) : Promise.resolve(null)),
    [value],
  );
  const options = (found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.nationalCode} · ${p.name}` }));
  if (current.data && !options.some((o) => o.value === current.data!.id)) {
    options.unshift({ value: current.data.id, label: `${current.data.nationalCode} · ${current.data.name}` });
  }
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      placeholder={label}
      aria-label={label}
      style={{ width: 360 }}
      value={value ?? undefined}
      onSearch={setQ}
      onChange={(id: string | undefined) => onChange(id ?? null)}
      options={options}
      loading={found.loading}
    />
  );
}
