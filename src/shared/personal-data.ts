/**
 * Personal data (CCCD, phone, email, address) is masked wherever it leaves the trusted core:
 * audit summaries, logs, public pages. Masking keeps the last few characters so people can
 * still tell records apart.
 */
export function maskTail(value: string | null | undefined, keep = 3): string | null {
  if (value == null || value === '') return value ?? null;
  if (value.length <= keep) return '*'.repeat(value.length);
  return '*'.repeat(value.length - keep) + value.slice(-keep);
}

export function maskEmail(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Field names whose values are personal data, and how each is masked. */
const MASKS: Record<string, (v: string) => string | null> = {
  personalId: (v) => maskTail(v, 4),
  phone: (v) => maskTail(v, 3),
  email: maskEmail,
  address: () => '***',
  password: () => '***',
  passwordHash: () => '***',
};

/** A shallow copy with personal fields masked (for audit summaries). */
export function maskPersonalFields(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const mask = MASKS[key];
    out[key] = mask && typeof value === 'string' ? mask(value) : value;
  }
  return out;
}
