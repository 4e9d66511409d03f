/**
 * The journeys of the living demo: what happens to one dossier, move by move, and when. Each move
 * is a call of the service the API would call for it (intake, an action, a counter payment, a
 * rating); `when` says how long after the previous move it comes, in working time, from the
 * dossier as it now stands (its step's due time, its legal due time). On-time journeys spend a
 * share of each step's allotment; late ones pass the legal due time after the leader's apology
 * letter (mẫu 04, Decree 61/2018/NĐ-CP art. 19 as amended by Decree 107/2021/NĐ-CP).
 */
import type { Actor } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db.js';
import type { Env } from '../../../kernel/env.js';
import {
  addWorkingDaysToDate,
  addWorkingTime,
  type WorkingCalendar,
  workingTimeBetween,
} from '../../calendar/calendar.rules.js';
import { vietnamDateOf } from '../../calendar/dates.js';
import type { ActionInput } from '../../dossiers/actions.service.js';
import { performAction } from '../../dossiers/actions.service.js';
import type { Applicant } from '../../dossiers/applicant.schema.js';
import { openConsultations } from '../../dossiers/consultations.service.js';
import { type IntakeSources, receiveDossier } from '../../dossiers/intake.service.js';
import type { DossierRecord } from '../../dossiers/dossiers.reporting.js';
import type { FileStorage } from '../../files/storage.js';
import { recordCounterPayment, totalsOf } from '../../payments/payments.service.js';
import { activeCriteria, rateDossier } from '../../satisfaction/satisfaction.service.js';
import type { Rng } from '../synthetic/prng.js';
import type { Desk, OfferedProcedure } from './cast.js';

export type DossierRow = DossierRecord;

/** The states the demo promises to show (issue: on time, late with apology, awaiting supplement, consulted, paid). */
export const SCENARIOS = ['onTime', 'late', 'supplement', 'consulted', 'paid'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Case {
  desk: Desk;
  /** The unit a consulted journey asks (another desk, whose official answers). */
  other: Desk;
  procedure: OfferedProcedure;
  scenario: Scenario;
  applicant: Applicant;
  rng: Rng;
  code: string | null;
}

export interface World {
  env: Env;
  calendar: WorkingCalendar;
  sources: IntakeSources;
  files: FileStorage;
}

export interface Move {
  name: string;
  /** When the move happens, given the dossier after the previous move (null before intake). */
  when(world: World, c: Case, row: DossierRow | null, previousAt: Date): Date;
  /** Performs the move at `at` (the instant `when` chose). */
  run(tx: Tx, world: World, c: Case, row: DossierRow | null, at: Date): Promise<void>;
}

const ctxOf = (actor: Actor) => ({ requestId: 'seed-demo', ip: null, actor });

/** `lo`–`hi` working hours later. */
const hours =
  (lo: number, hi: number): Move['when'] =>
  (world, c, _row, at) =>
    addWorkingTime(world.calendar, at, round(lo + c.rng.next() * (hi - lo)), 'workingHours');

/** A share (lo–hi) of the working time left before the current step is due. */
const stepShare =
  (lo: number, hi: number): Move['when'] =>
  (world, c, row, at) => {
    const due = row?.currentStepDueAt;
    const left = due ? workingTimeBetween(world.calendar, at, due).minutes / 60 : 0;
    if (left <= 0) return hours(0.25, 1)(world, c, row, at);
    return addWorkingTime(world.calendar, at, round(left * (lo + c.rng.next() * (hi - lo))), 'workingHours');
  };

/** `lo`–`hi` working hours past the legal due time (hạn giải quyết theo quy định). */
const pastLegalDue =
  (lo: number, hi: number): Move['when'] =>
  (world, c, row, at) =>
    hours(lo, hi)(world, c, row, row?.legalDueAt && row.legalDueAt > at ? row.legalDueAt : at);

/** Quarter hours: working-hour amounts the calendar accepts. */
const round = (h: number) => Math.max(0.25, Math.round(h * 4) / 4);

function act(
  name: string,
  who: 'officer' | 'official' | 'leader',
  when: Move['when'],
  extra: (
    world: World,
    c: Case,
    row: DossierRow,
    at: Date,
  ) => Promise<Partial<ActionInput>> | Partial<ActionInput> = () => ({}),
): Move {
  return {
    name,
    when,
    async run(tx, world, c, row, at) {
      const input = { action: name, version: row!.version, ...(await extra(world, c, row!, at)) } as ActionInput;
      await performAction(tx, ctxOf(c.desk[who]), world.env, row!.code, input, at, world.files);
    },
  };
}

const receive: Move = {
  name: 'receive',
  when: (_w, _c, _r, at) => at,
  async run(tx, world, c, _row, at) {
    const { officer, fileOf } = c.desk;
    const row = await receiveDossier(
      tx,
      ctxOf(officer),
      world.env,
      world.sources,
      {
        procedureId: c.procedure.id,
        channel: 'counter',
        applicant: c.applicant,
        components: c.procedure.componentIds.map((componentId) => ({
          componentId,
          fileIds: [fileOf.get(officer.userId)!],
        })),
        receivingUnitId: c.desk.receivingUnitId,
        competentUnitId: c.desk.unitId,
      },
      at,
    );
    c.code = row.dossier.code;
  },
};

/** Lệ phí paid in cash at the counter right after filing, against a receipt (biên lai). */
const payFees: Move = {
  name: 'payFees',
  when: hours(0.25, 0.25),
  async run(tx, world, c, row) {
    await recordCounterPayment(tx, ctxOf(c.desk.officer), world.env, row!, {
      obligationId: null,
      amountVnd: c.procedure.feesVnd,
      receiptNumber: `BL-${row!.code}`,
    });
  },
};

/** A financial obligation paid at the counter; the payments service confirms it on the dossier. */
const payObligation: Move = {
  name: 'payObligation',
  when: hours(2, 16),
  async run(tx, world, c, row) {
    const open = (await totalsOf(tx, row!)).obligations.find((o) => !o.paidAt)!;
    await recordCounterPayment(tx, ctxOf(c.desk.officer), world.env, row!, {
      obligationId: open.id,
      amountVnd: open.amountVnd,
      receiptNumber: `BL-NV-${row!.code}`,
    });
  },
};

const rate: Move = {
  name: 'rate',
  when: hours(0.25, 0.25),
  async run(tx, world, c, row) {
    const pleased = c.scenario === 'late' ? c.rng.chance(0.4) : c.rng.chance(0.9);
    const scores = Object.fromEntries(
      (await activeCriteria(tx)).map((k) => [
        k.key,
        pleased ? k.scale - c.rng.int(0, 1) : c.rng.int(1, Math.max(1, k.scale - 3)),
      ]),
    );
    await rateDossier(tx, ctxOf(c.desk.officer), world.env, row!, 'counter', {
      scores,
      reason: pleased ? undefined : 'Phải đi lại nhiều lần, trả kết quả chậm so với giấy hẹn',
    });
  },
};

const forwardIn = (who: 'officer' | 'official', when: Move['when']) => act('forward', who, when);

/** Thụ lý: the processing official's part, by scenario, ending when the official forwards to the leader. */
function processing(c: Case): Move[] {
  switch (c.scenario) {
    case 'onTime':
      return [forwardIn('official', stepShare(0.3, 0.8))];
    case 'supplement':
      return [
        act('requestSupplement', 'official', stepShare(0.1, 0.4), () => ({
          note: 'Đề nghị bổ sung bản sao giấy tờ còn thiếu chữ ký, đóng dấu (mẫu 02)',
        })),
        // Most come back within days, some take weeks: the recent and the slow are still awaited.
        act('supply', 'officer', c.rng.chance(0.25) ? hours(120, 320) : hours(4, 60), (_w, cc) => ({
          components: [
            { componentId: cc.procedure.componentIds[0]!, fileIds: [cc.desk.fileOf.get(cc.desk.officer.userId)!] },
          ],
        })),
        forwardIn('official', stepShare(0.3, 0.8)),
      ];
    case 'consulted':
      return [
        act('requestConsultation', 'official', stepShare(0.1, 0.3), (_w, cc) => ({
          consultations: [{ unitId: cc.other.unitId, workingDays: 2 }],
          note: `Đề nghị ${cc.other.unitName} cho ý kiến về hồ sơ`,
        })),
        answer,
        forwardIn('official', stepShare(0.3, 0.8)),
      ];
    case 'paid':
      return [
        act('requestPayment', 'official', stepShare(0.1, 0.4), (_w, cc) => ({
          obligation: { description: 'Phí thẩm định hồ sơ', amountVnd: cc.rng.pick([30_000, 50_000, 100_000]) },
        })),
        payObligation,
        forwardIn('official', stepShare(0.3, 0.8)),
      ];
    case 'late':
      return [
        act('apologize', 'leader', stepShare(0.3, 0.7), (world, cc, row) => ({
          note: 'Hồ sơ cần xác minh thêm; xin lỗi ông/bà và hẹn lại ngày trả kết quả',
          newAppointmentDate: addWorkingDaysToDate(world.calendar, vietnamDateOf(row.appointmentAt!), cc.rng.int(2, 4)),
        })),
        // Some fall far behind: weeks past the legal due time, the recent ones still open and late today.
        forwardIn('official', c.rng.chance(0.4) ? pastLegalDue(40, 320) : pastLegalDue(1, 12)),
      ];
  }
}

/** The consulted unit's official answers its own open consultation. */
const answer: Move = {
  name: 'answerConsultation',
  when: hours(2, 12),
  async run(tx, world, c, row, at) {
    const asked = (await openConsultations(tx, row!.id)).find((o) => o.unitId === c.other.unitId)!;
    await performAction(
      tx,
      ctxOf(c.other.official),
      world.env,
      row!.code,
      {
        action: 'answerConsultation',
        version: row!.version,
        consultationId: asked.id,
        note: 'Thống nhất với đề xuất của đơn vị chủ trì',
      },
      at,
      world.files,
    );
  },
};

/** Every move of a journey, in order: intake, processing by scenario, signature (it moves the dossier on), return, rating. */
export function journey(c: Case): Move[] {
  return [
    receive,
    ...(c.procedure.feesVnd > 0 ? [payFees] : []),
    forwardIn('officer', stepShare(0.2, 0.8)),
    ...processing(c),
    act('signResult', 'leader', stepShare(0.2, 0.6), (_w, cc, row, at) => ({
      result: {
        fileId: cc.desk.fileOf.get(cc.desk.leader.userId)!,
        number: `${row.code.slice(-4)}/KQ`,
        issuedOn: vietnamDateOf(at),
        issuer: cc.desk.unitName,
        signer: cc.desk.leader.fullName,
        certificateSerial: '5403A1B2C3D4E5F6',
      },
    })),
    act('finish', 'officer', stepShare(0.2, 0.7)),
    act('returnResult', 'officer', hours(0.5, 20)),
    ...(c.rng.chance(0.7) ? [rate] : []),
  ];
}
