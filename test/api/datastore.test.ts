import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';

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

beforeAll(async () => {
  t = await createTestApp();
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
    const offered = (
      await tiepnhan.request({ url: `/api/store?applicantKey=${me.idNumber}&procedureId=${procedure.id}` })
    ).json().items;
    expect(offered.length).toBeGreaterThanOrEqual(mandatory().length);
    const chuyenvien = await t.login('chuyenvien');
    expect((await chuyenvien.request({ url: `/api/store?applicantKey=${me.idNumber}` })).statusCode).toBe(403);
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

    const theirs = (await tiepnhan.request({ url: `/api/store?applicantKey=${someoneElse.idNumber}` })).json().items[0];
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
