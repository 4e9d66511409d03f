/**
 * Receiving feedback and acting on it. Every change is one transaction: the item row (locked,
 * version-checked: stale → 409), its event, the audit record and the outbox event.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import { queryRows } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { addWorkingTime, type WorkingCalendar, workingTimeBetween } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { toVietnamLocalMs } from '../calendar/dates.js';
import { searchKey } from '../catalog/search.rules.js';
import { dossierRefByCode } from '../dossiers/dossiers.query.js';
import { filesForUse } from '../files/files.service.js';
import { can } from '../access/policy.js';
import { getUnit, unitPath } from '../org/units.service.js';
import {
  actionDue,
  actionOutcome,
  type FeedbackAction,
  type FeedbackCategory,
  type FeedbackChannel,
  feedbackCode,
  feedbackTransition,
  type FeedbackLimits,
  NOTE_REQUIRED,
  possibleFeedbackActions,
  publishDeadline,
  receiptDeadlines,
} from './feedback.rules.js';
import { feedbackEvents, feedbackItems, type Submitter } from './feedback.tables.js';
import type { VerifiedContact } from './verification.service.js';

export type FeedbackRow = typeof feedbackItems.$inferSelect;

export function feedbackLimits(env: Env): FeedbackLimits {
  return {
    refuse: env.FEEDBACK_REFUSE_WORKING_DAYS,
    supplement: env.FEEDBACK_SUPPLEMENT_WORKING_DAYS,
    answer: env.FEEDBACK_ANSWER_WORKING_DAYS,
    publish: env.FEEDBACK_PUBLISH_WORKING_DAYS,
  };
}

const yearOf = (at: Date) => new Date(toVietnamLocalMs(at)).getUTCFullYear();
function calendarFor(db: Queryable, env: Env, since: Date, now: Date): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db, env, { from: Math.min(yearOf(since), yearOf(now)), to: yearOf(now) + 1 });
}

export interface ReceiveInput {
  channel: FeedbackChannel;
  title: string;
  content: string;
  submitter: Submitter;
  anonymous: boolean;
  procedureId?: string | undefined;
  dossierCode?: string | undefined;
  fileIds?: string[] | undefined;
  /** A re-complaint: the published item complained about. */
  parentId?: string | undefined;
}

/**
 * Who may send what: staff holding feedback.receive enter counter, phone and mail items; citizens
 * and verified contacts send through the portal (the verified contact replaces the one typed).
 */
export async function receiveFeedback(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  input: ReceiveInput,
  contact: VerifiedContact | null,
  now: Date,
  // A bad satisfaction rating becoming feedback: the rating's own authentication (session, kiosk
  // or signed link) already tied the caller to the dossier, and the channel follows the rating's.
  origin: { fromRating?: boolean } = {},
): Promise<FeedbackRow> {
  const actor = ctx.actor;
  const staff = actor?.kind === 'staff' || actor?.kind === 'service';
  if (!origin.fromRating) {
    if (staff !== (input.channel !== 'portal'))
      throw new AppError('FEEDBACK_CHANNEL_NOT_ALLOWED', { channel: input.channel });
    if (!actor && !contact) throw new AppError('FEEDBACK_SUBMITTER_UNVERIFIED');
  }
  const submitter: Submitter = { ...input.submitter };
  if (!staff && contact) {
    delete submitter.phone;
    delete submitter.email;
    submitter[contact.medium === 'sms' ? 'phone' : 'email'] = contact.value;
  }
  const fileIds = input.fileIds ?? [];
  if (fileIds.length > 0) {
    if (!actor) throw new AppError('FORBIDDEN', { fileIds, reason: 'Đăng nhập để đính kèm tệp' });
    await filesForUse(tx, actor, fileIds);
  }
  let procedureId = input.procedureId ?? null;
  let dossierId: string | null = null;
  if (input.dossierCode) {
    const d = await dossierRefByCode(tx, input.dossierCode);
    if (!d) throw new AppError('DOSSIER_NOT_FOUND', { code: input.dossierCode });
    dossierId = d.id;
    procedureId ??= d.procedureId;
  }
  const calendar = await calendarFor(tx, env, now, now);
  const [{ n }] = (await queryRows<{ n: string }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('feedback_items', 'number')) as n`,
  )) as [{ n: string }];
  const [row] = await tx
    .insert(feedbackItems)
    .values({
      number: Number(n),
      code: feedbackCode(Number(n)),
      channel: input.channel,
      status: 'received',
      title: input.title,
      content: input.content,
      searchText: searchKey(`${input.title} ${input.content}`),
      submitter,
      anonymous: input.anonymous,
      submitterUserId: actor?.kind === 'citizen' ? actor.userId : null,
      contactKey: !staff && contact ? contact.key : null,
      procedureId,
      dossierId,
      fileIds,
      parentId: input.parentId ?? null,
      receivedAt: now,
      receivedBy: staff && input.channel !== 'portal' ? actor!.userId : null,
      ...receiptDeadlines(calendar, now, feedbackLimits(env)),
    })
    .returning();
  await tx.insert(feedbackEvents).values({
    feedbackId: row!.id,
    action: 'receive',
    toStatus: 'received',
    actorUserId: actor?.userId ?? null,
    occurredAt: now,
  });
  await recordChange(tx, ctx, {
    action: 'feedback.receive',
    targetType: 'feedback',
    targetId: row!.id,
    after: {
      code: row!.code,
      channel: row!.channel,
      anonymous: row!.anonymous,
      ...(input.parentId ? { parentId: input.parentId } : {}),
    },
    event: {
      code: row!.code,
      channel: row!.channel,
      status: 'received',
      answerDueAt: row!.answerDueAt.toISOString(),
      at: now.toISOString(),
    },
  });
  return row!;
}

export interface FeedbackActionInput {
  action: FeedbackAction;
  version: number;
  note?: string | undefined;
  category?: FeedbackCategory | undefined;
  unitId?: string | undefined;
}

/** Where an item's authority lies: the unit it is routed to (none before classification). */
export async function itemPath(db: Queryable, item: Pick<FeedbackRow, 'unitId'>): Promise<string[] | null> {
  return item.unitId ? unitPath(db, item.unitId) : null;
}

/** Who may read an item (and its attachments): the submitter, the staff who entered it, the provincial office, and the unit it is routed to. */
export function mayReadFeedback(
  actor: Actor,
  item: Pick<FeedbackRow, 'submitterUserId' | 'receivedBy'>,
  path: string[] | null,
): boolean {
  const target = path ? { unitPath: path } : {};
  return (
    (item.submitterUserId !== null && item.submitterUserId === actor.userId) ||
    (item.receivedBy !== null && item.receivedBy === actor.userId) ||
    can(actor, 'feedback.route', target) ||
    (path !== null && can(actor, 'feedback.handle', target))
  );
}

/**
 * Who may take an action: the provincial office (feedback.route) classifies, transfers and
 * publishes, and handles what is not yet routed; the unit's officials (feedback.handle) ask for a
 * supplement, refuse, answer, hand over to another unit and publish their answer; the submitter
 * (or the counter, on their behalf) supplies.
 */
export function mayAct(
  actor: Actor,
  action: FeedbackAction,
  item: FeedbackRow,
  path: string[] | null,
  targetPath: string[] | null = null,
): boolean {
  const route = (p: string[] | null) => can(actor, 'feedback.route', p ? { unitPath: p } : {});
  const handle = path !== null && can(actor, 'feedback.handle', { unitPath: path });
  switch (action) {
    case 'classify':
      return targetPath ? route(targetPath) : route(null);
    case 'transfer':
      return handle || route(path) || (targetPath !== null && route(targetPath) && route(path));
    case 'requestSupplement':
    case 'refuse':
      return handle || route(path);
    case 'supply':
      return (
        (item.submitterUserId !== null && item.submitterUserId === actor.userId) ||
        handle ||
        route(path) ||
        can(actor, 'feedback.receive')
      );
    case 'answer':
      return handle;
    case 'publish':
      return handle || route(path);
  }
}

export async function allowedFeedbackActions(
  db: Queryable,
  actor: Actor,
  item: FeedbackRow,
): Promise<FeedbackAction[]> {
  const path = await itemPath(db, item);
  return possibleFeedbackActions(item).filter((a) => mayAct(actor, a, item, path));
}

export async function performFeedbackAction(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  env: Env,
  id: string,
  input: FeedbackActionInput,
  now: Date,
): Promise<FeedbackRow> {
  const [item] = await tx.select().from(feedbackItems).where(eq(feedbackItems.id, id)).for('update');
  if (!item) throw new AppError('FEEDBACK_NOT_FOUND');
  if (item.version !== input.version)
    throw new AppError('VERSION_CONFLICT', { current: item.version, given: input.version });
  const t = feedbackTransition(input.action, item);
  if (!t.ok)
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { action: input.action, status: item.status }, t.message);
  if (NOTE_REQUIRED.includes(input.action) && !input.note)
    throw new AppError('FEEDBACK_NOTE_REQUIRED', { action: input.action });
  const needsUnit = input.action === 'classify' || input.action === 'transfer';
  if (needsUnit && !input.unitId)
    throw new AppError('FEEDBACK_INPUT_REQUIRED', { action: input.action, field: 'unitId' });
  if (input.action === 'classify' && !input.category)
    throw new AppError('FEEDBACK_INPUT_REQUIRED', { action: input.action, field: 'category' });
  if (input.action === 'transfer' && input.unitId === item.unitId) throw new AppError('FEEDBACK_SAME_UNIT');
  // getUnit refuses a unit that does not exist before its path is read.
  const targetPath = needsUnit ? await getUnit(tx, input.unitId!).then(() => unitPath(tx, input.unitId!)) : null;
  if (!mayAct(ctx.actor, input.action, item, await itemPath(tx, item), targetPath))
    throw new AppError('FORBIDDEN', { action: `feedback.${input.action}` });

  const calendar = await calendarFor(tx, env, item.pausedSince ?? item.receivedAt, now);
  const due = actionDue(input.action, item);
  const outcome = actionOutcome(now, due);
  const changes = effects(input, item, calendar, env, now, outcome, ctx.actor.userId);
  const [updated] = await tx
    .update(feedbackItems)
    .set({ ...changes, status: t.toStatus, version: item.version + 1, updatedAt: now })
    .where(and(eq(feedbackItems.id, item.id), eq(feedbackItems.version, input.version)))
    .returning();
  if (!updated) throw new AppError('VERSION_CONFLICT', { given: input.version });
  await tx.insert(feedbackEvents).values({
    feedbackId: item.id,
    action: input.action,
    fromStatus: item.status,
    toStatus: t.toStatus,
    unitId: updated.unitId,
    actorUserId: ctx.actor.userId,
    note: input.note ?? null,
    dueAt: due,
    outcome,
    occurredAt: now,
  });
  await recordChange(tx, ctx, {
    action: `feedback.${input.action}`,
    targetType: 'feedback',
    targetId: item.id,
    unitId: updated.unitId,
    before: { status: item.status, unitId: item.unitId },
    after: { status: t.toStatus, unitId: updated.unitId, ...(outcome ? { outcome } : {}) },
    event: {
      code: item.code,
      action: input.action,
      status: t.toStatus,
      unitId: updated.unitId,
      at: now.toISOString(),
      ...(outcome ? { outcome } : {}),
    },
  });
  return updated;
}

/** The columns an action changes besides status and version. */
function effects(
  input: FeedbackActionInput,
  item: FeedbackRow,
  calendar: WorkingCalendar,
  env: Env,
  now: Date,
  outcome: FeedbackRow['outcome'],
  actorId: string,
): Partial<FeedbackRow> {
  switch (input.action) {
    case 'classify':
      return { category: input.category!, unitId: input.unitId! };
    case 'transfer':
      return { unitId: input.unitId! };
    case 'requestSupplement':
      return { pausedSince: now, supplementCount: item.supplementCount + 1 };
    case 'supply': {
      // The time spent waiting for the submitter does not count: the answer's due time moves by it.
      const waited = item.pausedSince ? workingTimeBetween(calendar, item.pausedSince, now).minutes : 0;
      return {
        pausedSince: null,
        answerDueAt:
          waited > 0 ? addWorkingTime(calendar, item.answerDueAt, waited / 60, 'workingHours') : item.answerDueAt,
      };
    }
    case 'refuse':
      return { completedAt: now, outcome, answer: input.note! };
    case 'answer':
      return {
        answer: input.note!,
        answeredAt: now,
        answeredBy: actorId,
        completedAt: now,
        outcome,
        publishDueAt: publishDeadline(calendar, now, feedbackLimits(env)),
      };
    case 'publish':
      return { publishedAt: now, publishOutcome: outcome };
  }
}
