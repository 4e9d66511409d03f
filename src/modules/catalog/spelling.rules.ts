/**
 * Typo correction against the catalog's own vocabulary (the words of every procedure's search
 * key): "khia" → "khai", "ki" → "ky". Each query word becomes the list of vocabulary words it may
 * mean, so the search can demand every word (in any form) through the trigram index instead of
 * comparing the whole query with every name.
 */

/** Edits allowed for a word of this length: none for 1 letter, 1 up to 5 letters, then 2. */
export function allowedEdits(word: string): number {
  if (word.length <= 1) return 0;
  return word.length <= 5 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition, the commonest typo:
 * "khia" for "khai"), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * For each query word, the vocabulary words it may stand for: itself when known, else the known
 * words within its allowed edits (closest first, at most `limit`). Null when a word matches
 * nothing: the caller then falls back to whole-text similarity.
 */
export function correctWords(words: readonly string[], vocabulary: ReadonlySet<string>, limit = 5): string[][] | null {
  const corrected: string[][] = [];
  for (const word of words) {
    if (vocabulary.has(word)) {
      corrected.push([word]);
      continue;
    }
    const max = allowedEdits(word);
    const near: [string, number][] = [];
    for (const known of vocabulary) {
      const d = max === 0 ? max + 1 : editDistance(word, known, max);
      if (d <= max) near.push([known, d]);
    }
    if (near.length === 0) return null;
    near.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
    corrected.push(near.slice(0, limit).map(([w]) => w));
  }
  return corrected;
}
