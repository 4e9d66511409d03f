/** A feedback item's attachments are read by whoever may read the item (mayReadFeedback). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import type { FileAccessResolver } from '../../kernel/module.js';
import { itemPath, mayReadFeedback } from './feedback.service.js';
import { feedbackItems } from './feedback.tables.js';

export const feedbackFileAccess: FileAccessResolver = {
  name: 'feedback.attachments',
  async mayRead(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
    // GIN index on file_ids.
    const items = await db
      .select({
        submitterUserId: feedbackItems.submitterUserId,
        receivedBy: feedbackItems.receivedBy,
        unitId: feedbackItems.unitId,
      })
      .from(feedbackItems)
      .where(sql`${feedbackItems.fileIds} @> array[${fileId}::uuid]`);
    for (const item of items) {
      if (mayReadFeedback(actor, item, await itemPath(db, item))) return true;
    }
    return false;
  },
};
