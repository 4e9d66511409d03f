import { Button, Checkbox, Input, InputNumber, Radio, Select } from 'antd';
import type { FieldUi } from '../../../../../modules/eforms/eform.types.js';
import { useI18n } from '../../../../i18n/i18n.js';
import { AddressInput } from './AddressInput.js';

interface Props {
  id: string;
  ui: FieldUi;
  value: unknown;
  disabled: boolean;
  onChange(value: unknown): void;
}

/** One field's input by its widget (a group renders its rows with this again). */
export function FieldInput({ id, ui, value, disabled, onChange }: Props) {
  const { lang, t } = useI18n();
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (ui.widget) {
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          rows={3}
          disabled={disabled}
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'date':
      return (
        <Input
          id={id}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          disabled={disabled}
          style={{ maxWidth: 180 }}
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'year':
    case 'number':
      return (
        <InputNumber
          id={id}
          disabled={disabled}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    case 'choice': {
      const options = (ui.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
      return options.length <= 6 ? (
        <Radio.Group
          id={id}
          disabled={disabled}
          value={value}
          options={options}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Select id={id} disabled={disabled} value={value as string | undefined} options={options} onChange={onChange} />
      );
    }
    case 'address':
      return (
        <AddressInput
          id={id}
          disabled={disabled}
          value={value as Parameters<typeof AddressInput>[0]['value']}
          onChange={onChange}
        />
      );
    case 'checkbox':
    case 'commitment':
      return (
        <Checkbox id={id} disabled={disabled} checked={value === true} onChange={(e) => onChange(e.target.checked)}>
          {ui.label[lang]}
        </Checkbox>
      );
    case 'computed':
      return <Input id={id} readOnly value={text(value)} variant="filled" />;
    case 'group': {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const set = (i: number, key: string, v: unknown) =>
        onChange(rows.map((row, j) => (j === i ? { ...row, [key]: v } : row)));
      return (
        <div>
          {rows.map((row, i) => (
            <fieldset key={i} style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 8 }}>
              {(ui.itemOrder ?? []).map((key) => (
                <div key={key} style={{ marginBottom: 6 }}>
                  <label htmlFor={`${id}-${i}-${key}`} style={{ display: 'block' }}>
                    {ui.items![key]!.label[lang]}
                  </label>
                  <FieldInput
                    id={`${id}-${i}-${key}`}
                    ui={ui.items![key]!}
                    value={row[key]}
                    disabled={disabled}
                    onChange={(v) => set(i, key, v)}
                  />
                </div>
              ))}
              <Button size="small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t('eform.removeRow')}
              </Button>
            </fieldset>
          ))}
          <Button size="small" onClick={() => onChange([...rows, {}])}>
            {t('eform.addRow')}
          </Button>
        </div>
      );
    }
    default:
      return <Input id={id} disabled={disabled} value={text(value)} onChange={(e) => onChange(e.target.value)} />;
  }
}
