/**
 * The demo's counter queues (xếp hàng lấy số): the provincial service centre and two wards run
 * one, so the kiosk's "Lấy số thứ tự" and the hall display work on a fresh demo. Each is a weekly
 * template of the fields served at the counters, inside the default office hours; bookable slots
 * are made from it by an officer ("Tạo khung giờ"), as in production.
 */
import type { RequestContext } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db.js';
import { DEFAULT_WORKING_PERIODS, parseWorkingPeriods } from '../../kernel/working-periods.js';
import type { TemplateEntry } from '../queue/queue.rules.js';
import { saveTemplate } from '../queue/slots.service.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

/** Morning and afternoon sessions of a field, 30-minute slots of `capacity` people. */
const sessions = (fieldCode: string, capacity: number): TemplateEntry[] => [
  { fieldCode, weekdays: WEEKDAYS, start: '07:30', end: '11:30', minutes: 30, capacity },
  { fieldCode, weekdays: WEEKDAYS, start: '13:30', end: '17:00', minutes: 30, capacity },
];

/** Unit key → the fields its counters serve. Long Xuyên took the old city's work (demo-province.ts). */
export const DEMO_QUEUES: Record<string, TemplateEntry[]> = {
  ttpvhcc: ['HT', 'CT', 'LLTP', 'HKD', 'DD', 'XD'].flatMap((f) => sessions(f, 5)),
  'xa-30307': ['HT', 'CT', 'BTXH'].flatMap((f) => sessions(f, 3)),
  'xa-30292': ['HT', 'CT', 'BTXH'].flatMap((f) => sessions(f, 3)),
};

export async function seedDemoQueues(
  tx: Tx,
  ctx: RequestContext,
  id: (key: string) => string,
  now: Date,
): Promise<void> {
  const parsed = parseWorkingPeriods(DEFAULT_WORKING_PERIODS);
  if ('error' in parsed) throw new Error(parsed.error);
  for (const [key, entries] of Object.entries(DEMO_QUEUES))
    await saveTemplate(tx, ctx, parsed.periods, id(key), entries, now);
}
