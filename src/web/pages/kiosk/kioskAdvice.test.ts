import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.js';
import { kioskAdvice } from './kioskAdvice.js';

describe('kioskAdvice', () => {
  it.each([
    ['BOOKING_NOT_FOUND', 'kq.advice.code'],
    ['BOOKING_EXPIRED', 'kq.advice.walkIn'],
    ['BOOKING_TOO_EARLY', 'kq.advice.early'],
    ['QUEUE_FIELD_NOT_SERVED', 'kq.advice.otherField'],
    ['RATE_LIMITED', 'kq.advice.wait'],
    ['NETWORK', 'kq.advice.retry'],
    [null, 'kq.advice.retry'],
  ])('%s → %s', (code, key) => expect(kioskAdvice(code)).toBe(key));

  it('every refusal a kiosk can meet says what to do, in Vietnamese', () => {
    const codes = ['BOOKING_NOT_FOUND', 'BOOKING_CODE_INVALID', 'BOOKING_WRONG_UNIT', 'BOOKING_CANCELLED'];
    for (const code of [...codes, 'BOOKING_ALREADY_CHECKED_IN', 'QUEUE_FIELD_NOT_SERVED', 'INTERNAL', null])
      expect(translate('vi', kioskAdvice(code)), String(code)).toMatch(/^(Vui lòng|Kiểm tra)/);
  });
});
