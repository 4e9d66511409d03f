/**
 * What a person at the kiosk should do after a refusal, by the API's error code: the server's
 * message says what went wrong, this says what to do next (there is no officer beside a kiosk).
 * Unknown codes, network failures and server faults get the general advice.
 */
import type { MessageKey } from '../../i18n/i18n.js';

const ADVICE: Record<string, MessageKey> = {
  BOOKING_NOT_FOUND: 'kq.advice.code',
  BOOKING_CODE_INVALID: 'kq.advice.code',
  BOOKING_WRONG_UNIT: 'kq.advice.walkIn',
  BOOKING_CANCELLED: 'kq.advice.walkIn',
  BOOKING_ALREADY_CHECKED_IN: 'kq.advice.walkIn',
  BOOKING_EXPIRED: 'kq.advice.walkIn',
  BOOKING_TOO_EARLY: 'kq.advice.early',
  QUEUE_FIELD_NOT_SERVED: 'kq.advice.otherField',
  RATE_LIMITED: 'kq.advice.wait',
};

export function kioskAdvice(code: string | null): MessageKey {
  return (code && ADVICE[code]) || 'kq.advice.retry';
}
