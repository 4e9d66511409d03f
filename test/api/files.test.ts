import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { hashPassword } from '../../src/modules/identity/password.js';
import { insertUser } from '../../src/modules/identity/users.service.js';
import { s3Env, startS3Simulator, type S3Simulator } from '../../src/modules/files/testing/s3-simulator.js';
import { systemContext } from '../../src/kernel/context.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { DEMO_PASSWORD, TEST_SCRYPT_LOG_N } from '../../src/app/testing/database.js';
import { type DemoProcedure, fileDossier, resultOf, staffAt, step } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';
import { EXE, fileForm, form, HTML, JPEG, PDF, PNG, upload, ZIP } from '../fixtures/uploads.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every stored object under a local FILES_DIR (paths relative to it). */
async function storedObjects(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

let t: TestApp;
let filesDir: string;
let citizen: Session;
let otherCitizen: Session;
let officer: Session;
let admin: Session;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-api-'));
  t = await createTestApp({ env: { FILES_DIR: filesDir } });
  await t.deps.db.transaction(async (tx) =>
    insertUser(tx, systemContext(), {
      username: 'congdan2',
      fullName: 'Trần Thị Bình',
      kind: 'citizen',
      personalId: '089195000456',
      passwordHash: await hashPassword(DEMO_PASSWORD, TEST_SCRYPT_LOG_N),
      mustChangePassword: false,
      roles: [{ role: 'citizen', unitId: null }],
    }),
  );
  citizen = await t.login('congdan');
  otherCitizen = await t.login('congdan2');
  officer = await t.login('tiepnhan');
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe('POST /api/files', () => {
  it.each([
    ['PDF', PDF, 'don-de-nghi.pdf', 'application/pdf'],
    ['JPEG', JPEG, 'anh-the.jpg', 'image/jpeg'],
    ['PNG', PNG, 'so-do.png', 'image/png'],
  ])(
    'accepts a %s and answers {id, sha256, size, mediaType, signatureReport}',
    async (_kind, data, filename, mediaType) => {
      const res = await upload(citizen, data, filename);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual([
        'id',
        'mediaType',
        'originalName',
        'sha256',
        'signatureReport',
        'size',
      ]);
      expect(body).toEqual({
        id: expect.any(String),
        sha256: sha256(data),
        size: data.length,
        mediaType,
        originalName: filename,
        // A PDF's signatures are validated on entry (signed-uploads.test.ts); an image has none.
        signatureReport: mediaType === 'application/pdf' ? expect.objectContaining({ status: 'unsigned' }) : null,
      });
    },
  );

  it('reads the type from the content: a PNG named .pdf and sent as application/pdf is a PNG', async () => {
    const res = await upload(citizen, PNG, 'giay-to.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mediaType: 'image/png', originalName: 'giay-to.pdf' });
  });

  it.each([
    ['an EXE', EXE, 'don.pdf', 'application/x-msdownload', /chương trình Windows/],
    ['a ZIP', ZIP, 'ho-so.pdf', 'application/zip', /ZIP/],
    ['HTML', HTML, 'trang.png', 'text/html', /HTML/],
  ])('refuses %s with 415, naming what it is', async (_kind, data, filename, detected, label) => {
    const res = await upload(citizen, data, filename, 'application/pdf');
    expect(res.statusCode).toBe(415);
    const { error } = res.json();
    expect(error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(error.message).toMatch(/^Chỉ chấp nhận tệp PDF, JPEG hoặc PNG; tệp gửi lên là: /);
    expect(error.message).toMatch(label);
    expect(error.details).toMatchObject({ detected });
  });

  it('refuses an empty file with 415', async () => {
    const res = await upload(citizen, Buffer.alloc(0), 'rong.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.details).toMatchObject({ detected: null, description: 'tệp rỗng' });
  });

  it('answers 400 FILE_MISSING without a "file" part', async () => {
    const wrongField = await citizen.request({
      method: 'POST',
      url: '/api/files',
      ...form([{ name: 'attachment', filename: 'a.pdf', data: PDF }]),
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error).toMatchObject({ code: 'FILE_MISSING', details: { field: 'attachment' } });
    const onlyText = await citizen.request({
      method: 'POST',
      url: '/api/files',
      ...form([{ name: 'note', data: 'ghi chú' }]),
    });
    expect(onlyText.statusCode).toBe(400);
    expect(onlyText.json().error.code).toBe('FILE_MISSING');
  });

  it('refuses a body that is not multipart with 415, and malformed multipart with 400', async () => {
    const json = await citizen.request({ method: 'POST', url: '/api/files', payload: { file: 'JVBERi0=' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const { headers } = form([]);
    const broken = await citizen.request({
      method: 'POST',
      url: '/api/files',
      headers,
      payload: Buffer.from(
        `--${headers['content-type'].split('boundary=')[1]}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 no end`,
      ),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps a Vietnamese file name (UTF-8, NFC)', async () => {
    const res = await upload(citizen, PDF, 'Tờ khai đăng ký khai sinh.pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json().originalName).toBe('Tờ khai đăng ký khai sinh.pdf');
  });

  it('needs a signed-in user: anonymous 401; a session without the CSRF token 403', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/files', ...fileForm(PDF, 'a.pdf') });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      cookies: { motcua_session: citizen.cookie },
      ...fileForm(PDF, 'a.pdf'),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');
  });

  it('accepts a bearer token (no CSRF needed)', async () => {
    const created = await citizen.request({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'Ứng dụng', scopes: ['dossier.read'], expiresInDays: 1 },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json();
    const body = fileForm(JPEG, 'a.jpg');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { authorization: `Bearer ${token}`, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    const download = await t.app.inject({
      url: `/api/files/${res.json().id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.statusCode).toBe(200);
  });

  it('stores identical content once, but gives every upload its own id', async () => {
    const data = Buffer.concat([PDF, Buffer.from(`% dedupe ${Date.now()}\n`)]);
    const before = await storedObjects(filesDir);
    const first = (await upload(citizen, data, 'mot.pdf')).json();
    const second = (await upload(otherCitizen, data, 'hai.pdf')).json();
    expect(first.id).not.toBe(second.id);
    expect(first.sha256).toBe(second.sha256);
    const after = await storedObjects(filesDir);
    const added = after.filter((p) => !before.includes(p));
    const hash = sha256(data);
    expect(added).toEqual([join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
  });

  it('writes an audit record with the hash, size and type only', async () => {
    const created = (await upload(citizen, PNG, 'Nguyễn Văn An - CCCD.png')).json();
    const [record] = await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(record).toMatchObject({ action: 'file.upload', targetType: 'file', actorId: citizen.user.id });
    expect(record!.summary).toEqual({ after: { sha256: sha256(PNG), size: PNG.length, mediaType: 'image/png' } });
    expect(JSON.stringify(record)).not.toContain('Nguyễn');
  });
});

describe('POST /api/files with a small MAX_UPLOAD_MB', () => {
  let small: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-files-small-'));
    small = await createTestApp({ env: { FILES_DIR: dir, MAX_UPLOAD_MB: '1' } });
  });
  afterAll(async () => {
    await small.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 413 FILE_TOO_LARGE over the cap, and accepts exactly the cap', async () => {
    const s = await small.login('congdan');
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload(s, big, 'lon.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'Tệp vượt quá dung lượng cho phép (tối đa 1 MB).',
    });
    expect(await storedObjects(dir)).toEqual([]);
    const exact = await upload(s, big.subarray(0, 1024 * 1024), 'vua.pdf');
    expect(exact.statusCode).toBe(201);
    expect(exact.json().size).toBe(1024 * 1024);
  });

  it('refuses early on a declared Content-Length far over the cap', async () => {
    const s = await small.login('congdan');
    const big = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const res = await upload(s, big, 'rat-lon.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('GET /api/files/{id}', () => {
  let fileId: string;
  const name = 'Giấy khai sinh (bản sao).pdf';

  beforeAll(async () => {
    fileId = (await upload(citizen, PDF, name)).json().id;
  });

  it('gives the uploader the bytes, the type and the Vietnamese name (RFC 8187)', async () => {
    const res = await citizen.request({ url: `/api/files/${fileId}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(PDF);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Giay khai sinh (ban sao).pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses another citizen (403) and a staff member without dossier.read (403)', async () => {
    const other = await otherCitizen.request({ url: `/api/files/${fileId}` });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    expect((await admin.request({ url: `/api/files/${fileId}` })).statusCode).toBe(403);
  });

  it('refuses staff a file nothing links, even holding dossier.read (403)', async () => {
    const res = await officer.request({ url: `/api/files/${fileId}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { fileId } });
  });

  it('answers 401 anonymously, 404 for an unknown id, 400 for a malformed one', async () => {
    expect((await t.app.inject({ url: `/api/files/${fileId}` })).statusCode).toBe(401);
    const unknown = await citizen.request({ url: '/api/files/7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('FILE_NOT_FOUND');
    expect((await citizen.request({ url: '/api/files/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('GET /api/files/{id} of a file a dossier or a feedback item links', () => {
  let soTuPhap: string;
  let chuyenvien: Session;
  let lanhdao: Session;
  let kstthc: Session;
  /** A processing official of another unit: dossier.read and feedback.handle, but over Công an only. */
  let policeOfficial: Session;
  const status = async (session: Session, id: string) =>
    (await session.request({ url: `/api/files/${id}` })).statusCode;
  const statuses = (id: string, sessions: Record<string, Session>) =>
    Promise.all(Object.entries(sessions).map(async ([who, s]) => [who, await status(s, id)] as const)).then(
      Object.fromEntries,
    );

  beforeAll(async () => {
    const unit = await demoUnits(t);
    soTuPhap = unit('Sở Tư pháp');
    [chuyenvien, lanhdao, kstthc] = await Promise.all([t.login('chuyenvien'), t.login('lanhdao'), t.login('kstthc')]);
    policeOfficial = await staffAt(t, admin, 'ca.tep', 'processing_official', unit('Công an tỉnh An Giang'));
  });

  it('follows the dossier: its units’ staff and its applicant, nobody else — for component and result files', async () => {
    const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
    const applicant = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };
    let d = await fileDossier(citizen, procedure, { channel: 'online', applicant, competentUnitId: soTuPhap });
    const componentFile = d.components[0].fileIds[0] as string;
    // Filed online by the citizen (the uploader): the receiving centre and the competent unit read it.
    expect(await statuses(componentFile, { officer, chuyenvien, policeOfficial, otherCitizen })).toEqual({
      officer: 200,
      chuyenvien: 200,
      policeOfficial: 403,
      otherCitizen: 403,
    });

    d = await step(officer, d.code, d.version, 'accept');
    d = await step(officer, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'forward');
    d = await step(lanhdao, d.code, d.version, 'signResult', { result: await resultOf(lanhdao) });
    const resultFile = d.results[0].fileId as string;
    // Uploaded by the leader: the applicant, the receiving centre and the competent unit read it.
    expect(await statuses(resultFile, { citizen, officer, chuyenvien, policeOfficial, otherCitizen })).toEqual({
      citizen: 200,
      officer: 200,
      chuyenvien: 200,
      policeOfficial: 403,
      otherCitizen: 403,
    });
    const refused = await policeOfficial.request({ url: `/api/files/${resultFile}` });
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', details: { fileId: resultFile } });

    // Through a token, only as far as its scopes reach.
    const tokenFor = async (scopes: string[]) =>
      (
        await chuyenvien.request({
          method: 'POST',
          url: '/api/me/tokens',
          payload: { name: `Tệp ${scopes[0]}`, scopes, expiresInDays: 1 },
        })
      ).json().token as string;
    const withToken = async (token: string) =>
      (await t.app.inject({ url: `/api/files/${resultFile}`, headers: { authorization: `Bearer ${token}` } }))
        .statusCode;
    expect(await withToken(await tokenFor(['dossier.read']))).toBe(200);
    expect(await withToken(await tokenFor(['feedback.*']))).toBe(403);
  });

  it('follows the feedback item: its submitter, the provincial office and the unit it is routed to', async () => {
    const attachment = (await upload(citizen, PDF, 'anh-chup-bien-nhan.pdf')).json().id as string;
    const submitted = await citizen.request({
      method: 'POST',
      url: '/api/feedback',
      payload: {
        channel: 'portal',
        title: 'Chậm trả kết quả chứng thực',
        content: 'Hồ sơ chứng thực của tôi đã quá hẹn trả kết quả nhưng chưa được thông báo lý do.',
        submitter: { name: 'Nguyễn Văn An' },
        fileIds: [attachment],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const item = submitted.json();
    // Not routed yet: the provincial office reads it, the unit's officials do not.
    expect(await statuses(attachment, { kstthc, chuyenvien, officer, otherCitizen })).toEqual({
      kstthc: 200,
      chuyenvien: 403,
      officer: 403,
      otherCitizen: 403,
    });

    const classified = await kstthc.request({
      method: 'POST',
      url: `/api/feedback/${item.id}/actions`,
      payload: { action: 'classify', version: item.version, category: 'regulation', unitId: soTuPhap },
    });
    expect(classified.statusCode, classified.body).toBe(200);
    expect(await statuses(attachment, { citizen, chuyenvien, policeOfficial, officer, otherCitizen })).toEqual({
      citizen: 200,
      chuyenvien: 200,
      policeOfficial: 403,
      officer: 403,
      otherCitizen: 403,
    });
  });
});

describe('with FILE_STORAGE=s3 (against the S3 simulator)', () => {
  let sim: S3Simulator;
  let s3App: TestApp;
  beforeAll(async () => {
    sim = await startS3Simulator();
    s3App = await createTestApp({
      env: s3Env(sim),
    });
  });
  afterAll(async () => {
    await s3App.close();
    await sim.close();
  });

  it('uploads through signed PUTs once per content, and downloads through signed GETs', async () => {
    const s = await s3App.login('congdan');
    const first = await upload(s, JPEG, 'anh.jpg');
    const second = await upload(s, JPEG, 'anh-lai.jpg');
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
    expect([...sim.objects.keys()]).toEqual([sha256(JPEG)]);
    expect(sim.objects.get(sha256(JPEG))!.contentType).toBe('image/jpeg');
    expect(sim.log.filter((l) => l.method === 'PUT')).toHaveLength(1);
    const res = await s.request({ url: `/api/files/${second.json().id}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(JPEG);
    expect(sim.log.every((l) => l.status !== 403)).toBe(true);
  });
});
