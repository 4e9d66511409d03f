import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../calendar/calendar.rules.js';
import { DEFAULT_WORKING_PERIODS, parseWorkingPeriods } from '../../kernel/working-periods.js';
import {
  actionDue,
  actionOutcome,
  currentDue,
  DEFAULT_FEEDBACK_LIMITS,
  FEEDBACK_ACTIONS,
  FEEDBACK_STATUSES,
  type FeedbackAction,
  feedbackCode,
  type FeedbackStatus,
  feedbackTimeState,
  feedbackTransition,
  isOverdue,
  isUnsatisfied,
  possibleFeedbackActions,
  publishDeadline,
  receiptDeadlines,
} from './feedback.rules.js';

const periods = (
  parseWorkingPeriods(DEFAULT_WORKING_PERIODS) as { periods: ReturnType<typeof buildWorkingCalendar>['periods'] }
).periods;
// Tuesday 24 Nov 2026 declared a holiday here, to show the limits count working days from the calendar.
const calendar = buildWorkingCalendar(periods, [{ date: '2026-11-24', kind: 'holiday' }]);
const vn = (local: string) => new Date(`${local}+07:00`);

describe('feedback state machine', () => {
  // Expected next status for every (status, action), with the unit routed or not and no supplement yet.
  const routed: Record<FeedbackStatus, Partial<Record<FeedbackAction, FeedbackStatus>>> = {
    received: { classify: 'routed', requestSupplement: 'awaitingSupplement', refuse: 'refused' },
    routed: { transfer: 'routed', requestSupplement: 'awaitingSupplement', refuse: 'refused', answer: 'answered' },
    awaitingSupplement: { supply: 'routed' },
    refused: {},
    answered: { publish: 'published' },
    published: {},
  };
  for (const status of FEEDBACK_STATUSES) {
    for (const action of FEEDBACK_ACTIONS) {
      const expected = routed[status][action];
      it(`${status} --${action}--> ${expected ?? 'refused'}`, () => {
        const result = feedbackTransition(action, {
          status,
          unitId: status === 'received' ? null : 'u1',
          supplementCount: 0,
        });
        if (expected) expect(result).toEqual({ ok: true, toStatus: expected });
        else expect(result).toMatchObject({ ok: false, message: expect.any(String) });
      });
    }
  }

  it('a supply returns an item asked before classification to "received"', () => {
    expect(feedbackTransition('supply', { status: 'awaitingSupplement', unitId: null, supplementCount: 1 })).toEqual({
      ok: true,
      toStatus: 'received',
    });
  });

  it('asks for a supplement at most once', () => {
    expect(feedbackTransition('requestSupplement', { status: 'routed', unitId: 'u1', supplementCount: 1 }).ok).toBe(
      false,
    );
    expect(possibleFeedbackActions({ status: 'routed', unitId: 'u1', supplementCount: 1 })).toEqual([
      'transfer',
      'refuse',
      'answer',
    ]);
  });
});

describe('feedback deadlines (working days from the calendar)', () => {
  const receivedAt = vn('2026-11-19T09:00:00'); // Thursday
  const d = receiptDeadlines(calendar, receivedAt, DEFAULT_FEEDBACK_LIMITS);

  it('refuse ≤ 2, supplement ≤ 5, answer ≤ 15 working days, skipping the weekend and the holiday', () => {
    expect(d.refuseDueAt).toEqual(vn('2026-11-23T09:00:00')); // Fri, Mon
    expect(d.supplementDueAt).toEqual(vn('2026-11-27T09:00:00')); // Fri, Mon, Wed, Thu, Fri (Tue is off)
    expect(d.answerDueAt).toEqual(vn('2026-12-11T09:00:00'));
  });

  it('publish ≤ 2 working days after the answer', () => {
    expect(publishDeadline(calendar, vn('2026-11-27T15:00:00'), DEFAULT_FEEDBACK_LIMITS)).toEqual(
      vn('2026-12-01T15:00:00'),
    );
  });

  it('configurable limits', () => {
    expect(receiptDeadlines(calendar, receivedAt, { ...DEFAULT_FEEDBACK_LIMITS, answer: 1 }).answerDueAt).toEqual(
      vn('2026-11-20T09:00:00'),
    );
  });

  it('each action is measured against its own limit', () => {
    const item = { ...d, publishDueAt: null };
    expect(actionDue('refuse', item)).toBe(d.refuseDueAt);
    expect(actionDue('requestSupplement', item)).toBe(d.supplementDueAt);
    expect(actionDue('answer', item)).toBe(d.answerDueAt);
    expect(actionDue('publish', item)).toBeNull();
    expect(actionDue('classify', item)).toBeNull();
    expect(actionOutcome(vn('2026-11-20T10:00:00'), d.refuseDueAt)).toBe('early');
    expect(actionOutcome(vn('2026-11-23T08:00:00'), d.refuseDueAt)).toBe('onTime');
    expect(actionOutcome(vn('2026-11-23T09:00:01'), d.refuseDueAt)).toBe('late');
    expect(actionOutcome(vn('2026-11-23T09:00:01'), null)).toBeNull();
  });
});

describe('current deadline and time state', () => {
  const answerDueAt = vn('2026-12-11T09:00:00');
  const publishDueAt = vn('2026-12-15T09:00:00');
  it.each([
    ['received', answerDueAt],
    ['routed', answerDueAt],
    ['awaitingSupplement', null],
    ['refused', null],
    ['answered', publishDueAt],
    ['published', null],
  ] as const)('%s → %s', (status, expected) => {
    expect(currentDue({ status, answerDueAt, publishDueAt })).toEqual(expected);
  });

  it('within time / due soon / overdue like dossiers', () => {
    const item = { status: 'routed' as const, answerDueAt, publishDueAt: null };
    expect(feedbackTimeState(item, vn('2026-12-01T09:00:00'), vn('2026-12-02T09:00:00'))).toBe('withinTime');
    expect(feedbackTimeState(item, vn('2026-12-10T09:00:00'), vn('2026-12-11T09:00:00'))).toBe('dueSoon');
    expect(feedbackTimeState(item, vn('2026-12-11T09:00:01'), vn('2026-12-14T09:00:00'))).toBe('overdue');
    expect(
      feedbackTimeState(
        { ...item, status: 'awaitingSupplement' },
        vn('2026-12-20T09:00:00'),
        vn('2026-12-21T09:00:00'),
      ),
    ).toBeNull();
  });
});

describe('the index’s unsatisfied rule (docs/domain/DOMAIN.md §9)', () => {
  it.each([
    [{ likes: 0, dislikes: 0, complaints: 0, overdue: false }, false],
    [{ likes: 2, dislikes: 2, complaints: 0, overdue: false }, false],
    [{ likes: 1, dislikes: 2, complaints: 0, overdue: false }, true],
    [{ likes: 5, dislikes: 0, complaints: 0, overdue: true }, true],
    [{ likes: 5, dislikes: 0, complaints: 1, overdue: false }, true],
  ])('%o → %s', (facts, expected) => {
    expect(isUnsatisfied(facts)).toBe(expected);
  });

  it('overdue: ended late, published late, or open past its deadline', () => {
    const base = {
      status: 'published' as const,
      answerDueAt: vn('2026-12-11T09:00:00'),
      publishDueAt: vn('2026-12-15T09:00:00'),
      outcome: 'onTime' as const,
      publishOutcome: 'onTime' as const,
    };
    const later = vn('2027-01-10T09:00:00');
    expect(isOverdue(base, later)).toBe(false);
    expect(isOverdue({ ...base, outcome: 'late' }, later)).toBe(true);
    expect(isOverdue({ ...base, publishOutcome: 'late' }, later)).toBe(true);
    expect(isOverdue({ ...base, status: 'routed', outcome: null, publishOutcome: null }, later)).toBe(true);
    expect(
      isOverdue({ ...base, status: 'routed', outcome: null, publishOutcome: null }, vn('2026-12-01T09:00:00')),
    ).toBe(false);
  });
});

it('codes are PAKN- and six digits', () => {
  expect(feedbackCode(42)).toBe('PAKN-000042');
  expect(feedbackCode(1234567)).toBe('PAKN-1234567');
});
