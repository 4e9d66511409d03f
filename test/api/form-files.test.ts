import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { outboxEvents } from '../../src/modules/outbox/outbox.table.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { fileForm, form, PDF, PNG, ZIP } from '../fixtures/uploads.js';

let t: TestApp;
let kstthc: Session;
let tiepnhan: Session;
type Component = { id: string; name: string; formTemplate: string | null };
let birth: { id: string; currentVersionId: string; components: Component[] };
let declaration: Component;
let noForm: Component;

/** A minimal DOCX as Word writes it: a ZIP whose first entry names a word/ part. */
const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('word/document.xml')]);
const XLSX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('xl/workbook.xml')]);

const path = (versionId: string, componentId: string) =>
  `/api/procedure-versions/${versionId}/components/${componentId}/form-file`;
const put = (session: Session, url: string, data: Buffer, name = 'to-khai-khai-sinh.pdf') =>
  session.request({ method: 'PUT', url, ...fileForm(data, name) });

beforeAll(async () => {
  t = await createTestApp();
  kstthc = await t.login('kstthc');
  tiepnhan = await t.login('tiepnhan');
  birth = await procedureByCode(t, '1.001193');
  declaration = birth.components.find((c) => c.formTemplate)!;
  noForm = birth.components.find((c) => !c.formTemplate)!;
});
afterAll(() => t.close());

describe('blank form files of procedure components', () => {
  it('offers nothing for a named form until its file is uploaded (nothing invented)', async () => {
    const detail = (await t.app.inject({ url: `/api/procedures/${birth.id}` })).json();
    expect(detail.formFiles).toEqual([]);
    const res = await t.app.inject({ url: path(birth.currentVersionId, declaration.id) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('FORM_FILE_NOT_FOUND');
  });

  it('takes a PDF from the catalog admin, audited with an outbox event, and gives it to anyone', async () => {
    const url = path(birth.currentVersionId, declaration.id);
    const res = await put(kstthc, url, PDF, 'Tờ khai đăng ký khai sinh.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      componentId: declaration.id,
      fileName: 'Tờ khai đăng ký khai sinh.pdf',
      size: PDF.length,
      mediaType: 'application/pdf',
      url,
    });
    // Public download: no session.
    const download = await t.app.inject({ url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''T%E1%BB%9D%20khai");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // The procedure page lists it.
    const detail = (await t.app.inject({ url: `/api/procedures/${birth.id}` })).json();
    expect(detail.formFiles).toEqual([expect.objectContaining({ componentId: declaration.id, url })]);

    const audits = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'catalog.form_file_put'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: 'procedure_version', targetId: birth.currentVersionId });
    const events = await t.handle.db.select().from(outboxEvents).where(eq(outboxEvents.topic, 'catalog.form_file_put'));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ procedureId: birth.id, componentId: declaration.id });
  });

  it('replaces the file with a DOCX', async () => {
    const url = path(birth.currentVersionId, declaration.id);
    const res = await put(kstthc, url, DOCX, 'to-khai.docx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await t.app.inject({ url })).rawPayload.equals(DOCX)).toBe(true);
  });

  it.each([
    ['a PNG', PNG],
    ['an XLSX', XLSX],
    ['a bare ZIP', ZIP],
  ])('refuses %s with 415', async (_what, data) => {
    const res = await put(kstthc, path(birth.currentVersionId, declaration.id), data);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'FORM_FILE_TYPE_NOT_ALLOWED',
      message: expect.stringContaining('PDF'),
    });
  });

  it('refuses a file over 10 MB with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await put(kstthc, path(birth.currentVersionId, declaration.id), big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses a component that names no form with 422', async () => {
    const res = await put(kstthc, path(birth.currentVersionId, noForm.id), PDF);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('COMPONENT_HAS_NO_FORM');
  });

  it('answers 404 for an unknown version or component', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const version = await put(kstthc, path(unknown, declaration.id), PDF);
    expect(version.statusCode).toBe(404);
    expect(version.json().error.code).toBe('PROCEDURE_NOT_FOUND');
    const component = await put(kstthc, path(birth.currentVersionId, unknown), PDF);
    expect(component.statusCode).toBe(404);
    expect(component.json().error.code).toBe('COMPONENT_NOT_FOUND');
  });

  it('is for catalog administrators: 403 for an officer, 401 signed out, 400 without the file field', async () => {
    const url = path(birth.currentVersionId, declaration.id);
    const officer = await put(tiepnhan, url, PDF);
    expect(officer.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'PUT', url, ...fileForm(PDF) });
    expect(anonymous.statusCode).toBe(401);
    const noFile = await kstthc.request({ method: 'PUT', url, ...form([{ name: 'other', data: 'x' }]) });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('FILE_MISSING');
    // None of the refusals replaced the DOCX.
    expect((await t.app.inject({ url })).headers['content-type']).toContain('wordprocessingml');
  });
});
