import { describe, expect, it } from 'vitest';
import { type FeedbackFacts, feedbackMembership } from './feedback-membership.rules.js';

const asOf = new Date('2026-03-20T17:00:00Z');
const before = new Date('2026-03-10T03:00:00Z');
const after = new Date('2026-03-25T03:00:00Z');
const item = (o: Partial<FeedbackFacts>): FeedbackFacts => ({
  status: 'routed',
  answerDueAt: after,
  publishDueAt: null,
  outcome: null,
  publishOutcome: null,
  likes: 0,
  dislikes: 0,
  complaints: 0,
  ...o,
});

describe('feedback items in the satisfaction group', () => {
  it.each([
    ['open, due after asOf', item({}), 'numerator', 'numerator'],
    ['open, due before asOf: overdue', item({ answerDueAt: before }), 'denominator', 'denominator'],
    ['answered late', item({ status: 'answered', outcome: 'late', publishDueAt: after }), 'denominator', 'denominator'],
    [
      'answered on time, publication overdue',
      item({ status: 'answered', outcome: 'onTime', publishDueAt: before }),
      'denominator',
      'denominator',
    ],
    [
      'published on time, more dislikes than likes',
      item({ status: 'published', outcome: 'onTime', publishOutcome: 'early', likes: 1, dislikes: 2 }),
      'numerator',
      'denominator',
    ],
    [
      'published on time, complained about again',
      item({ status: 'published', outcome: 'onTime', publishOutcome: 'onTime', complaints: 1 }),
      'numerator',
      'denominator',
    ],
    [
      'published on time, liked',
      item({ status: 'published', outcome: 'early', publishOutcome: 'early', likes: 3, dislikes: 1 }),
      'numerator',
      'numerator',
    ],
    [
      'awaiting the submitter past the answer date: the clock is stopped',
      item({ status: 'awaitingSupplement', answerDueAt: before }),
      'numerator',
      'numerator',
    ],
  ] as const)('%s', (_name, facts, onTime, satisfied) => {
    expect(feedbackMembership(facts, asOf)).toEqual({
      'satisfaction.feedbackOnTime': onTime,
      'satisfaction.feedbackSatisfaction': satisfied,
    });
  });
});
