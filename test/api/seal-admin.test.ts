/**
 * Issue 19: the agency seal certificates for the system administrator — the list, and the
 * rotation through the API: a receipt sealed before keeps verifying, the next one carries the new
 * serial; audited with the serials and no key material; the key files stay 0600. A key directory
 * of its own, so that no other test's seal rotates under it.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { queryRows } from '../../src/kernel/db.js';
import { testKeysDir } from '../../src/modules/signing/testing/signed-pdfs.js';
import { validatePdfSignatures } from '../../src/modules/signing/verify.js';
import { type DemoProcedure, fileDossier } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';

const KEYS_DIR = testKeysDir('seal-admin');
let t: TestApp;
let admin: Session;
let tiepnhan: Session;

beforeAll(async () => {
  t = await createTestApp({ env: { MOTCUA_KEYS_DIR: KEYS_DIR } });
  [admin, tiepnhan] = await Promise.all([t.login('admin'), t.login('tiepnhan')]);
}, 120_000);
afterAll(() => t.close());

const rotate = (session: Session, unitCode: string) =>
  session.request({ method: 'POST', url: `/api/admin/seals/${encodeURIComponent(unitCode)}/rotations` });

async function receipt(code: string) {
  const res = await tiepnhan.request({ url: `/api/dossiers/${code}/forms/01` });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

async function validated(pdf: Buffer) {
  const report = await validatePdfSignatures(pdf, await t.deps.services.trust.get(), new Date());
  expect(report.status).toBe('valid');
  return report.signatures[0]!.certificateSerial!;
}

describe('seal certificates (system administrator)', () => {
  it('rotates a unit’s seal: the old receipt still verifies, the next carries the new serial; audited without keys', async () => {
    const procedure = await procedureByCode<DemoProcedure>(t, '1.014199');
    const dossier = await fileDossier(tiepnhan, procedure, {
      channel: 'counter',
      applicant: { kind: 'citizen', fullName: 'Trần Văn Dấu', idNumber: '089195000777' },
    });
    const before = await receipt(dossier.code);
    const oldSerial = await validated(before);

    let list = await admin.request({ url: '/api/admin/seals' });
    expect(list.statusCode, list.body).toBe(200);
    const unit = list.json().items.find((i: { current: { serial: string } | null }) => i.current?.serial === oldSerial);
    expect(unit).toMatchObject({ unitCode: expect.any(String), unitName: expect.any(String) });

    const res = await rotate(admin, unit.unitCode);
    expect(res.statusCode, res.body).toBe(200);
    const rotation = res.json();
    expect(rotation).toMatchObject({ unitCode: unit.unitCode, previousSerial: oldSerial });
    expect(rotation.serial).not.toBe(oldSerial);
    expect(Date.parse(rotation.validTo)).toBeGreaterThan(Date.now());

    expect(await validated(before)).toBe(oldSerial);
    expect(await validated(await receipt(dossier.code))).toBe(rotation.serial);

    list = await admin.request({ url: '/api/admin/seals' });
    const after = list.json().items.find((i: { unitCode: string }) => i.unitCode === unit.unitCode);
    expect(after.current.serial).toBe(rotation.serial);
    // The key directory outlives a run: earlier runs' certificates may be retired already.
    expect(after.retired).toHaveLength(unit.retired.length + 1);
    expect(after.retired.map((c: { serial: string }) => c.serial)).toContain(oldSerial);

    // The key files, current and retired, stay readable by the server's user only.
    const seals = join(KEYS_DIR, 'seals');
    for (const file of [
      join(seals, `${unit.unitCode}.p12`),
      join(seals, `${unit.unitCode}.p12.pass`),
      join(seals, 'retired', `${unit.unitCode}-${oldSerial}.p12`),
      join(seals, 'retired', `${unit.unitCode}-${oldSerial}.p12.pass`),
    ])
      expect((await stat(file)).mode & 0o777, file).toBe(0o600);
    expect((await stat(seals)).mode & 0o777).toBe(0o700);

    const [audit] = await queryRows<{ summary: Record<string, unknown>; actor_id: string }>(
      t.handle.db,
      sql`select * from audit_log where action = 'seal.rotate' and target_id = ${unit.unitCode}`,
    );
    expect(audit!.actor_id).toBe(admin.user.id);
    expect(audit!.summary).toMatchObject({ before: { serial: oldSerial }, after: { serial: rotation.serial } });
    const [event] = await queryRows<{ payload: Record<string, unknown> }>(
      t.handle.db,
      sql`select payload from outbox_events where topic = 'seal.rotate' and aggregate_id = ${unit.unitCode}`,
    );
    expect(event!.payload).toEqual({ unitCode: unit.unitCode, previousSerial: oldSerial, serial: rotation.serial });
    // No private key anywhere in the audit log or the outbox.
    const leaks = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select (select count(*) from audit_log where summary::text like '%PRIVATE KEY%')::int
        + (select count(*) from outbox_events where payload::text like '%PRIVATE KEY%')::int as n`,
    );
    expect(leaks[0]!.n).toBe(0);
  }, 120_000);

  it('refuses a non-administrator (403) and an unknown unit code (404 UNIT_NOT_FOUND, Vietnamese)', async () => {
    expect((await tiepnhan.request({ url: '/api/admin/seals' })).statusCode).toBe(403);
    const list = (await admin.request({ url: '/api/admin/seals' })).json();
    const someCode = list.items[0]?.unitCode ?? '000.00.02.H91';
    const refused = await rotate(tiepnhan, someCode);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const unknown = await rotate(admin, '999.99.99.X00');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị.' });
  });
});
