/** Vietnamese text without diacritics, lower case ("Long Xuyên" → "long xuyen"): for local filtering. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** An antd Select filter that matches "long xuyen" to "Phường Long Xuyên". */
export const foldFilter = (input: string, option?: { label?: unknown }) =>
  fold(String(option?.label ?? '')).includes(fold(input.trim()));
