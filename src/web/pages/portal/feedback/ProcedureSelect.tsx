import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { useApiData } from '../../../components/useApiData.js';
import { useDebounced } from '../useDebounced.js';
import type { ApiResponse } from '../../../api/types.js';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder: string;
}

/** A procedure by name or national code, searched on the server as the person types (Form.Item). */
export function ProcedureSelect({ id, value, onChange, placeholder }: Props) {
  const [text, setText] = useState('');
  // The chosen option stays labelled once the search text (and so the result list) is cleared.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const q = useDebounced(text.trim(), 300);
  const found = useApiData(
    () =>
      q
        ? api<ApiResponse<'/api/procedures'>>('/api/procedures', { query: { q, pageSize: 20 } })
        : Promise.resolve(null),
    [q],
  );
  const options = (found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.nationalCode} — ${p.name}` }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select<string>
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(v, option) => {
        setChosen(v && option && !Array.isArray(option) ? { value: v, label: String(option.label) } : null);
        onChange?.(v);
      }}
      onSearch={setText}
      placeholder={placeholder}
      aria-label={placeholder}
      loading={found.loading && !!q}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
