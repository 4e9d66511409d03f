/**
 * The dossier path reads the kernel's clock (deps.clock), not the machine's: intake, the
 * appointment computed from it, an action and what the reads show are all dated by the pinned
 * instant. The instants are in the past, so a `new Date()` left on the path fails this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { type DemoProcedure, fileDossier, step } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';

// Friday 4 July 2025, 16:00 in Vietnam; then Monday 7 July, 09:30.
const FRIDAY_AFTERNOON = '2025-07-04T09:00:00.000Z';
const MONDAY_MORNING = '2025-07-07T02:30:00.000Z';

const clock = fixedClock(FRIDAY_AFTERNOON);
let t: TestApp;
let tiepnhan: Session;
let procedure: DemoProcedure;

beforeAll(async () => {
  t = await createTestApp({ clock });
  tiepnhan = await t.login('tiepnhan');
  // Cấp giấy phép lao động: 10 working days at the counter.
  procedure = await procedureByCode(t, '1.014199');
});
afterAll(() => t.close());

/** The calendar day in Vietnam of an instant. */
const vnDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('the dossier path on the kernel clock', () => {
  it('dates intake, its appointment and a later action by the pinned instants', async () => {
    const d = await fileDossier(tiepnhan, procedure, {
      channel: 'counter',
      applicant: { kind: 'citizen', fullName: 'Trần Văn Bình', idNumber: '089196000123', phone: '0987654322' },
    });
    expect(d.submittedAt).toBe(FRIDAY_AFTERNOON);
    expect(d.receivedAt).toBe(FRIDAY_AFTERNOON);
    expect(d.events[0]).toMatchObject({ action: 'receive', occurredAt: FRIDAY_AFTERNOON });
    // Ten working days from a Friday afternoon, both weekends skipped: Friday 18 July.
    expect(vnDay(d.appointmentAt)).toBe('2025-07-18');
    expect(d.code).toMatch(/-250704-/);

    clock.set(MONDAY_MORNING);
    // Friday's session lapsed over the weekend (on the same clock): the officer signs in again.
    tiepnhan = await t.login('tiepnhan');
    const forwarded = await step(tiepnhan, d.code, d.version, 'forward');
    expect(forwarded.events.at(-1)).toMatchObject({ action: 'forward', occurredAt: MONDAY_MORNING });
    expect(forwarded.appointmentAt).toBe(d.appointmentAt);
    // Read on that Monday, the dossier is not yet late.
    const read = (await tiepnhan.request({ url: `/api/dossiers/${d.code}` })).json();
    expect(read.timeState).not.toBe('overdue');
  });
});
