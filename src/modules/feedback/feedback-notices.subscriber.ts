/**
 * Feedback events → messages (outbox subscriber `feedback.notices`): the submitter hears that
 * their feedback was answered — the account that submitted it in its inbox and on its channels,
 * else the phone or e-mail given (verified, for the portal's anonymous submitters). The text holds
 * the code and the title the submitter wrote, nothing of the answer's author.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { OutboxEvent, OutboxSubscriber } from '../../kernel/module.js';
import { notify } from '../notifications/notify.service.js';
import { feedbackItems } from './feedback.tables.js';

async function handle(tx: Tx, event: OutboxEvent, now: Date): Promise<void> {
  const [item] = await tx
    .select({
      code: feedbackItems.code,
      title: feedbackItems.title,
      submitter: feedbackItems.submitter,
      userId: feedbackItems.submitterUserId,
    })
    .from(feedbackItems)
    .where(eq(feedbackItems.id, event.aggregateId));
  if (!item) return;
  const recipient = item.userId
    ? { userId: item.userId }
    : { email: item.submitter.email ?? null, phone: item.submitter.phone ?? null };
  await notify(
    tx,
    {
      eventKey: `outbox:${event.id}`,
      kind: 'feedback.answered',
      recipients: [recipient],
      data: { code: item.code, title: item.title },
      link: `/phan-anh/cua-toi/${encodeURIComponent(item.code)}`,
    },
    now,
  );
}

export const feedbackNotices: OutboxSubscriber = {
  name: 'feedback.notices',
  accepts: (event) => event.topic === 'feedback.answer',
  handle,
};
