/**
 * Reading feedback: by id or code, worklists, similar open items (duplicate detection with
 * pg_trgm, identical on PGlite and PostgreSQL), items due soon (reminders) and the figures the
 * KPI module needs.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { queryRows } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { feedbackEvents, feedbackItems } from './feedback.tables.js';
import type { FeedbackRow } from './feedback.service.js';
import { type FeedbackStatus, isOverdue, isUnsatisfied } from './feedback.rules.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An item by its id or its public code (PAKN-000123). */
export async function getFeedback(db: Queryable, ref: string): Promise<FeedbackRow> {
  const where = UUID.test(ref) ? eq(feedbackItems.id, ref) : eq(feedbackItems.code, ref.trim().toUpperCase());
  const [row] = await db.select().from(feedbackItems).where(where);
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND', { ref });
  return row;
}

export async function feedbackHistory(db: Queryable, id: string) {
  return db
    .select({
      action: feedbackEvents.action,
      fromStatus: feedbackEvents.fromStatus,
      toStatus: feedbackEvents.toStatus,
      unitId: feedbackEvents.unitId,
      note: feedbackEvents.note,
      dueAt: feedbackEvents.dueAt,
      outcome: feedbackEvents.outcome,
      occurredAt: feedbackEvents.occurredAt,
    })
    .from(feedbackEvents)
    .where(eq(feedbackEvents.feedbackId, id))
    .orderBy(asc(feedbackEvents.occurredAt));
}

/** Open = still being handled (not refused, not yet answered). */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['received', 'routed', 'awaitingSupplement'];

export interface WorklistScope {
  /** Staff: items routed to these units; with `unrouted`, also those awaiting classification. */
  unitIds?: string[];
  unrouted?: boolean;
  submitterUserId?: string;
  status?: FeedbackStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listFeedback(db: Queryable, scope: WorklistScope) {
  const reach: SQL[] = [];
  if (scope.unitIds?.length) reach.push(inArray(feedbackItems.unitId, scope.unitIds));
  if (scope.unrouted) reach.push(isNull(feedbackItems.unitId));
  if (scope.submitterUserId) reach.push(eq(feedbackItems.submitterUserId, scope.submitterUserId));
  const where = and(or(...reach) ?? sql`false`, scope.status ? eq(feedbackItems.status, scope.status) : undefined);
  const rows = await db
    .select({ item: feedbackItems, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(feedbackItems)
    .where(where)
    .orderBy(asc(feedbackItems.answerDueAt))
    .limit(scope.pageSize)
    .offset((scope.page - 1) * scope.pageSize);
  return { items: rows.map((r) => r.item), total: rows[0]?.total ?? 0 };
}

/** How much alike two texts must be (pg_trgm, 0–1) to be offered; a shared procedure adds to it. */
export const SIMILAR_THRESHOLD = 0.3;
export const SAME_PROCEDURE_BONUS = 0.2;

/**
 * Open items like this one: the larger of pg_trgm's similarity and word similarity of the
 * diacritic-free texts, plus a bonus for the same procedure; best first.
 */
export async function similarFeedback(db: Queryable, item: FeedbackRow, limit = 10) {
  const rows = await queryRows<{
    id: string;
    code: string;
    title: string;
    status: FeedbackStatus;
    procedure_id: string | null;
    score: number;
  }>(
    db,
    sql`select * from (
          select f.id, f.code, f.title, f.status, f.procedure_id,
                 greatest(similarity(f.search_text, ${item.searchText}), word_similarity(${item.searchText}, f.search_text))
                   + case when ${item.procedureId}::uuid is not null and f.procedure_id = ${item.procedureId}::uuid then ${SAME_PROCEDURE_BONUS}::real else 0::real end as score
          from feedback_items f
          where f.id <> ${item.id} and f.status in ('received', 'routed', 'awaitingSupplement')
        ) s
        where s.score >= ${SIMILAR_THRESHOLD}::real
        order by s.score desc, s.code
        limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    sameProcedure: item.procedureId !== null && r.procedure_id === item.procedureId,
    score: Math.round(Number(r.score) * 1000) / 1000,
  }));
}

/**
 * Reminders: items whose current deadline (the answer while handled, the publication once
 * answered) falls at or before `dueSoonBy` and is not yet passed — and, separately, those already
 * overdue. A job will send these; the list is the whole of its logic.
 */
export async function feedbackDueSoon(db: Queryable, clock: { now: Date; dueSoonBy: Date }, unitIds?: string[]) {
  const due = sql`case when ${feedbackItems.status} = 'answered' then ${feedbackItems.publishDueAt} else ${feedbackItems.answerDueAt} end`;
  const rows = await db
    .select({ item: feedbackItems, dueAt: sql<Date>`${due}`.mapWith(feedbackItems.answerDueAt) })
    .from(feedbackItems)
    .where(
      and(
        inArray(feedbackItems.status, ['received', 'routed', 'answered']),
        lte(due, clock.dueSoonBy),
        unitIds ? inArray(feedbackItems.unitId, unitIds) : undefined,
      ),
    )
    .orderBy(asc(due));
  return rows.map((r) => ({
    item: r.item,
    dueAt: r.dueAt,
    state: r.dueAt < clock.now ? ('overdue' as const) : ('dueSoon' as const),
  }));
}

/**
 * For the KPI module (docs/domain/DOMAIN.md §9, satisfaction group): of the items received in [from, to) and
 * routed to these units, how many were handled on time (answered or refused on time, and an
 * answer published on time), and how many were not unsatisfied (isUnsatisfied). Drill-down: the
 * codes behind each numerator's complement.
 */
export async function feedbackFigures(db: Queryable, q: { unitIds: string[]; from: Date; to: Date; now?: Date }) {
  const now = q.now ?? new Date();
  const rows = q.unitIds.length
    ? await db
        .select()
        .from(feedbackItems)
        .where(
          and(
            inArray(feedbackItems.unitId, q.unitIds),
            gte(feedbackItems.receivedAt, q.from),
            lt(feedbackItems.receivedAt, q.to),
            isNull(feedbackItems.parentId),
          ),
        )
    : [];
  const late = rows.filter((r) => isOverdue(r, now));
  const unsatisfied = rows.filter((r) =>
    isUnsatisfied({ likes: r.likes, dislikes: r.dislikes, complaints: r.complaints, overdue: isOverdue(r, now) }),
  );
  return {
    onTime: { numerator: rows.length - late.length, denominator: rows.length, lateCodes: late.map((r) => r.code) },
    satisfied: {
      numerator: rows.length - unsatisfied.length,
      denominator: rows.length,
      unsatisfiedCodes: unsatisfied.map((r) => r.code),
    },
  };
}

/** Published answers for the portal, newest first, optionally matching a text. */
export async function publishedFeedback(
  db: Queryable,
  q: { text?: string | undefined; page: number; pageSize: number },
) {
  const rows = await db
    .select({ item: feedbackItems, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(feedbackItems)
    .where(
      and(
        eq(feedbackItems.status, 'published'),
        q.text ? sql`${feedbackItems.searchText} like ${`%${q.text}%`}` : undefined,
      ),
    )
    .orderBy(desc(feedbackItems.publishedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => r.item), total: rows[0]?.total ?? 0 };
}
