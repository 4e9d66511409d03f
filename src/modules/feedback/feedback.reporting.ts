/**
 * Feedback items (phản ánh, kiến nghị) as reporting readers see them (kpi's satisfaction
 * indicators): a sub-select of named columns aliased as the table, inlined by PostgreSQL.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { feedbackItems } from './feedback.tables.js';

const qb = new QueryBuilder();

/** Feedback items, one row each. */
export const reportedFeedback = qb
  .select({
    code: feedbackItems.code, // mã PAKN
    title: feedbackItems.title, // its title (public)
    status: feedbackItems.status, // lifecycle status
    dossierId: feedbackItems.dossierId, // the dossier it is about (null: none)
    parentId: feedbackItems.parentId, // the item it complains again about (null: a first item)
    unitId: feedbackItems.unitId, // unit it was routed to
    receivedAt: feedbackItems.receivedAt, // received
    answerDueAt: feedbackItems.answerDueAt, // answer due
    publishDueAt: feedbackItems.publishDueAt, // publication of the answer due
    outcome: feedbackItems.outcome, // answer early | onTime | late
    publishOutcome: feedbackItems.publishOutcome, // publication early | onTime | late
    likes: feedbackItems.likes, // citizens satisfied with the answer
    dislikes: feedbackItems.dislikes, // citizens not satisfied
    complaints: feedbackItems.complaints, // re-complaints about it
  })
  .from(feedbackItems)
  .as('feedback_items');
