/**
 * One synthetic dossier and everything it left behind — the dossier row, its components, its
 * step history, store items and reuses, supplements, payment, result, rating, complaint — drawn
 * from the seeded stream. Times follow the working-day calendar (intake in office hours, the
 * channel's time limit, pauses moving the legal due time, the dossier module's own outcome rule),
 * so the index computed on it behaves like a real province's: mostly early, some late, a few
 * supplemented twice, withdrawn, refused, stopped, transferred, and the youngest still running.
 */
import { addWorkingTime, workingTimeBetween, type WorkingCalendar } from '../../calendar/calendar.rules.js';
import { dossierOutcome, dueSoonFrom } from '../../dossiers/deadline.rules.js';
import { appointmentFor } from '../../dossiers/intake.rules.js';
import type { DossierStatus } from '../../dossiers/status.rules.js';
import { formatDossierCode } from '../../identifiers/dossier-code.rules.js';
import type { Channel, SynthProvince, SynthWorkflow } from './province.js';
import { type Rng, streamOf } from './prng.js';

type Row = Record<string, unknown>;
export interface Planned {
  dossiers: Row[];
  dossier_components: Row[];
  dossier_events: Row[];
  store_items: Row[];
  store_item_reuses: Row[];
  dossier_results: Row[];
  dossier_obligations: Row[];
  dossier_extensions: Row[];
  satisfaction_ratings: Row[];
  feedback_items: Row[];
  payments: Row[];
  national_dossier_syncs: Row[];
}
export const PLANNED_TABLES = [
  'dossiers',
  'dossier_components',
  'dossier_events',
  'store_items',
  'store_item_reuses',
  'dossier_results',
  'dossier_obligations',
  'dossier_extensions',
  'satisfaction_ratings',
  'feedback_items',
  'payments',
  'national_dossier_syncs',
] as const satisfies readonly (keyof Planned)[];
export const emptyPlan = (): Planned => Object.fromEntries(PLANNED_TABLES.map((t) => [t, []])) as unknown as Planned;

export interface Officials {
  officer: string;
  official: string;
  leader: string;
}

export interface PlanContext {
  province: SynthProvince;
  calendar: WorkingCalendar;
  /** Vietnam dates dossiers are filed on, with cumulative weights (working days weigh most). */
  days: string[];
  dayWeights: number[];
  workflowWeights: number[];
  /** Active workflow by version and unit (the transfer target's). */
  workflowOf: Map<string, string>;
  officials: Map<string, Officials>;
  resultFileId: string;
  /** The generated province's "now": later events have not happened yet. */
  end: Date;
  /** Per receiving unit and day: the last number drawn. */
  sequences: Map<string, number>;
  /** The latest store item of each frequent applicant (what a later dossier may reuse). */
  storeOf: Map<string, { id: string; at: number }>;
  feedbackSeq: { n: number };
}

const HOUR = 3_600_000;
const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
const vnDate = (t: Date) => new Date(t.getTime() + 7 * HOUR).toISOString().slice(0, 10);
const iso = (t: Date | null) => (t ? t.toISOString() : null);
const between = (a: Date, b: Date, f: number) => new Date(a.getTime() + (b.getTime() - a.getTime()) * f);
const hoursLater = (ctx: PlanContext, t: Date, hours: number) =>
  addWorkingTime(ctx.calendar, t, Math.max(hours, 0.01), 'workingHours');

/** Channel mix: online where offered (≈ 55 %), post ≈ 4 %, the counter for the rest. */
function channelOf(rng: Rng, wf: SynthWorkflow): SynthWorkflow['channels'][number] {
  const offer = (c: Channel) => wf.channels.find((x) => x.channel === c);
  const online = wf.online ? offer('online') : undefined;
  const r = rng.next();
  if (online && r < 0.55) return online;
  if (r > 0.96 && offer('postal')) return offer('postal')!;
  return offer('counter') ?? wf.channels[0]!;
}

/** A citizen: 30 % come back (a pool of frequent applicants, whose stored papers get reused). */
/**
 * The fees paid when filing: online filers pay on the national payment platform (≈ 92 %), at the
 * counter most pay cash, some scan the platform's QR code (≈ 35 %); ≈ 3 % have not paid yet.
 * Drawn from the dossier's own generator (seeded by its id) so the main sequence — hence every
 * other figure — does not move with it.
 */
function planPayment(out: Planned, d: { id: string; code: string; channel: Channel; amountVnd: number; at: Date }) {
  const rng = streamOf(d.id, 'payment');
  if (rng.chance(0.03)) return;
  const online = rng.chance(d.channel === 'online' ? 0.92 : 0.35);
  const id = rng.uuid();
  out.payments.push({
    id,
    dossier_id: d.id,
    amount_vnd: d.amountVnd,
    channel: online ? 'online' : 'counter',
    provider: online ? 'paygov' : 'counter',
    status: 'paid',
    provider_transaction_id: online ? `PGSYN${id.replace(/-/g, '').slice(0, 16)}` : null,
    receipt_number: `BL-SYN-${d.code}`,
    reconciliation: online ? 'matched' : 'unreconciled',
    created_at: iso(d.at),
    paid_at: iso(d.at),
    updated_at: iso(d.at),
  });
}

function applicantOf(rng: Rng): { key: string; frequent: boolean; name: string } {
  const frequent = rng.chance(0.3);
  const n = frequent ? rng.int(0, 49_999) : rng.int(50_000, 999_999_999);
  const key = `0891${String(n).padStart(8, '0')}`;
  const family = rng.pick(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Đặng']);
  const given = rng.pick([
    'Văn An',
    'Thị Bích',
    'Minh Châu',
    'Quốc Dũng',
    'Thị Hoa',
    'Hữu Phước',
    'Ngọc Lan',
    'Thanh Tâm',
  ]);
  return { key, frequent, name: `${family} ${given}` };
}

export function planDossier(ctx: PlanContext, rng: Rng, out: Planned): void {
  const events = out.dossier_events.length;
  const [components, results] = [out.dossier_components.length, out.dossier_results.length];
  const wf = planDossierRows(ctx, rng, out);
  planSync(ctx, out, out.dossiers.at(-1)!, out.dossier_events.length - events);
  planNationalData(
    out,
    wf,
    out.dossiers.at(-1)!,
    out.dossier_components.slice(components),
    out.dossier_results.slice(results),
  );
}

/**
 * What the national systems and the signature gave the dossier: a citizen of a procedure
 * connected to the population database was looked up at intake (≈ 95 % verified, 2 % not found,
 * 3 % the platform did not answer); ≈ 12 % of received dossiers took a paper from the national
 * data store (their first component not reused); ≈ 8 % of results are a scan without a digital
 * signature (no certified e-copy). From the dossier's own generator, so nothing else moves.
 */
function planNationalData(out: Planned, wf: SynthWorkflow, d: Row, components: Row[], results: Row[]) {
  const rng = streamOf(d.id as string, 'national-data');
  if (wf.populationDataConnected) {
    const r = rng.next();
    d.population_check = r < 0.95 ? 'verified' : r < 0.97 ? 'notFound' : 'unavailable';
    d.population_checked_at = d.population_check === 'unavailable' ? null : d.submitted_at;
  }
  const first = components[0];
  const reused =
    first && out.store_item_reuses.some((u) => u.dossier_id === d.id && u.component_id === first.component_id);
  if (d.received_at && first && !reused && rng.chance(0.12))
    first.national_document_id = `KDL-${(d.id as string).slice(0, 8)}`;
  for (const result of results) if (rng.chance(0.08)) result.verification = 'unsigned';
}

/**
 * Its sync to the national portal (national_dossier_syncs): ≈ 97 % pushed minutes after each
 * change (received dossiers held as received), ≈ 2 % failing since filing (the portal refused or
 * was unreachable), ≈ 1 % still pending; a change in the last minutes before the generated "now"
 * is not pushed yet. From the dossier's own generator, like its payment, so nothing else moves.
 */
function planSync(ctx: PlanContext, out: Planned, d: Row, steps: number) {
  const rng = streamOf(d.id as string, 'portal-sync');
  const r = rng.next();
  const later = (at: unknown) => {
    const t = new Date(new Date(at as string).getTime() + (1 + rng.next() * 14) * 60_000);
    return t < ctx.end ? t : null;
  };
  const base = {
    dossier_id: d.id,
    requested_at: d.updated_at,
    synced_version: null,
    steps_synced: 0,
    attempts: 0,
    next_attempt_at: null,
    last_error_code: null,
    last_error_message: null,
  };
  if (r < 0.02) {
    const attempts = rng.int(1, 8);
    out.national_dossier_syncs.push({
      ...base,
      status: 'failed',
      attempts,
      next_attempt_at: iso(ctx.end),
      last_error_code: 'NETWORK',
      last_error_message: 'Không kết nối được Cổng DVCQG',
    });
    return;
  }
  const first = later(d.submitted_at);
  const last = later(d.updated_at);
  if (r < 0.03 || !first) {
    out.national_dossier_syncs.push({ ...base, status: 'pending', next_attempt_at: d.updated_at });
    return;
  }
  const received = d.received_at ? later(d.received_at) : null;
  out.national_dossier_syncs.push({
    ...base,
    status: last ? 'synced' : 'pending',
    synced_version: 1,
    first_synced_at: iso(first),
    last_synced_at: iso(last ?? first),
    received_synced_at: iso(received),
    steps_synced: last ? steps : 1,
    next_attempt_at: last ? null : d.updated_at,
  });
}

/** The dossier's rows; returns the workflow it was filed on. */
function planDossierRows(ctx: PlanContext, rng: Rng, out: Planned): SynthWorkflow {
  const wf0 = ctx.province.workflows[rng.weighted(ctx.workflowWeights)]!;
  const day = ctx.days[rng.weighted(ctx.dayWeights)]!;
  const offer = channelOf(rng, wf0);
  const receiving = wf0.competent.kind === 'commune' ? wf0.competent : ctx.province.centre;
  const staff = ctx.officials.get(receiving.id)!;
  const submittedAt = new Date(vietnamMidnight(day).getTime() + (7.5 + rng.next() * 9) * HOUR);
  const seqKey = `${receiving.id}/${day}`;
  const seq = (ctx.sequences.get(seqKey) ?? 0) + 1;
  ctx.sequences.set(seqKey, seq);
  const id = rng.uuid();
  const applicant = applicantOf(rng);
  const events: Row[] = [];
  const event = (action: string, from: DossierStatus | null, to: DossierStatus, at: Date, extra: Row = {}) =>
    events.push({
      id: rng.uuid(),
      dossier_id: id,
      action,
      from_status: from,
      to_status: to,
      unit_id: receiving.id,
      actor_user_id: staff.officer,
      occurred_at: iso(at),
      ...extra,
    });

  // Intake: at the counter or by post received at once; online filings wait for a one-stop officer.
  let receivedAt: Date | null = submittedAt;
  if (offer.channel === 'online') {
    event('register', null, 'registered', submittedAt, { actor_user_id: null });
    receivedAt = hoursLater(ctx, submittedAt, 0.5 + rng.next() * 12);
    if (rng.chance(0.02) || receivedAt > ctx.end) receivedAt = null; // refused before receipt, or not yet looked at
  }
  const row: Row = {
    id,
    code: formatDossierCode(receiving.code, day, seq),
    procedure_id: wf0.procedureId,
    procedure_version_id: wf0.versionId,
    workflow_id: wf0.workflowId,
    receiving_unit_id: receiving.id,
    competent_unit_id: wf0.competent.id,
    channel: offer.channel,
    applicant: { kind: 'citizen', fullName: applicant.name, idNumber: applicant.key },
    applicant_key: applicant.key,
    fees: offer.feeVnd > 0 ? [{ name: 'Lệ phí', amountVnd: offer.feeVnd }] : [],
    submitted_at: iso(submittedAt),
    received_at: iso(receivedAt),
    received_by: receivedAt ? staff.officer : null,
    supplement_count: 0,
    paused_minutes: 0,
    created_at: iso(submittedAt),
    updated_at: iso(submittedAt),
  };
  out.dossiers.push(row);
  if (offer.feeVnd > 0)
    planPayment(out, {
      id,
      code: row.code as string,
      channel: offer.channel,
      amountVnd: offer.feeVnd,
      at: submittedAt,
    });
  for (const c of wf0.components)
    out.dossier_components.push({ dossier_id: id, component_id: c.id, name: c.name, file_ids: '{}' });
  if (!receivedAt) {
    const refused = offer.channel === 'online' && submittedAt.getTime() + 48 * HOUR < ctx.end.getTime();
    Object.assign(row, {
      status: refused ? 'refused' : 'registered',
      completed_at: refused ? iso(hoursLater(ctx, submittedAt, 8)) : null,
    });
    if (refused) event('refuse', 'registered', 'refused', new Date(row.completed_at as string));
    out.dossier_events.push(...events);
    return wf0;
  }
  if (offer.channel === 'online') event('accept', 'registered', 'received', receivedAt);
  else event('receive', null, 'received', receivedAt);

  // Digitized at receipt (≈ 85 %); a frequent applicant's earlier paper is reused (≈ 60 % of them).
  const stored = applicant.frequent ? ctx.storeOf.get(applicant.key) : undefined;
  const reuse = stored && wf0.components.length > 0 && rng.chance(0.6) ? wf0.components[0]! : undefined;
  if (reuse)
    out.store_item_reuses.push({
      store_item_id: stored!.id,
      dossier_id: id,
      component_id: reuse.id,
      reused_at: iso(receivedAt),
    });
  if (rng.chance(0.85)) {
    for (const c of wf0.components) {
      if (c === reuse) continue;
      const itemId = rng.uuid();
      out.store_items.push({
        id: itemId,
        applicant_key: applicant.key,
        kind: 'document',
        name: c.name,
        file_ids: '{}',
        source_dossier_id: id,
        source_dossier_code: row.code as string,
        source_component_id: c.id,
        digitized_by: staff.officer,
        created_at: iso(receivedAt),
      });
      if (applicant.frequent) ctx.storeOf.set(applicant.key, { id: itemId, at: receivedAt.getTime() });
    }
  }

  // The legal clock, the applicant's pauses, and when processing would end.
  // The intake's own rule, so the generated appointments fall where real ones would.
  const due0 = appointmentFor(ctx.calendar, receivedAt, offer.limit);
  const allotment = Math.max(workingTimeBetween(ctx.calendar, receivedAt, due0).minutes / 60, 0.5);
  const r = rng.next();
  const share = r < 0.62 ? 0.15 + rng.next() * 0.75 : r < 0.9 ? 0.9 + rng.next() * 0.1 : 1.02 + rng.next() * 0.8;
  const supplements = rng.chance(0.08) ? (rng.chance(0.12) ? 2 : 1) : 0;
  let legalDueAt = due0;
  let pausedSince: Date | null = null;
  let pausedHours = 0;
  let t = receivedAt;
  let status: DossierStatus = 'processing';
  for (let s = 0; s < supplements; s++) {
    const askedAt = hoursLater(ctx, t, allotment * share * 0.3);
    if (askedAt > ctx.end) break;
    event('requestSupplement', status, 'awaitingSupplement', askedAt, { actor_user_id: staff.officer });
    row.supplement_count = s + 1;
    const waited = 4 + rng.next() * 40;
    const suppliedAt = hoursLater(ctx, askedAt, waited);
    if (suppliedAt > ctx.end) {
      pausedSince = askedAt;
      status = 'awaitingSupplement';
      break;
    }
    event('supply', 'awaitingSupplement', 'processing', suppliedAt, { actor_user_id: null });
    pausedHours += waited;
    legalDueAt = hoursLater(ctx, legalDueAt, waited);
    t = suppliedAt;
  }
  const fate = rng.next();
  const kind = fate < 0.01 ? 'withdrawn' : fate < 0.025 ? 'refused' : fate < 0.03 ? 'stopped' : 'processed';
  const completedAt = hoursLater(
    ctx,
    receivedAt,
    allotment * (kind === 'processed' ? share : share * 0.4) + pausedHours,
  );
  const competent = wf0.alternatives.length > 0 && rng.chance(0.005) ? rng.pick(wf0.alternatives) : wf0.competent.id;
  const steps = wf0.steps;
  // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.min would turn them into numbers
  const stepEnd = status === 'awaitingSupplement' ? pausedSince! : completedAt < ctx.end ? completedAt : ctx.end;
  const stepOfficial = ctx.officials.get(wf0.competent.id) ?? staff;
  // The step history: each step's share of the elapsed time, ending against its share of the allotment.
  const done = kind === 'processed' ? steps.length - 1 : Math.max(1, Math.floor(steps.length / 2));
  for (let k = 0; k < done; k++) {
    const at = between(receivedAt, stepEnd, (k + 1) / (done + 1));
    if (at > ctx.end) break;
    const stepDue = between(receivedAt, legalDueAt, (k + 1) / steps.length);
    event('forward', 'processing', 'processing', at, {
      step_key: steps[k],
      to_step_key: steps[k + 1] ?? null,
      unit_id: k === 0 ? receiving.id : wf0.competent.id,
      actor_user_id: k === 0 ? staff.officer : k === steps.length - 2 ? stepOfficial.leader : stepOfficial.official,
      step_due_at: iso(stepDue),
      step_outcome: at <= stepDue ? 'onTime' : 'late',
    });
  }
  if (competent !== wf0.competent.id) {
    const at = between(receivedAt, stepEnd, 0.5);
    event('transfer', 'processing', 'processing', at, {
      details: { fromUnitId: wf0.competent.id, toUnitId: competent },
      actor_user_id: stepOfficial.leader,
    });
    Object.assign(row, {
      competent_unit_id: competent,
      workflow_id: ctx.workflowOf.get(`${wf0.versionId}/${competent}`) ?? wf0.workflowId,
    });
  }

  if (status === 'awaitingSupplement' || completedAt > ctx.end) {
    // Still running when the generated year ends.
    Object.assign(row, {
      status,
      paused_since: iso(pausedSince),
      legal_due_at: iso(legalDueAt),
      appointment_at: iso(legalDueAt),
      // As intake sets it with the default DUE_SOON_WORKING_DAYS (1).
      due_soon_from: iso(dueSoonFrom(ctx.calendar, receivedAt, legalDueAt, 1)),
      current_step_key: steps[Math.min(1, steps.length - 1)],
      current_step_unit_id: competent,
      current_step_role: 'processing_official',
      current_step_started_at: iso(receivedAt),
      paused_minutes: Math.round(pausedHours * 60),
    });
    out.dossier_events.push(...events);
    return wf0;
  }
  const outcome = dossierOutcome(completedAt, legalDueAt, row.supplement_count as number);
  const endAction =
    kind === 'processed' ? 'finish' : kind === 'withdrawn' ? 'withdraw' : kind === 'refused' ? 'refuse' : 'stop';
  event(endAction, 'processing', kind, completedAt, {
    actor_user_id: kind === 'withdrawn' ? null : stepOfficial.leader,
    step_outcome: outcome,
  });
  Object.assign(row, {
    status: kind,
    completed_at: iso(completedAt),
    outcome,
    legal_due_at: iso(legalDueAt),
    paused_minutes: Math.round(pausedHours * 60),
  });
  let appointmentAt = legalDueAt;
  if (outcome === 'late' && rng.chance(0.7)) {
    appointmentAt = hoursLater(ctx, legalDueAt, 16);
    out.dossier_extensions.push({
      id: rng.uuid(),
      dossier_id: id,
      reason: 'Hồ sơ phức tạp, cần thêm thời gian thẩm định',
      previous_appointment_at: iso(legalDueAt),
      new_appointment_at: iso(appointmentAt),
      approved_by: stepOfficial.leader,
      created_at: iso(between(receivedAt, completedAt, 0.8)),
    });
  }
  row.appointment_at = iso(appointmentAt);
  row.updated_at = iso(completedAt);
  if (kind !== 'processed') {
    out.dossier_events.push(...events);
    return wf0;
  }
  if (offer.feeVnd > 0 || rng.chance(0.08)) {
    const requestedAt = between(receivedAt, completedAt, 0.6);
    out.dossier_obligations.push({
      id: rng.uuid(),
      dossier_id: id,
      description: 'Lệ phí giải quyết thủ tục',
      amount_vnd: offer.feeVnd || 50_000 * rng.int(1, 20),
      requested_by: stepOfficial.official,
      requested_at: iso(requestedAt),
      paid_at: iso(between(requestedAt, completedAt, 0.5)),
      receipt_number: `BL-${seq}`,
      confirmed_by: staff.officer,
    });
  }
  if (rng.chance(0.93)) {
    out.dossier_results.push({
      id: rng.uuid(),
      dossier_id: id,
      name: wf0.resultName.slice(0, 200),
      file_id: ctx.resultFileId,
      number: `${seq}/GCN`,
      issued_on: vnDate(completedAt),
      issuer: 'UBND',
      signer: 'Lãnh đạo đơn vị',
      signed_at: iso(completedAt),
      certificate_serial: '5404FFFE',
      verification: 'unverifiable',
      recorded_by: stepOfficial.leader,
      created_at: iso(completedAt),
    });
  }
  const returnedAt = hoursLater(ctx, completedAt, rng.next() * 24);
  if (returnedAt < ctx.end && rng.chance(0.9)) {
    event('returnResult', 'processed', 'returned', returnedAt);
    Object.assign(row, {
      status: 'returned',
      returned_at: iso(returnedAt),
      result_channel: offer.channel,
      updated_at: iso(returnedAt),
    });
    if (rng.chance(0.25)) {
      out.satisfaction_ratings.push({
        id: rng.uuid(),
        dossier_id: id,
        channel: offer.channel === 'online' ? 'portal' : 'counter',
        receiving_unit_id: receiving.id,
        competent_unit_id: competent,
        procedure_id: wf0.procedureId,
        received_by: staff.officer,
        returned_by: staff.officer,
        satisfied: !rng.chance(outcome === 'late' ? 0.3 : 0.04),
        rated_at: iso(returnedAt),
      });
    }
    if (rng.chance(outcome === 'late' ? 0.02 : 0.002))
      planComplaint(ctx, rng, out, {
        id,
        procedureId: wf0.procedureId,
        unitId: competent,
        at: hoursLater(ctx, returnedAt, 8),
      });
  }
  out.dossier_events.push(...events);
  return wf0;
}

/** A complaint (phản ánh) about the dossier: routed to its unit, answered (most) in time. */
function planComplaint(
  ctx: PlanContext,
  rng: Rng,
  out: Planned,
  d: { id: string; procedureId: string; unitId: string; at: Date },
) {
  if (d.at > ctx.end) return;
  const n = ++ctx.feedbackSeq.n;
  const answerDue = addWorkingTime(ctx.calendar, d.at, 10, 'workingDays');
  const answeredAt = hoursLater(ctx, d.at, 8 * (rng.chance(0.85) ? rng.next() * 9 : 10 + rng.next() * 5));
  const answered = answeredAt < ctx.end;
  const title = 'Phản ánh về thời gian giải quyết hồ sơ';
  out.feedback_items.push({
    id: rng.uuid(),
    code: `PAKN-SYN-${String(n).padStart(7, '0')}`,
    channel: rng.pick(['portal', 'counter', 'phone']),
    status: answered ? 'published' : 'routed',
    category: 'conduct',
    title,
    content: 'Hồ sơ của tôi được trả kết quả chậm so với giấy hẹn.',
    search_text: title.toLowerCase(),
    submitter: { name: 'Công dân' },
    dossier_id: d.id,
    procedure_id: d.procedureId,
    unit_id: d.unitId,
    received_at: iso(d.at),
    refuse_due_at: iso(addWorkingTime(ctx.calendar, d.at, 3, 'workingDays')),
    supplement_due_at: iso(addWorkingTime(ctx.calendar, d.at, 5, 'workingDays')),
    answer_due_at: iso(answerDue),
    answer: answered ? 'Đơn vị đã kiểm tra và xin lỗi công dân.' : null,
    answered_at: answered ? iso(answeredAt) : null,
    completed_at: answered ? iso(answeredAt) : null,
    outcome: answered ? (answeredAt <= answerDue ? 'onTime' : 'late') : null,
    published_at: answered ? iso(answeredAt) : null,
    publish_outcome: answered ? 'onTime' : null,
    file_ids: '{}',
    created_at: iso(d.at),
    updated_at: iso(d.at),
  });
}
