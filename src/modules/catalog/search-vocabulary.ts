/**
 * The catalog's vocabulary for typo correction, kept per process. It changes only when a decision
 * or an import writes versions: this process forgets it then, and other API processes reload it
 * within VOCABULARY_TTL_MS. A word missing for that minute only means one typo is not corrected.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../kernel/db.js';

const VOCABULARY_TTL_MS = 60_000;
let cached: { words: Set<string>; loadedAt: number } | null = null;

export async function catalogVocabulary(db: Queryable, now = Date.now()): Promise<ReadonlySet<string>> {
  if (cached && now - cached.loadedAt < VOCABULARY_TTL_MS) return cached.words;
  const rows = await queryRows<{ word: string }>(
    db,
    sql`select distinct unnest(string_to_array(search_text, ' ')) as word from procedures where status = 'active'`,
  );
  cached = { words: new Set(rows.map((r) => r.word).filter((w) => w.length > 0)), loadedAt: now };
  return cached.words;
}

export function forgetCatalogVocabulary(): void {
  cached = null;
}
