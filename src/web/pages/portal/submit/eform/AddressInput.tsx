import { ConfigProvider, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../../api.js';
import { useT } from '../../../../i18n/i18n.js';

interface Unit {
  code: string;
  name: string;
}
interface Address {
  provinceCode?: string;
  communeCode?: string;
  detail?: string;
}

const cache = new Map<string, Promise<Unit[]>>();
const units = (path: string) => {
  let hit = cache.get(path);
  if (!hit) {
    hit = api<{ items: Unit[] }>(path).then((r) => r.items);
    cache.set(path, hit);
  }
  return hit;
};

/** Province → commune (after the 2025 reform) → house number and street. */
export function AddressInput(props: {
  id: string;
  value: Address | undefined;
  disabled: boolean;
  onChange(value: Address): void;
}) {
  const t = useT();
  const value = props.value ?? {};
  const [provinces, setProvinces] = useState<Unit[]>([]);
  const [communes, setCommunes] = useState<Unit[]>([]);
  useEffect(() => {
    void units('/api/addresses/provinces').then(setProvinces);
  }, []);
  useEffect(() => {
    if (value.provinceCode) void units(`/api/addresses/provinces/${value.provinceCode}/communes`).then(setCommunes);
    else setCommunes([]);
  }, [value.provinceCode]);
  const options = (list: Unit[]) => list.map((u) => ({ value: u.code, label: u.name }));
  // A locked address (from the population database) is read, not typed: its chosen names keep
  // text contrast (WCAG 1.4.3); antd's disabled Select greys them to 1.8:1.
  return (
    <ConfigProvider theme={props.disabled ? { token: { colorTextDisabled: '#595959' } } : {}}>
      <Space.Compact block style={{ flexWrap: 'wrap', gap: 8 }}>
        <Select
          id={`${props.id}-province`}
          aria-label={t('eform.province')}
          placeholder={t('eform.province')}
          showSearch
          optionFilterProp="label"
          disabled={props.disabled}
          style={{ minWidth: 200 }}
          value={value.provinceCode}
          options={options(provinces)}
          onChange={(provinceCode: string) => props.onChange({ ...value, provinceCode, communeCode: undefined })}
        />
        <Select
          id={`${props.id}-commune`}
          aria-label={t('eform.commune')}
          placeholder={t('eform.commune')}
          showSearch
          optionFilterProp="label"
          disabled={props.disabled || !value.provinceCode}
          style={{ minWidth: 220 }}
          value={value.communeCode}
          options={options(communes)}
          onChange={(communeCode: string) => props.onChange({ ...value, communeCode })}
        />
        <Input
          id={`${props.id}-detail`}
          aria-label={t('eform.detail')}
          placeholder={t('eform.detail')}
          disabled={props.disabled}
          style={{ minWidth: 260, flex: 1 }}
          value={value.detail ?? ''}
          onChange={(e) => props.onChange({ ...value, detail: e.target.value })}
        />
      </Space.Compact>
    </ConfigProvider>
  );
}
