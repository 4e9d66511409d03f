import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { openStoreRead, storeReadId } from '../fixtures/store.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/kernel/db.js';

let t: TestApp;
let tiepnhan: Session;
let congdan: Session;
let procedure: {
  id: string;
  competentUnits: { id: string }[];
  components: { id: string; name: string; mandatory: boolean }[];
};

// The demo citizen's own identifier: their store is keyed by it.
const me = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0911222333' };
const someoneElse = { kind: 'citizen', fullName: 'Trần Văn Bình', idNumber: '089090000777' };

// Monday 23 November 2026, 09:00 in Vietnam; the tests move it to expire reads and windows.
const clock = fixedClock('2026-11-23T02:00:00Z');
const tick = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));

beforeAll(async () => {
  t = await createTestApp({ clock });
  tiepnhan = await t.login('tiepnhan');
  congdan = await t.login('congdan');
  procedure = await procedureByCode(t, '1.014199');
});
afterAll(() => t.close());

const mandatory = () => procedure.components.filter((c) => c.mandatory);

async function counterIntake(applicant: Record<string, unknown>) {
  const fileId = (await upload(tiepnhan, PDF, 'scan.pdf')).json().id as string;
  const res = await tiepnhan.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      procedureId: procedure.id,
      channel: 'counter',
      applicant,
      components: mandatory().map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    },
  });
  expect(res.statusCode).toBe(201);
  return { dossier: res.json(), fileId };
}

describe('the applicant’s data store', () => {
  it('keeps what the counter received, and lets the applicant see and download it', async () => {
    const { dossier, fileId } = await counterIntake(me);
    const store = (await congdan.request({ url: '/api/store' })).json().items as {
      id: string;
      name: string;
      sourceDossierCode: string;
      fileIds: string[];
    }[];
    const fromIt = store.filter((i) => i.sourceDossierCode === dossier.code);
    expect(fromIt.map((i) => i.name).sort()).toEqual(
      mandatory()
        .map((c) => c.name)
        .sort(),
    );
    const download = await congdan.request({ url: `/api/store/items/${fromIt[0]!.id}/files/${fileId}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('offers an officer the applicant’s items for a procedure, and nobody else’s', async () => {
    await counterIntake(someoneElse);
    const readId = await storeReadId(tiepnhan, me.idNumber, procedure.id);
    const offered = (await tiepnhan.request({ url: `/api/store?readId=${readId}` })).json().items;
    expect(offered.length).toBeGreaterThanOrEqual(mandatory().length);
    const chuyenvien = await t.login('chuyenvien');
    expect((await openStoreRead(chuyenvien, { applicantKey: me.idNumber, procedureId: procedure.id })).statusCode).toBe(
      403,
    );
    expect((await chuyenvien.request({ url: `/api/store?readId=${readId}` })).statusCode).toBe(403);
    expect((await tiepnhan.request({ url: '/api/store' })).statusCode).toBe(400);
  });

  it('reuses stored items in a second dossier, records the reuse, and refuses another applicant’s items', async () => {
    const store = (await congdan.request({ url: `/api/store?procedureId=${procedure.id}` })).json().items as {
      id: string;
      name: string;
      reuseCount: number;
    }[];
    const byName = new Map(store.map((i) => [i.name, i]));
    const components = mandatory().map((c) => ({ componentId: c.id, storeItemId: byName.get(c.name)!.id }));
    const res = await congdan.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureId: procedure.id, channel: 'online', applicant: me, components },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().components).toHaveLength(components.length);
    const after = (await congdan.request({ url: `/api/store?procedureId=${procedure.id}` })).json().items as {
      id: string;
      reuseCount: number;
    }[];
    for (const { storeItemId } of components) expect(after.find((i) => i.id === storeItemId)!.reuseCount).toBe(1);

    const theirRead = await storeReadId(tiepnhan, someoneElse.idNumber, procedure.id);
    const theirs = (await tiepnhan.request({ url: `/api/store?readId=${theirRead}` })).json().items[0];
    const refused = await congdan.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'online',
        applicant: me,
        components: [{ componentId: mandatory()[0]!.id, storeItemId: theirs.id }],
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('STORE_ITEM_NOT_AVAILABLE');
  });
});

describe('reading a store is scoped, audited and limited (issue 15 item 6)', () => {
  const auditOf = async (action: string) =>
    (await (await t.login('admin')).request({ url: `/api/audit?action=${action}&pageSize=100` })).json() as {
      total: number;
      items: { summary: Record<string, unknown>; unitId: string | null }[];
    };

  it('the applicant’s number alone opens nothing; an open read shows the procedure’s papers, audited', async () => {
    expect((await tiepnhan.request({ url: `/api/store?applicantKey=${me.idNumber}` })).statusCode).toBe(400);
    const opened = await openStoreRead(tiepnhan, {
      applicantKey: me.idNumber,
      procedureId: procedure.id,
      purpose: 'Tiếp nhận hồ sơ cấp giấy phép lao động',
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ basis: 'counter' });
    const readId = opened.json().id as string;
    const items = (await tiepnhan.request({ url: `/api/store?readId=${readId}&procedureId=${procedure.id}` })).json()
      .items as {
      id: string;
      name: string;
      fileIds: string[];
    }[];
    const wanted = new Set(procedure.components.map((c) => c.name));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(wanted.has(item.name)).toBe(true);
    const file = await tiepnhan.request({
      url: `/api/store/items/${items[0]!.id}/files/${items[0]!.fileIds[0]}?readId=${readId}`,
    });
    expect(file.statusCode).toBe(200);

    const reads = await auditOf('store.read');
    expect(reads.total).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(reads.items)).toContain('Tiếp nhận hồ sơ cấp giấy phép lao động');
    expect(JSON.stringify(await auditOf('store.read_open'))).not.toContain(me.idNumber);

    tick(31);
    const late = await tiepnhan.request({ url: `/api/store?readId=${readId}` });
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe('STORE_READ_NOT_OPEN');
  });

  it('an officer of a new, unrelated unit needs the citizen’s one-time consent code', async () => {
    const admin = await t.login('admin');
    const tree = (await t.app.inject({ url: '/api/units' })).json().units as { id: string }[];
    const unit = await admin.request({
      method: 'POST',
      url: '/api/units',
      payload: { parentId: tree[0]!.id, kind: 'division', officialCode: '977.55.00.H91', name: 'Phòng thử nghiệm mới' },
    });
    expect(unit.statusCode).toBe(201);
    const password = 'Mat-khau-moi-2026';
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        kind: 'staff',
        username: 'motcua-moi',
        fullName: 'Cán bộ đơn vị mới',
        homeUnitId: unit.json().id,
        password,
        roles: [{ role: 'one_stop_officer', unitId: unit.json().id }],
      },
    });
    expect(created.statusCode).toBe(201);
    const stranger = await t.login('motcua-moi', password);

    const refused = await openStoreRead(stranger, { applicantKey: me.idNumber, procedureId: procedure.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('STORE_READ_NOT_ALLOWED');

    const consent = await congdan.request({ method: 'POST', url: '/api/store/consent-codes', payload: {} });
    expect(consent.statusCode).toBe(201);
    const { code } = consent.json() as { code: string };
    expect(code).toMatch(/^\d{8}$/);
    expect((await openStoreRead(stranger, { applicantKey: someoneElse.idNumber, consentCode: code })).statusCode).toBe(
      422,
    );
    const granted = await openStoreRead(stranger, { applicantKey: me.idNumber, consentCode: code });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().basis).toBe('consent');
    const all = (await stranger.request({ url: `/api/store?readId=${granted.json().id}` })).json().items;
    expect(all.length).toBeGreaterThanOrEqual(mandatory().length);
    const again = await openStoreRead(stranger, { applicantKey: me.idNumber, consentCode: code });
    expect(again.json().error.code).toBe('CONSENT_CODE_INVALID');

    // Or the code goes to the citizen's phone, and the page does not show it.
    expect(
      (await congdan.request({ method: 'POST', url: '/api/store/consent-codes', payload: { send: true } })).json().error
        .code,
    ).toBe('CONSENT_CONTACT_MISSING');
    await t.handle.db.execute(sql`update users set phone = '0911222333' where username = 'congdan'`);
    const sent = await congdan.request({ method: 'POST', url: '/api/store/consent-codes', payload: { send: true } });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().code).toBeUndefined();
    const messages = await queryRows<{ body: string }>(
      t.handle.db,
      sql`select body from notification_messages where kind = 'store.consent-code'`,
    );
    const texted = messages[0]!.body.match(/\d{8}/)![0];
    expect((await openStoreRead(stranger, { applicantKey: me.idNumber, consentCode: texted })).statusCode).toBe(201);
  });

  it('opening reads on many applicants is refused and alarms a supervisor once', async () => {
    tick(61); // the reads of the tests above leave the window
    const key = (i: number) => `0890990${String(i).padStart(5, '0')}`;
    for (let i = 0; i < 20; i += 1) {
      expect((await openStoreRead(tiepnhan, { applicantKey: key(i), procedureId: procedure.id })).statusCode).toBe(201);
    }
    const refused = await openStoreRead(tiepnhan, { applicantKey: key(20), procedureId: procedure.id });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('STORE_READ_LIMIT');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await openStoreRead(tiepnhan, { applicantKey: key(21), procedureId: procedure.id })).statusCode).toBe(429);
    const alarms = await auditOf('store.bulk_read_alarm');
    expect(alarms.total).toBe(1);
    // Recorded against the officer's receiving unit, for its supervisors.
    expect(alarms.items[0]!.unitId).toBe((await tiepnhan.request({ url: '/api/me' })).json().user.homeUnitId);
    // An applicant already read this hour is still served; the window passes.
    expect((await openStoreRead(tiepnhan, { applicantKey: key(3), procedureId: procedure.id })).statusCode).toBe(201);
    tick(61);
    expect((await openStoreRead(tiepnhan, { applicantKey: key(20), procedureId: procedure.id })).statusCode).toBe(201);
  });
});
