/**
 * Satisfaction ratings through the API: once per dossier and channel (counter officer session or
 * kiosk token, the citizen on the portal, a signed notification link), the province's criteria,
 * bad ratings with their reason becoming feedback, and the aggregates per unit, officer and
 * procedure that the KPI module reads.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfactionFigures } from '../../src/modules/satisfaction/satisfaction.query.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, resultOf, staffAt, step } from '../fixtures/dossiers.js';
import { settleDue } from '../fixtures/payments.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let tiepnhan2: Session;
let chuyenvien: Session;
let lanhdao: Session;
let kstthc: Session;
let congdan: Session;
let procedure: DemoProcedure;
let soTuPhap: string;
let serviceCentre: string;
const citizen = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };
const good = { overall: 5, waitingTime: 4, attitude: 5, resultOnTime: 3 };
const bad = { overall: 2, waitingTime: 1, attitude: 3, resultOnTime: 4 };
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({
    env: {
      RATING_LINK_SECRET: 'test-rating-link-secret-0123456789abcdef',
      PUBLIC_URL: 'https://dichvucong.angiang.gov.vn',
    },
  });
  [admin, tiepnhan, chuyenvien, lanhdao, kstthc, congdan] = await Promise.all([
    t.login('admin'),
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('kstthc'),
    t.login('congdan'),
  ]);
  procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  serviceCentre = unit('Trung tâm Phục vụ hành chính công', true);
  tiepnhan2 = await staffAt(t, admin, 'tiepnhan.hai', 'one_stop_officer', serviceCentre);
});
afterAll(() => t.close());

/** A dossier taken from intake to its returned result; `receiver` receives, tiepnhan returns. */
async function returnedDossier(receiver: Session, online = false) {
  let d = online
    ? await fileDossier(congdan, procedure, {
        channel: 'online',
        applicant: citizen,
        competentUnitId: soTuPhap,
        receivingUnitId: serviceCentre,
      })
    : await fileDossier(receiver, procedure, { channel: 'counter', applicant: citizen, competentUnitId: soTuPhap });
  if (online) d = await step(receiver, d.code, d.version, 'accept');
  d = await step(receiver, d.code, d.version, 'forward');
  d = await step(chuyenvien, d.code, d.version, 'forward');
  d = await step(lanhdao, d.code, d.version, 'signResult', { result: await resultOf(lanhdao) });
  d = await step(tiepnhan, d.code, d.version, 'finish');
  await settleDue(tiepnhan, d.code);
  return step(tiepnhan, d.code, d.version, 'returnResult', { resultChannel: 'counter' });
}

const rate = (session: Session | null, code: string, payload: Record<string, unknown>) =>
  session
    ? session.request({ method: 'POST', url: `/api/rate/${code}`, payload })
    : t.app.inject({ method: 'POST', url: `/api/rate/${code}`, payload });

let counterDossier: { code: string };
let onlineDossier: { code: string };
let secondOfficerDossier: { code: string };

describe('rating a dossier', () => {
  it('only after the result', async () => {
    const open = await fileDossier(tiepnhan, procedure, {
      channel: 'counter',
      applicant: citizen,
      competentUnitId: soTuPhap,
    });
    const res = await rate(tiepnhan, open.code, { scores: good });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RATING_NOT_YET');
  });

  it('at the counter tablet: the officer’s session or a kiosk token; once per channel', async () => {
    counterDossier = await returnedDossier(tiepnhan);
    const form = await tiepnhan.request({ url: `/api/rate/${counterDossier.code}` });
    expect(form.json()).toMatchObject({ code: counterDossier.code, channel: 'counter', alreadyRated: false });
    expect(form.json().criteria.map((c: { key: string; levels: string[] }) => [c.key, c.levels.length])).toEqual([
      ['overall', 5],
      ['waitingTime', 5],
      ['attitude', 5],
      ['resultOnTime', 5],
    ]);
    // The seeded criteria carry English labels too (migration 0018), and the levels come in both languages.
    expect(form.json().criteria.map((c: { labelEn: string | null }) => c.labelEn)).toEqual([
      'Overall satisfaction',
      'Waiting time',
      'Attitude of the officers',
      'Result returned on time',
    ]);
    expect(form.json().criteria[0].levelsEn).toEqual([
      'Very dissatisfied',
      'Dissatisfied',
      'Neutral',
      'Satisfied',
      'Very satisfied',
    ]);
    expect((await rate(chuyenvien, counterDossier.code, { scores: good })).statusCode).toBe(403);
    const first = await rate(tiepnhan, counterDossier.code, { scores: good });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ channel: 'counter', satisfied: true, feedbackCode: null });
    const again = await rate(tiepnhan, counterDossier.code, { scores: good });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RATING_ALREADY_GIVEN');
    expect((await tiepnhan.request({ url: `/api/rate/${counterDossier.code}` })).json().alreadyRated).toBe(true);

    // The kiosk: a service token of a centre officer, scoped to taking ratings only.
    secondOfficerDossier = await returnedDossier(tiepnhan2);
    const minted = await tiepnhan.request({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'Máy tính bảng quầy 3', scopes: ['satisfaction.record'] },
    });
    expect(minted.statusCode, minted.body).toBe(201);
    const kiosk = (options: InjectOptions) =>
      t.app.inject({ ...options, headers: { authorization: `Bearer ${minted.json().token}` } });
    const viaKiosk = await kiosk({
      method: 'POST',
      url: `/api/rate/${secondOfficerDossier.code}`,
      payload: { scores: good },
    });
    expect(viaKiosk.statusCode, viaKiosk.body).toBe(201);
    expect(viaKiosk.json().channel).toBe('counter');
    expect((await kiosk({ url: `/api/dossiers/${secondOfficerDossier.code}` })).statusCode).toBe(403);
    const feedbackViaKiosk = await kiosk({
      method: 'POST',
      url: '/api/feedback',
      payload: {
        channel: 'counter',
        title: 'Qua máy kiosk',
        content: 'Nội dung phản ánh gửi qua máy kiosk',
        submitter: { name: 'An' },
      },
    });
    expect(feedbackViaKiosk.json().error.code).toBe('TOKEN_SCOPE');
    expect((await kiosk({ url: '/api/feedback' })).statusCode).toBe(403);
  });

  it('on the portal by the citizen who filed it: scores checked, a bad rating needs a reason and can become feedback', async () => {
    onlineDossier = await returnedDossier(tiepnhan, true);
    expect((await rate(congdan, counterDossier.code, { scores: good })).statusCode).toBe(403);
    const missing = await rate(congdan, onlineDossier.code, { scores: { overall: 5, waitingTime: 6, extra: 1 } });
    expect(missing.json().error).toMatchObject({
      code: 'RATING_SCORES_INVALID',
      details: {
        problems: [
          { code: 'CRITERION_UNKNOWN', key: 'extra' },
          { code: 'LEVEL_OUT_OF_SCALE', key: 'waitingTime' },
          { code: 'CRITERION_MISSING', key: 'attitude' },
          { code: 'CRITERION_MISSING', key: 'resultOnTime' },
        ],
      },
    });
    expect((await rate(congdan, onlineDossier.code, { scores: bad })).json().error.code).toBe('RATING_REASON_REQUIRED');
    const res = await rate(congdan, onlineDossier.code, {
      scores: bad,
      reason: 'Phải chờ hơn hai giờ ở quầy, cán bộ không hướng dẫn',
      createFeedback: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      channel: 'portal',
      satisfied: false,
      feedbackCode: expect.stringMatching(/^PAKN-/),
    });
    const item = (await kstthc.request({ url: `/api/feedback/${res.json().feedbackCode}` })).json();
    expect(item).toMatchObject({
      status: 'received',
      channel: 'portal',
      content: 'Phải chờ hơn hai giờ ở quầy, cán bộ không hướng dẫn',
      anonymous: true,
      procedureId: procedure.id,
    });
    expect(item.dossierId).toBeTruthy();
  });

  it('through a signed link from a notification, without login', async () => {
    const link = await tiepnhan.request({ method: 'POST', url: `/api/satisfaction/links/${counterDossier.code}` });
    expect(link.statusCode, link.body).toBe(200);
    const { token, url } = link.json();
    expect(url).toBe(
      `https://dichvucong.angiang.gov.vn/rate/${encodeURIComponent(counterDossier.code)}?token=${encodeURIComponent(token)}`,
    );
    expect(
      (await congdan.request({ method: 'POST', url: `/api/satisfaction/links/${counterDossier.code}` })).statusCode,
    ).toBe(403);

    expect(
      (await t.app.inject({ url: `/api/rate/${counterDossier.code}?token=${encodeURIComponent(token)}` })).json(),
    ).toMatchObject({ channel: 'link', alreadyRated: false });
    expect((await t.app.inject({ url: `/api/rate/${counterDossier.code}` })).statusCode).toBe(401);
    const forged = await rate(null, counterDossier.code, { scores: good, token: `${token}x` });
    expect(forged.json().error.code).toBe('RATING_LINK_INVALID');
    const otherDossier = await rate(null, onlineDossier.code, { scores: good, token });
    expect(otherDossier.json().error.code).toBe('RATING_LINK_INVALID');
    const res = await rate(null, counterDossier.code, { scores: good, token });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'link', satisfied: true });
  });
});

describe('aggregates', () => {
  it('per dossier, rating, unit, officer and procedure over a period', async () => {
    // counterDossier: counter ✓ + link ✓ (received and returned by tiepnhan); onlineDossier: portal ✗
    // (accepted and returned by tiepnhan); secondOfficerDossier: counter ✓ (received by tiepnhan.hai,
    // returned by tiepnhan).
    const res = await kstthc.request({
      url: `/api/satisfaction/figures?unit=${soTuPhap}&from=${today()}&to=${today()}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ numerator: 2, denominator: 3, ratings: { numerator: 3, denominator: 4, rate: 0.75 } });
    expect(f.byUnit).toEqual([{ unitId: soTuPhap, numerator: 3, denominator: 4, rate: 0.75 }]);
    expect(f.byProcedure).toEqual([{ procedureId: procedure.id, numerator: 3, denominator: 4, rate: 0.75 }]);
    expect(f.byOfficer).toEqual([
      { userId: tiepnhan.user.id, numerator: 3, denominator: 4, rate: 0.75 },
      { userId: tiepnhan2.user.id, numerator: 1, denominator: 1, rate: 1 },
    ]);
    expect(f.unsatisfiedDossierIds).toHaveLength(1);

    // The receiving centre sees the same ratings; an earlier period none; the function the KPI module calls agrees.
    expect(
      (
        await kstthc.request({ url: `/api/satisfaction/figures?unit=${serviceCentre}&from=${today()}&to=${today()}` })
      ).json().ratings.denominator,
    ).toBe(4);
    expect(
      (
        await kstthc.request({ url: `/api/satisfaction/figures?unit=${soTuPhap}&from=2026-01-01&to=2026-01-31` })
      ).json(),
    ).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    const direct = await satisfactionFigures(t.handle.db, {
      unitIds: [soTuPhap],
      from: new Date(Date.now() - 3_600_000),
      to: new Date(Date.now() + 3_600_000),
    });
    expect({ numerator: direct.numerator, denominator: direct.denominator }).toEqual({ numerator: 2, denominator: 3 });
    expect(
      (await chuyenvien.request({ url: `/api/satisfaction/figures?unit=${soTuPhap}&from=${today()}&to=${today()}` }))
        .statusCode,
    ).toBe(403);
  });
});

describe('criteria configured by the province', () => {
  it('the provincial office replaces the list; a 3-level scale; removed criteria no longer asked', async () => {
    const criteria = [
      { key: 'overall', label: 'Mức độ hài lòng chung', labelEn: 'Overall satisfaction', scale: 3 },
      { key: 'guidance', label: 'Hướng dẫn của cán bộ', scale: 3 },
    ];
    expect(
      (await tiepnhan.request({ method: 'PUT', url: '/api/satisfaction/criteria', payload: { criteria } })).statusCode,
    ).toBe(403);
    const dup = await kstthc.request({
      method: 'PUT',
      url: '/api/satisfaction/criteria',
      payload: { criteria: [criteria[0], criteria[0]] },
    });
    expect(dup.json().error.code).toBe('CRITERIA_INVALID');
    const saved = await kstthc.request({ method: 'PUT', url: '/api/satisfaction/criteria', payload: { criteria } });
    expect(saved.statusCode, saved.body).toBe(200);
    const listed = (await t.app.inject({ url: '/api/satisfaction/criteria' })).json().criteria;
    // English label optional: a criterion without one keeps null (the form shows the Vietnamese label).
    const levels = {
      levels: ['Không hài lòng', 'Bình thường', 'Hài lòng'],
      levelsEn: ['Dissatisfied', 'Neutral', 'Satisfied'],
    };
    expect(listed).toEqual([
      { ...criteria[0], ...levels },
      { ...criteria[1], labelEn: null, ...levels },
    ]);
    const d = await returnedDossier(tiepnhan);
    expect((await rate(tiepnhan, d.code, { scores: good })).json().error.code).toBe('RATING_SCORES_INVALID');
    const res = await rate(tiepnhan, d.code, { scores: { overall: 2, guidance: 2 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().satisfied).toBe(true);
    expect((await rate(tiepnhan2, d.code, { scores: { overall: 1, guidance: 3 }, reason: 'Chờ lâu' })).statusCode).toBe(
      409,
    );
  });
});
