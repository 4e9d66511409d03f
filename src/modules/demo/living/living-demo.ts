/**
 * The living demo (issue 15): the last three months of a province at work, so the first login
 * shows worklists, the late list, the 766 index and the public dashboard with something true in
 * them. A few hundred dossiers arrive on the working days of the window, during office hours, at
 * Sở Tư pháp and three communes, and each goes its journey (journeys.ts) through the same services
 * real traffic uses — so every dossier has its events, audit records, outbox events, deadlines by
 * the real rules. The moves of all dossiers run in time order with `Date` reading the instant of
 * the move (travel-date.ts); what would happen after `now` does not happen, so recent dossiers are
 * still in the worklists. Seeded by the day: the same day gives the same demo.
 */
import type { Database } from '../../../kernel/db.js';
import type { Env } from '../../../kernel/env.js';
import { fixedClock } from '../../../kernel/clock.js';
import { addWorkingTime, isWorkingDay, type WorkingCalendar } from '../../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { addDays, DAY_MS, dayIndex, fromVietnamLocalMs, vietnamDateOf, yearOf } from '../../calendar/dates.js';
import type { FileStorage } from '../../files/storage.js';
import type { NationalDataClient } from '../../national-data/national-data-client.js';
import { dossierByCode } from '../../payments/payments.service.js';
import { createRng, type Rng } from '../synthetic/prng.js';
import type { Desk } from './cast.js';
import { type Case, type DossierRow, journey, type Move, SCENARIOS, type Scenario, type World } from './journeys.js';
import { travelling } from './travel-date.js';

/** How far back the demo starts, in calendar days. */
export const WINDOW_DAYS = 91;

export interface LivingDemoSources {
  env: Env;
  files: FileStorage;
  national: NationalDataClient;
  /** The real present: nothing is dated at or after it. */
  now: Date;
}

/** The window's first day, 07:00 Vietnam time: when the province is set up, before the first dossier. */
export function windowStart(now: Date): Date {
  const first = addDays(vietnamDateOf(now), -WINDOW_DAYS);
  return fromVietnamLocalMs(dayIndex(first) * DAY_MS + 7 * 3_600_000);
}

/** Runs `setUp` and then the three months of traffic, each at its own instant of the window. */
export async function withLivingDemo(
  db: Database,
  sources: LivingDemoSources,
  setUp: () => Promise<Desk[]>,
): Promise<{ dossiers: number; moves: number }> {
  const clock = fixedClock(windowStart(sources.now));
  return travelling(clock, async () => {
    const desks = await setUp();
    const calendar = await loadWorkingCalendar(db, sources.env, {
      from: yearOf(vietnamDateOf(clock.now())),
      to: yearOf(vietnamDateOf(sources.now)),
    });
    const world: World = {
      env: sources.env,
      calendar,
      files: sources.files,
      sources: { national: sources.national, files: sources.files },
    };
    const rng = createRng(dayIndex(vietnamDateOf(sources.now)));
    const arrivals = planArrivals(rng, calendar, desks, clock.now(), sources.now);
    const moves = await run(db, world, clock, arrivals, sources.now);
    return { dossiers: arrivals.length, moves };
  });
}

interface Arrival {
  at: Date;
  c: Case;
  moves: Move[];
}

const SCENARIO_WEIGHTS: Record<Scenario, number> = { onTime: 50, late: 13, supplement: 14, consulted: 11, paid: 12 };

/** 2–4 dossiers each working day of the window, at a random minute of office hours. */
function planArrivals(rng: Rng, calendar: WorkingCalendar, desks: Desk[], from: Date, until: Date): Arrival[] {
  const arrivals: Arrival[] = [];
  const cumulative = accumulate(SCENARIOS.map((s) => SCENARIO_WEIGHTS[s]));
  const lastDay = vietnamDateOf(until);
  for (let day = vietnamDateOf(from); day <= lastDay; day = addDays(day, 1)) {
    if (!isWorkingDay(calendar, day)) continue;
    const midnight = fromVietnamLocalMs(dayIndex(day) * DAY_MS);
    for (let n = rng.int(2, 4); n > 0; n -= 1) {
      const minute = rng.int(0, calendar.minutesPerDay - 30);
      const at = addWorkingTime(calendar, midnight, Math.round(minute / 15) / 4, 'workingHours');
      const desk = rng.pick(desks);
      const c: Case = {
        desk,
        other: rng.pick(desks.filter((d) => d !== desk)),
        procedure: rng.pick(desk.procedures),
        scenario: SCENARIOS[rng.weighted(cumulative)]!,
        applicant: applicantOf(rng),
        rng: createRng(rng.int(0, 2 ** 31)),
        code: null,
      };
      arrivals.push({ at, c, moves: journey(c) });
    }
  }
  return arrivals;
}

/** Every dossier's moves in time order, each in its own transaction, until the present. */
async function run(
  db: Database,
  world: World,
  clock: ReturnType<typeof fixedClock>,
  arrivals: Arrival[],
  now: Date,
): Promise<number> {
  const queue = new TimeQueue<{ arrival: Arrival; next: number }>();
  for (const arrival of arrivals) queue.push(arrival.at, { arrival, next: 0 });
  let done = 0;
  for (let item = queue.pop(); item; item = queue.pop()) {
    const { at, value } = item;
    if (at.getTime() >= now.getTime()) continue; // the future has not happened yet
    clock.set(at);
    const { c, moves } = value.arrival;
    const move = moves[value.next]!;
    const before: DossierRow | null = c.code ? await dossierByCode(db, c.code) : null;
    await db.transaction((tx) => move.run(tx, world, c, before, at));
    done += 1;
    const following = moves[value.next + 1];
    if (!following) continue;
    const after = await dossierByCode(db, c.code!);
    queue.push(following.when(world, c, after, at), { arrival: value.arrival, next: value.next + 1 });
  }
  return done;
}

/** A min-queue by instant; ties keep insertion order (a binary heap would not). */
class TimeQueue<T> {
  private items: { at: Date; seq: number; value: T }[] = [];
  private seq = 0;
  push(at: Date, value: T) {
    const entry = { at, seq: this.seq++, value };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.items[mid]!;
      if (m.at.getTime() > at.getTime() || (m.at.getTime() === at.getTime() && m.seq > entry.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, entry);
  }
  /** The earliest (kept at the end of the array, sorted latest first). */
  pop() {
    return this.items.pop();
  }
}

function accumulate(weights: number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Văn An', 'Thị Bích', 'Minh Châu', 'Quốc Dũng', 'Thị Hoa', 'Hữu Phước', 'Ngọc Lan', 'Thanh Tâm'];

/**
 * A citizen of the province: CCCD 089 (An Giang), then century/sex 0–3 and year as QCVN shapes
 * them; the serial is drawn, so the population database (simulator) does not know them.
 */
function applicantOf(rng: Rng) {
  const sex = rng.int(0, 1);
  const century = rng.chance(0.7) ? 0 : 2; // 1900s or 2000s
  const year = century === 0 ? rng.int(50, 99) : rng.int(0, 6);
  const idNumber = `089${century + sex}${String(year).padStart(2, '0')}${String(rng.int(100_000, 999_999))}`;
  return {
    kind: 'citizen' as const,
    fullName: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`,
    idNumber,
    phone: `09${String(rng.int(10_000_000, 99_999_999))}`,
    address: 'Tỉnh An Giang',
  };
}
