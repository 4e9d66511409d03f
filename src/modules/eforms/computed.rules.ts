/**
 * Computed fields (never typed): each formula is a pure function of the other values. The
 * server recomputes them at intake, so what a browser sends for them is ignored.
 */
import type { Computation, EformDefinition } from './eform.types.js';
import { isoFromVnDate } from './validation.rules.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–99 in Vietnamese words ("mười lăm", "hai mươi mốt", "ba mươi tư"). */
function tens(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  const head = t === 1 ? 'mười' : `${DIGITS[t]} mươi`;
  if (u === 0) return head;
  if (u === 5) return `${head} lăm`;
  if (u === 1 && t > 1) return `${head} mốt`;
  if (u === 4 && t > 1) return `${head} tư`;
  return `${head} ${DIGITS[u]}`;
}

/** 0–9999 in words, as dates are read ("hai nghìn không trăm hai mươi lăm"). */
export function numberInWords(n: number): string {
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (thousands > 0) parts.push(`${DIGITS[thousands]} nghìn`);
  if (thousands > 0 || hundreds > 0) {
    if (hundreds > 0 || rest > 0) parts.push(`${DIGITS[hundreds]} trăm`);
    if (rest > 0 && rest < 10) parts.push(`linh ${DIGITS[rest]}`);
    else if (rest >= 10) parts.push(tens(rest));
  } else parts.push(tens(rest));
  return parts.join(' ');
}

/** dd/mm/yyyy → "Ngày năm tháng chín năm hai nghìn không trăm hai mươi lăm". */
export function dateInWords(vnDate: string): string | null {
  const iso = isoFromVnDate(vnDate);
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const words = `ngày ${numberInWords(d)} tháng ${numberInWords(m)} năm ${numberInWords(y)}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function compute(c: Computation, values: Record<string, unknown>): string | null {
  const source = values[c.from];
  switch (c.kind) {
    case 'dateInWords':
      return typeof source === 'string' ? dateInWords(source) : null;
    case 'upper':
      return typeof source === 'string' ? source.toLocaleUpperCase('vi') : null;
    case 'count':
      return Array.isArray(source) ? String(source.length) : '0';
    case 'ageOn': {
      const birth = typeof source === 'string' ? isoFromVnDate(source) : null;
      const onValue = values[c.on];
      const on = typeof onValue === 'string' ? isoFromVnDate(onValue) : null;
      if (!birth || !on) return null;
      const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
      return String(years);
    }
  }
}

/** The values with every computed field (re)computed; one that cannot be computed is dropped. */
export function withComputed(
  definition: Pick<EformDefinition, 'ui'>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...values };
  for (const [key, ui] of Object.entries(definition.ui.fields)) {
    if (!ui.compute) continue;
    const value = compute(ui.compute, out);
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}
