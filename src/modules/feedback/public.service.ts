/**
 * The public side of feedback: the portal's view of a published answer (built field by field,
 * personal data removed), useful / not-useful marks (once per account or verified contact), and
 * re-complaints, which are new items pointing at the answer and count against it in the index.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { procedureSummary } from '../catalog/procedures.query.js';
import { unitsByIds } from '../org/units.query.js';
import { feedbackItems, feedbackVotes } from './feedback.tables.js';
import { type FeedbackRow, receiveFeedback } from './feedback.service.js';
import { publicSubmitterName, redactPersonalText } from './public-view.rules.js';
import type { VerifiedContact } from './verification.service.js';

/** The portal's view: an allow-list, so a new column never leaks by default. */
export async function publicView(db: Queryable, item: FeedbackRow) {
  const procedure = item.procedureId ? await procedureSummary(db, item.procedureId) : undefined;
  const [unit] = item.unitId ? await unitsByIds(db, [item.unitId]) : [];
  const known = [
    item.submitter.name,
    item.submitter.phone,
    item.submitter.email,
    item.submitter.address,
    item.submitter.personalId,
  ];
  return {
    code: item.code,
    title: redactPersonalText(item.title, known),
    content: redactPersonalText(item.content, known),
    category: item.category,
    submitterName: publicSubmitterName(item.submitter.name, item.anonymous),
    procedure: procedure ? { name: procedure.name, nationalCode: procedure.nationalCode } : null,
    unitName: unit?.name ?? null,
    receivedAt: item.receivedAt,
    answer: item.answer ? redactPersonalText(item.answer, known) : null,
    answeredAt: item.answeredAt,
    publishedAt: item.publishedAt,
    likes: item.likes,
    dislikes: item.dislikes,
    complaints: item.complaints,
  };
}

async function publishedByCode(tx: Tx, code: string): Promise<FeedbackRow> {
  const [item] = await tx
    .select()
    .from(feedbackItems)
    .where(eq(feedbackItems.code, code.trim().toUpperCase()))
    .for('update');
  if (!item) throw new AppError('FEEDBACK_NOT_FOUND', { code });
  if (item.status !== 'published') throw new AppError('FEEDBACK_NOT_PUBLISHED');
  return item;
}

/** `user:<id>` for a signed-in account, else the verified contact's key. */
function voterKey(ctx: RequestContext, contact: VerifiedContact | null): string {
  if (ctx.actor) return `user:${ctx.actor.userId}`;
  if (contact) return `contact:${contact.key}`;
  throw new AppError('FEEDBACK_SUBMITTER_UNVERIFIED');
}

export async function vote(
  tx: Tx,
  ctx: RequestContext,
  code: string,
  useful: boolean,
  contact: VerifiedContact | null,
): Promise<FeedbackRow> {
  const key = voterKey(ctx, contact);
  const item = await publishedByCode(tx, code);
  const inserted = await tx
    .insert(feedbackVotes)
    .values({ feedbackId: item.id, voterKey: key, useful })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new AppError('FEEDBACK_ALREADY_VOTED');
  const [updated] = await tx
    .update(feedbackItems)
    .set(useful ? { likes: sql`${feedbackItems.likes} + 1` } : { dislikes: sql`${feedbackItems.dislikes} + 1` })
    .where(eq(feedbackItems.id, item.id))
    .returning();
  await recordChange(tx, ctx, {
    action: 'feedback.vote',
    targetType: 'feedback',
    targetId: item.id,
    unitId: item.unitId,
    after: { useful },
    event: { code: item.code, useful, likes: updated!.likes, dislikes: updated!.dislikes },
  });
  return updated!;
}

/** Khiếu nại lại: a new portal item pointing at the answer; the answer's complaint count rises. */
export async function complainAgain(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  code: string,
  input: { content: string; name?: string | undefined; anonymous: boolean },
  contact: VerifiedContact | null,
  now: Date,
): Promise<FeedbackRow> {
  voterKey(ctx, contact);
  const item = await publishedByCode(tx, code);
  const created = await receiveFeedback(
    tx,
    ctx,
    env,
    {
      channel: 'portal',
      title: `Phản ánh lại về ${item.code}: ${item.title}`.slice(0, 300),
      content: input.content,
      submitter: { name: input.name ?? ctx.actor?.fullName ?? 'Người phản ánh' },
      anonymous: input.anonymous,
      procedureId: item.procedureId ?? undefined,
      parentId: item.id,
    },
    contact,
    now,
  );
  await tx
    .update(feedbackItems)
    .set({ complaints: sql`${feedbackItems.complaints} + 1` })
    .where(eq(feedbackItems.id, item.id));
  await recordChange(tx, ctx, {
    action: 'feedback.complain',
    targetType: 'feedback',
    targetId: item.id,
    unitId: item.unitId,
    after: { complaint: created.code },
    event: { code: item.code, complaint: created.code },
  });
  return created;
}
