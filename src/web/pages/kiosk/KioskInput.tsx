import { Input } from 'antd';
import { KioskKeyboard } from './KioskKeyboard.js';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  onEnter?: () => void;
}

/**
 * A big text box with the on-screen keyboard under it. inputMode="none" keeps the tablet's own
 * keyboard from covering the screen; a physical keyboard or a scanner still types into it.
 */
export function KioskInput({ label, value, onChange, onEnter }: Props) {
  return (
    <>
      <Input
        size="large"
        inputMode="none"
        autoComplete="off"
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPressEnter={onEnter}
        style={{ fontSize: 28, height: 72 }}
      />
      <KioskKeyboard value={value} onChange={onChange} />
    </>
  );
}
