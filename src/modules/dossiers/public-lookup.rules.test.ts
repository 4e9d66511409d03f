import { describe, expect, it } from 'vitest';
import { publicSteps, stepNamesOf, STATUS_LABELS } from './public-lookup.rules.js';
import { DOSSIER_STATUS_NAMES } from './status.rules.js';

describe('stepNamesOf', () => {
  it('names main and consultation steps by key, skipping entries that are not steps', () => {
    const names = stepNamesOf([
      { key: 'tiep-nhan', name: 'Tiếp nhận', consultations: [] },
      { key: 'tham-dinh', name: 'Thẩm định', consultations: [{ key: 'y-kien-ubnd', name: 'Xin ý kiến UBND xã' }] },
      null,
      { key: 7, name: 'bad' },
    ]);
    expect([...names]).toEqual([
      ['tiep-nhan', 'Tiếp nhận'],
      ['tham-dinh', 'Thẩm định'],
      ['y-kien-ubnd', 'Xin ý kiến UBND xã'],
    ]);
    expect(stepNamesOf('not a list').size).toBe(0);
  });
});

describe('publicSteps', () => {
  const names = new Map([['a', 'Bước A']]);
  it('orders events by time, names steps, labels known actions and shows unknown ones by name', () => {
    const steps = publicSteps(
      [
        { action: 'someFutureAction', stepKey: 'b', occurredAt: new Date('2026-01-02T03:00:00Z') },
        { action: 'receive', stepKey: 'a', occurredAt: new Date('2026-01-01T03:00:00Z') },
      ],
      names,
    );
    expect(steps).toEqual([
      {
        action: 'receive',
        label: 'Tiếp nhận hồ sơ',
        stepKey: 'a',
        stepName: 'Bước A',
        at: new Date('2026-01-01T03:00:00Z'),
        outcome: null,
      },
      {
        action: 'someFutureAction',
        label: 'someFutureAction',
        stepKey: 'b',
        stepName: null,
        at: new Date('2026-01-02T03:00:00Z'),
        outcome: null,
      },
    ]);
  });

  it('passes on the outcome an ending event recorded: early and on time count as on time, late does not', () => {
    const due = new Date('2026-01-05T10:00:00Z');
    const at = new Date('2026-01-04T10:00:00Z');
    const outcome = (stepOutcome: 'early' | 'onTime' | 'late') =>
      publicSteps([{ action: 'forward', stepKey: 'a', occurredAt: at, stepDueAt: due, stepOutcome }], names)[0]!
        .outcome;
    expect(outcome('early')).toEqual({ dueAt: due, result: 'early', onTime: true });
    expect(outcome('onTime')).toEqual({ dueAt: due, result: 'onTime', onTime: true });
    expect(outcome('late')).toEqual({ dueAt: due, result: 'late', onTime: false });
  });
});

it('labels every status', () => {
  for (const s of DOSSIER_STATUS_NAMES) expect(STATUS_LABELS[s]).toMatch(/\S/);
});
