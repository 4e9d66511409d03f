import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
let tiepnhan: Session;

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
});
afterAll(() => t.close());

const CARD = '001099012345|123456789|Nguyễn Văn An|20051999|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';
const read = (session: Session, text: unknown) =>
  session.request({ method: 'POST', url: '/api/identifiers/chip-qr', payload: { text } });

describe('POST /api/identifiers/chip-qr', () => {
  it('turns a card’s QR text into the applicant fields', async () => {
    const res = await read(tiepnhan, CARD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      idNumber: '001099012345',
      oldIdNumber: '123456789',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1999-05-20',
      gender: 'male',
      address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
      issuedOn: '2021-08-15',
      warnings: [],
    });
  });

  it('leaves out an empty old id, normalises decomposed text and passes on the soft warnings', async () => {
    const res = await read(
      tiepnhan,
      '079301000123||Trần Thị Bình|01011999|Nữ|Quận 1, TP. Hồ Chí Minh|10102022\r\n'.normalize('NFD'),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).not.toHaveProperty('oldIdNumber');
    expect(body).toMatchObject({ fullName: 'Trần Thị Bình', gender: 'female', dateOfBirth: '1999-01-01' });
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['PERSONAL_ID_BIRTH_YEAR_MISMATCH']);
  });

  it.each([
    [
      'a wrong number of fields',
      `${CARD}|`,
      'CHIP_QR_PART_COUNT',
      'text',
      'Mã QR: phải có 7 trường ngăn cách bởi dấu "|", nhận được 8.',
    ],
    [
      'an impossible birth date',
      CARD.replace('20051999', '31021999'),
      'CHIP_QR_DATE_INVALID',
      'dateOfBirth',
      'Ngày sinh: ngày 31/02/1999 không tồn tại.',
    ],
    [
      'a short identifier',
      CARD.replace('001099012345', '00109901234'),
      'PERSONAL_ID_LENGTH',
      'idNumber',
      'Số định danh cá nhân phải gồm đúng 12 chữ số (đang có 11).',
    ],
    ['empty text', '', 'CHIP_QR_EMPTY', 'text', 'Mã QR: không có nội dung.'],
  ])(
    'refuses %s with 422, the stable code and the field named in Vietnamese',
    async (_, text, code, field, message) => {
      const res = await read(tiepnhan, text);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({ error: { code, message, details: { field } } });
    },
  );

  it('answers 400 when the body is not {text}', async () => {
    expect((await read(tiepnhan, 42)).statusCode).toBe(400);
    expect((await tiepnhan.request({ method: 'POST', url: '/api/identifiers/chip-qr', payload: {} })).statusCode).toBe(
      400,
    );
  });

  it('is for officers who receive dossiers: 401 anonymous, 403 for other staff and citizens', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/identifiers/chip-qr', payload: { text: CARD } })).statusCode,
    ).toBe(401);
    for (const username of ['chuyenvien', 'admin', 'congdan']) {
      const res = await read(await t.login(username), CARD);
      expect(res.statusCode, username).toBe(403);
      expect(res.body, username).not.toContain('Nguyễn');
    }
  });
});
