/**
 * Satisfaction indicators from feedback items (PAKN, docs/domain/DOMAIN.md §9), as pure functions over the
 * feedback module's own rules: an item is handled on time unless it ended late or is open past
 * its due time at `asOf`; it counts as satisfactory unless isUnsatisfied (dislikes > likes,
 * overdue, or complained about again).
 */
import { isOverdue, isUnsatisfied } from '../feedback/feedback.rules.js';
import type { Membership } from './transparency.rules.js';

export type FeedbackKey = 'satisfaction.feedbackOnTime' | 'satisfaction.feedbackSatisfaction';

export type FeedbackFacts = Parameters<typeof isOverdue>[0] & { likes: number; dislikes: number; complaints: number };

export function feedbackMembership(item: FeedbackFacts, asOf: Date): Record<FeedbackKey, Membership> {
  const overdue = isOverdue(item, asOf);
  return {
    'satisfaction.feedbackOnTime': overdue ? 'denominator' : 'numerator',
    'satisfaction.feedbackSatisfaction': isUnsatisfied({
      likes: item.likes,
      dislikes: item.dislikes,
      complaints: item.complaints,
      overdue,
    })
      ? 'denominator'
      : 'numerator',
  };
}
