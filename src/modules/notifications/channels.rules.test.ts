import { describe, expect, it } from 'vitest';
import { ChannelError, DELIVERY_REASONS, reasonText, splitReason, storedReason } from './channels.js';

describe('delivery reasons: a stable code and a Vietnamese sentence', () => {
  it.each([
    [
      'NOTIFY_PEER_UNREACHABLE',
      'cổng SMS thương hiệu',
      'ECONNREFUSED',
      'Không kết nối được cổng SMS thương hiệu (ECONNREFUSED)',
    ],
    ['NOTIFY_PEER_UNAVAILABLE', 'Zalo ZNS', '503 -32', 'Zalo ZNS tạm thời không nhận tin (lỗi 503 -32)'],
    ['NOTIFY_PEER_REFUSED', 'máy chủ thư (SMTP)', '550', 'máy chủ thư (SMTP) từ chối tin nhắn (mã 550)'],
    ['NOTIFY_PEER_REFUSED', 'Zalo ZNS', '', 'Zalo ZNS từ chối tin nhắn'],
    ['NOTIFY_RECIPIENT_REJECTED', 'máy chủ thư (SMTP)', '', 'máy chủ thư (SMTP) từ chối địa chỉ người nhận'],
    ['NOTIFY_OPTED_OUT', '', '', 'Người nhận đã tắt nhận thông báo qua kênh này'],
  ] as const)('%s for %s (%s)', (code, peer, detail, text) => {
    expect(reasonText(code, peer, detail)).toBe(text);
  });

  it('every reason is Vietnamese: no English word left in the sentences', () => {
    for (const text of Object.values(DELIVERY_REASONS))
      expect(text).not.toMatch(/\b(unreachable|error|failed|rejected|opted|gateway)\b/i);
  });

  it.each([
    [
      storedReason('NOTIFY_PEER_UNREACHABLE', 'Không kết nối được Zalo ZNS (ETIMEDOUT)'),
      'NOTIFY_PEER_UNREACHABLE',
      'Không kết nối được Zalo ZNS (ETIMEDOUT)',
    ],
    ['SMS gateway: 503 99', null, 'SMS gateway: 503 99'],
    [null, null, null],
  ])('splits %s', (stored, code, text) => {
    expect(splitReason(stored)).toEqual({ code, text });
  });

  it('a ChannelError carries the code and the sentence', () => {
    const e = ChannelError.of('NOTIFY_PEER_AUTH_FAILED', 'máy chủ xác thực Zalo OA', '401', false);
    expect([e.code, e.message, e.permanent]).toEqual([
      'NOTIFY_PEER_AUTH_FAILED',
      'Không lấy được mã truy cập của máy chủ xác thực Zalo OA (lỗi 401)',
      false,
    ]);
  });
});
