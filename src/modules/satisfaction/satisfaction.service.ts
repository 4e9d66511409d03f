/**
 * Rating a dossier and configuring the criteria. A rating is one transaction: the rating row
 * (unique per dossier and channel, so a second one through the same channel is 409), its scores,
 * optionally the feedback item a bad rating becomes, the audit record and the outbox event.
 */
import { and, asc, desc, eq, notInArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { applicantName } from '../dossiers/applicant.schema.js';
import {
  type DossierRecord,
  dossierRecordByCode,
  reportedEvents as dossierEvents,
} from '../dossiers/dossiers.reporting.js';
import { receiveFeedback } from '../feedback/feedback.service.js';
import {
  checkScores,
  type Criterion,
  type RatingChannel,
  ratingSatisfied,
  signRatingToken,
} from './satisfaction.rules.js';
import { satisfactionCriteria, satisfactionRatings, satisfactionScores } from './satisfaction.tables.js';

export async function activeCriteria(db: Queryable): Promise<Criterion[]> {
  const rows = await db
    .select()
    .from(satisfactionCriteria)
    .where(eq(satisfactionCriteria.active, true))
    .orderBy(asc(satisfactionCriteria.position));
  return rows.map((r) => ({ key: r.key, label: r.label, labelEn: r.labelEn, scale: r.scale as 3 | 5 }));
}

/** Replaces the active list; criteria left out are deactivated (old ratings keep their keys). */
export async function saveCriteria(tx: Tx, ctx: RequestContext, criteria: Criterion[]): Promise<Criterion[]> {
  const keys = criteria.map((c) => c.key);
  if (keys.length === 0 || new Set(keys).size !== keys.length) throw new AppError('CRITERIA_INVALID', { keys });
  const before = await activeCriteria(tx);
  const now = new Date();
  for (const [position, c] of criteria.entries()) {
    await tx
      .insert(satisfactionCriteria)
      .values({ ...c, labelEn: c.labelEn ?? null, position, active: true, updatedAt: now })
      .onConflictDoUpdate({
        target: satisfactionCriteria.key,
        set: { label: c.label, labelEn: c.labelEn ?? null, scale: c.scale, position, active: true, updatedAt: now },
      });
  }
  await tx
    .update(satisfactionCriteria)
    .set({ active: false, updatedAt: now })
    .where(notInArray(satisfactionCriteria.key, keys));
  await recordChange(tx, ctx, {
    action: 'satisfaction.criteria',
    targetType: 'satisfaction_criteria',
    targetId: 'all',
    before: { criteria: before },
    after: { criteria },
    event: { criteria },
  });
  return activeCriteria(tx);
}

export type DossierRow = DossierRecord;

export async function dossierForRating(db: Queryable, code: string): Promise<DossierRow> {
  const dossier = await dossierRecordByCode(db, code);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { code });
  return dossier;
}

export async function alreadyRated(db: Queryable, dossierId: string, channel: RatingChannel): Promise<boolean> {
  const [row] = await db
    .select({ id: satisfactionRatings.id })
    .from(satisfactionRatings)
    .where(and(eq(satisfactionRatings.dossierId, dossierId), eq(satisfactionRatings.channel, channel)));
  return !!row;
}

export interface RatingInput {
  scores: Record<string, number>;
  reason?: string | undefined;
  /** A bad rating may become a feedback item in the same action. */
  createFeedback?: boolean | undefined;
}

export async function rateDossier(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  dossier: DossierRow,
  channel: RatingChannel,
  input: RatingInput,
) {
  // After the result: processing has ended (processed and returned, or refused, stopped, withdrawn).
  if (!dossier.completedAt) throw new AppError('RATING_NOT_YET', { status: dossier.status });
  const criteria = await activeCriteria(tx);
  const problems = checkScores(criteria, input.scores);
  if (problems.length > 0) throw new AppError('RATING_SCORES_INVALID', { problems });
  const satisfied = ratingSatisfied(criteria, input.scores);
  const reason = input.reason?.trim() || null;
  if (!satisfied && !reason) throw new AppError('RATING_REASON_REQUIRED');
  const [returned] = await tx
    .select({ by: dossierEvents.actorUserId })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.action, 'returnResult')))
    .orderBy(desc(dossierEvents.occurredAt))
    .limit(1);
  const now = new Date();
  const [rating] = await tx
    .insert(satisfactionRatings)
    .values({
      dossierId: dossier.id,
      channel,
      receivingUnitId: dossier.receivingUnitId,
      competentUnitId: dossier.competentUnitId,
      procedureId: dossier.procedureId,
      receivedBy: dossier.receivedBy,
      returnedBy: returned?.by ?? null,
      satisfied,
      reason,
      ratedBy: ctx.actor?.userId ?? null,
      ratedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!rating) throw new AppError('RATING_ALREADY_GIVEN', { channel });
  await tx
    .insert(satisfactionScores)
    .values(
      criteria.map((c) => ({ ratingId: rating.id, criterionKey: c.key, scale: c.scale, level: input.scores[c.key]! })),
    );
  let feedbackCode: string | null = null;
  if (!satisfied && input.createFeedback) {
    const item = await receiveFeedback(
      tx,
      ctx,
      env,
      {
        channel: channel === 'counter' ? 'counter' : 'portal',
        title: `Chưa hài lòng với việc giải quyết hồ sơ ${dossier.code}`,
        content: reason!,
        submitter: {
          name: applicantName(dossier.applicant),
          phone: dossier.applicant.phone ?? undefined,
          email: dossier.applicant.email ?? undefined,
        },
        anonymous: true,
        dossierCode: dossier.code,
      },
      null,
      now,
      { fromRating: true },
    );
    await tx.update(satisfactionRatings).set({ feedbackId: item.id }).where(eq(satisfactionRatings.id, rating.id));
    feedbackCode = item.code;
  }
  await recordChange(tx, ctx, {
    action: 'satisfaction.rate',
    targetType: 'dossier',
    targetId: dossier.id,
    unitId: dossier.competentUnitId,
    after: { channel, satisfied, ...(feedbackCode ? { feedback: feedbackCode } : {}) },
    event: {
      code: dossier.code,
      channel,
      satisfied,
      scores: input.scores,
      ...(feedbackCode ? { feedback: feedbackCode } : {}),
    },
  });
  return { id: rating.id, channel, satisfied, ratedAt: now, feedbackCode };
}

/** The rating link a notification carries (null when RATING_LINK_SECRET is not configured). */
export function ratingLink(
  env: Env,
  code: string,
  now = new Date(),
): { token: string; url: string; expiresAt: Date } | null {
  if (!env.RATING_LINK_SECRET) return null;
  const expiresAt = new Date(now.getTime() + env.RATING_LINK_DAYS * 86_400_000);
  const token = signRatingToken(env.RATING_LINK_SECRET, code, expiresAt);
  const base = env.PUBLIC_URL?.replace(/\/$/, '') ?? '';
  return { token, url: `${base}/rate/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}`, expiresAt };
}
