/**
 * Vietnamese search keys, computed in the application so both engines index the same text:
 * no diacritics (đ → d), lower case, words separated by single spaces. `unaccent()` is not
 * IMMUTABLE in PostgreSQL, so it cannot feed an index; a stored key can.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

/**
 * First letters of the words: "Thủ tục đăng ký khai sinh" → "dkks", so ĐKKS-style queries find
 * it. A leading "thủ tục" is dropped: many official names start with it and nobody types it.
 */
export function acronym(text: string): string {
  return searchKey(text)
    .replace(/^thu tuc /, '')
    .split(' ')
    .filter((w) => /^[a-z]/.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Minimum pg_trgm word similarity for a typo-tolerant match ("khia sinh" ~ "khai sinh"). Set per
 * connection (pg_trgm.word_similarity_threshold) so the `<%` operator can use the GIN index.
 */
export const SEARCH_WORD_SIMILARITY = 0.45;
