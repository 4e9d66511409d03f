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

/** Số định danh cá nhân: the last 4 digits stay (enough to tell two applicants apart at the counter). */
export function maskPersonalId(value: string | null | undefined): string | null {
  return value == null ? null : maskTail(value.trim(), 4);
}

/**
 * Phone: the last 3 digits stay. Spaces, dots, dashes and the + of an international prefix are
 * dropped first, so the stars count digits and the layout of the number does not leak.
 */
export function maskPhone(value: string | null | undefined): string | null {
  return value == null ? null : maskTail(value.replace(/\D/g, ''), 3);
}

/**
 * A person's name on public pages (tra cứu hồ sơ): each word keeps its first letter and every
 * further letter becomes one `*`, e.g. `Nguyễn Văn An` → `N*** V** A`. Letters are counted as
 * characters with their diacritics, not UTF-16 units: the text is NFC-normalised, and a combining
 * mark that has no precomposed form stays with its base letter instead of becoming a star of its
 * own. Punctuation inside a word (H'Hen, Y-Moan) is kept; digits are masked like letters.
 */
export function maskPersonName(value: string | null | undefined): string | null {
  if (value == null) return null;
  const words = value
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  return words
    .map((word) => {
      // One base character with the marks that follow it.
      const chars = word.match(/\P{M}\p{M}*/gu) ?? [];
      return chars.map((ch, i) => (i === 0 || !/[\p{L}\p{N}]/u.test(ch) ? ch : '*')).join('');
    })
    .join(' ');
}

export function maskEmail(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Field names whose values are personal data, and how each is masked. */
const MASKS: Record<string, (v: string) => string | null> = {
  personalId: maskPersonalId,
  phone: maskPhone,
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
