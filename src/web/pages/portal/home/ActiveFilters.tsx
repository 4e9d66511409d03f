import { Button, Space } from 'antd';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import { flattenUnits, procedureFields, unitTree } from '../catalogData.js';
import { homeUrl } from './homeUrl.js';

/** The field and unit the results are narrowed to, each removable. */
export function ActiveFilters({ q, field, unit }: { q: string; field: string | null; unit: string | null }) {
  const t = useT();
  const fields = useApiData(procedureFields, []);
  const units = useApiData(unitTree, []);
  if (!field && !unit) return null;
  const fieldName = fields.data?.find((f) => f.code === field)?.name ?? field;
  const unitName = units.data ? (flattenUnits(units.data).find((u) => u.id === unit)?.name ?? unit) : unit;
  const remove = (which: 'field' | 'unit') =>
    navigate(homeUrl({ q, field: which === 'field' ? null : field, unit: which === 'unit' ? null : unit }));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {field && (
        <Button
          size="small"
          shape="round"
          onClick={() => remove('field')}
          aria-label={t('home.removeFilter', { name: fieldName ?? '' })}
        >
          {t('home.field')}: {fieldName} ×
        </Button>
      )}
      {unit && (
        <Button
          size="small"
          shape="round"
          onClick={() => remove('unit')}
          aria-label={t('home.removeFilter', { name: unitName ?? '' })}
        >
          {t('home.unit')}: {unitName} ×
        </Button>
      )}
    </Space>
  );
}
