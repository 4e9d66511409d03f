import { describe, expect, it } from 'vitest';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { type DossierAction, possibleActions, startStep, transition } from './actions.rules.js';
import { timeliness } from './deadline.rules.js';
import type { DossierStatus } from './status.rules.js';

const stepOf = (
  key: string,
  next: string[],
  returnTo: string[] = [],
  actions: WorkflowStep['actions'] = ['forward', 'return'],
): WorkflowStep => ({
  key,
  name: key,
  unitId: null,
  assignee: { role: 'processing_official' },
  allotment: { value: 1, unit: 'workingDays' },
  actions,
  next,
  returnTo,
  consultations: [],
});
// a → (b | c) → d; b and c may return to a.
const steps = [
  stepOf('d', []),
  stepOf('b', ['d'], ['a']),
  stepOf('a', ['b', 'c'], [], ['forward']),
  stepOf('c', ['d'], ['a']),
];
const at = (status: DossierStatus, currentStepKey: string | null) => ({ status, currentStepKey, steps });

describe('transition', () => {
  const cases: [string, DossierAction, ReturnType<typeof at>, { toStep?: string }, unknown][] = [
    [
      'accept an online dossier at the start step',
      'accept',
      at('registered', null),
      {},
      { ok: true, toStatus: 'received', toStepKey: 'a' },
    ],
    ['not accept twice', 'accept', at('received', 'a'), {}, { ok: false, code: 'ACTION_NOT_ALLOWED' }],
    [
      'forward needs a choice between two next steps',
      'forward',
      at('received', 'a'),
      {},
      { ok: false, code: 'STEP_CHOICE_REQUIRED' },
    ],
    [
      'forward to a chosen next step',
      'forward',
      at('received', 'a'),
      { toStep: 'c' },
      { ok: true, toStatus: 'processing', toStepKey: 'c', endsStep: true },
    ],
    [
      'not forward to a step that is not next',
      'forward',
      at('received', 'a'),
      { toStep: 'd' },
      { ok: false, code: 'STEP_NOT_ALLOWED' },
    ],
    ['forward the only way', 'forward', at('processing', 'b'), {}, { ok: true, toStepKey: 'd' }],
    ['not forward from an end step', 'forward', at('processing', 'd'), {}, { ok: false, code: 'ACTION_NOT_ALLOWED' }],
    ['return to the earlier step', 'return', at('processing', 'c'), {}, { ok: true, toStepKey: 'a', endsStep: true }],
    [
      'not return where the step may not',
      'return',
      at('processing', 'a'),
      {},
      { ok: false, code: 'ACTION_NOT_ALLOWED' },
    ],
    [
      'finish at the end step',
      'finish',
      at('processing', 'd'),
      {},
      { ok: true, toStatus: 'processed', toStepKey: null },
    ],
    ['not finish before the end', 'finish', at('processing', 'b'), {}, { ok: false, code: 'ACTION_NOT_ALLOWED' }],
    ['return the result once processed', 'returnResult', at('processed', null), {}, { ok: true, toStatus: 'returned' }],
    ['not return a result still in processing', 'returnResult', at('processing', 'b'), {}, { ok: false }],
    [
      'ask for a supplement during processing, keeping the step',
      'requestSupplement',
      at('processing', 'b'),
      {},
      { ok: true, toStatus: 'awaitingSupplement', toStepKey: 'b' },
    ],
    ['not ask while already waiting', 'requestSupplement', at('awaitingSupplement', 'b'), {}, { ok: false }],
    [
      'resume at the same step when supplied',
      'supply',
      at('awaitingSupplement', 'b'),
      {},
      { ok: true, toStatus: 'processing', toStepKey: 'b' },
    ],
    [
      'refuse a registered dossier',
      'refuse',
      at('registered', null),
      {},
      { ok: true, toStatus: 'refused', endsStep: false },
    ],
    [
      'refuse during a step, ending it',
      'refuse',
      at('processing', 'c'),
      {},
      { ok: true, toStatus: 'refused', endsStep: true },
    ],
    ['not refuse a returned dossier', 'refuse', at('returned', null), {}, { ok: false }],
    [
      'withdraw while waiting for a supplement',
      'withdraw',
      at('awaitingSupplement', 'b'),
      {},
      { ok: true, toStatus: 'withdrawn' },
    ],
    ['not withdraw a processed dossier', 'withdraw', at('processed', null), {}, { ok: false }],
    [
      'approve (sign) and move on to the only next step',
      'signResult',
      at('processing', 'b'),
      {},
      { ok: true, toStatus: 'processing', toStepKey: 'd', endsStep: true },
    ],
    [
      'approve at the last step: processing ends',
      'signResult',
      at('processing', 'd'),
      {},
      { ok: true, toStatus: 'processed', toStepKey: null, endsStep: true },
    ],
    [
      'approve needs a choice between two next steps',
      'signResult',
      at('processing', 'a'),
      {},
      { ok: false, code: 'STEP_CHOICE_REQUIRED' },
    ],
    ['approve to a chosen next step', 'signResult', at('processing', 'a'), { toStep: 'c' }, { toStepKey: 'c' }],
  ];
  it.each(cases)('%s', (_what, action, state, params, expected) => {
    expect(transition(action, state, params)).toMatchObject(expected as object);
  });
});

describe('possibleActions', () => {
  it.each([
    [at('registered', null), ['accept', 'refuse', 'withdraw']],
    [
      at('received', 'a'),
      [
        'forward',
        'requestSupplement',
        'refuse',
        'withdraw',
        'answerConsultation',
        'requestPayment',
        'stop',
        'apologize',
        'signResult',
      ],
    ],
    [
      at('processing', 'd'),
      [
        'finish',
        'requestSupplement',
        'refuse',
        'withdraw',
        'answerConsultation',
        'requestPayment',
        'stop',
        'apologize',
        'signResult',
      ],
    ],
    [
      at('processing', 'b'),
      [
        'forward',
        'return',
        'requestSupplement',
        'refuse',
        'withdraw',
        'answerConsultation',
        'requestPayment',
        'stop',
        'apologize',
        'signResult',
      ],
    ],
    [at('awaitingSupplement', 'b'), ['supply', 'refuse', 'withdraw', 'answerConsultation', 'stop']],
    [at('awaitingPayment', 'b'), ['refuse', 'withdraw', 'answerConsultation', 'confirmPayment', 'stop', 'apologize']],
    [at('processed', null), ['returnResult']],
    [at('returned', null), []],
  ] as const)('%o', (state, actions) => {
    expect(possibleActions(state)).toEqual(actions);
  });
});

describe('startStep and timeliness', () => {
  it('finds the step nothing forwards to, wherever it is listed', () => {
    expect(startStep(steps)?.key).toBe('a');
  });

  it('is early before the due day, on time up to the due instant, late after', () => {
    const due = new Date('2026-11-25T09:00:00Z');
    const dueDay = new Date('2026-11-24T17:00:00Z'); // 00:00 on 25/11 in Vietnam
    expect(timeliness(new Date('2026-11-24T16:59:59Z'), due, dueDay)).toBe('early');
    expect(timeliness(new Date('2026-11-24T17:00:00Z'), due, dueDay)).toBe('onTime');
    expect(timeliness(due, due, dueDay)).toBe('onTime');
    expect(timeliness(new Date('2026-11-25T09:00:01Z'), due, dueDay)).toBe('late');
  });
});
