import { Button } from 'antd';
import { useT } from '../../i18n/i18n.js';

const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM.-'];

interface Props {
  value: string;
  onChange(value: string): void;
}

/**
 * An on-screen keyboard for a touch screen without a physical one: letters without diacritics
 * (the search ignores them), digits, and the "." and "-" of dossier codes.
 */
export function KioskKeyboard({ value, onChange }: Props) {
  const t = useT();
  const key = (label: string, next: string, aria?: string) => (
    <Button
      key={label}
      size="large"
      aria-label={aria ?? label}
      onClick={() => onChange(next)}
      style={{ height: 64, fontSize: 24, padding: 0 }}
    >
      {label}
    </Button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and border the on-screen keyboard does not want; role=group names it
    <div
      role="group"
      aria-label={t('kiosk.keyboard')}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 16 }}
      data-testid="kiosk-keyboard"
    >
      {ROWS.map((row) => (
        <div key={row} style={{ display: 'grid', gridTemplateColumns: 'repeat(10, minmax(0, 1fr))', gap: 8 }}>
          {[...row].map((ch) => key(ch, value + ch))}
        </div>
      ))}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(10, minmax(0, 1fr))', gap: 8 }}>
        <div style={{ gridColumn: 'span 4', display: 'grid' }}>{key(t('kiosk.space'), `${value} `)}</div>
        <div style={{ gridColumn: 'span 3', display: 'grid' }}>
          {key('⌫', value.slice(0, -1), t('kiosk.backspace'))}
        </div>
        <div style={{ gridColumn: 'span 3', display: 'grid' }}>{key(t('kiosk.clear'), '')}</div>
      </div>
    </div>
  );
}
