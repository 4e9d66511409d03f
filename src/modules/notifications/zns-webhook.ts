/**
 * Zalo ZNS delivery reports (the OA's webhook). Zalo signs each call with the header
 * `X-ZEvent-Signature: mac=<sha256(app id + body + timestamp + OA secret key)>`; the body is taken
 * as the JSON it parses to (re-serialised), which is how the simulator signs it — an assumption to
 * re-check against Zalo's raw body in production.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { markDelivered } from './inbox.service.js';

export function znsSignature(appId: string, body: string, timestamp: string, secret: string): string {
  return `mac=${createHash('sha256').update(`${appId}${body}${timestamp}${secret}`).digest('hex')}`;
}

export interface ZnsReport {
  event_name: string;
  app_id: string;
  timestamp: string;
  message?: { msg_id: string; tracking_id: string } | undefined;
}

/** Checks the signature, then marks the message delivered; whether a message changed. */
export async function acceptZnsReport(
  tx: Tx,
  report: ZnsReport,
  signature: string,
  app: { appId: string; secret: string },
  now: Date,
): Promise<boolean> {
  const expected = znsSignature(app.appId, JSON.stringify(report), report.timestamp, app.secret);
  const ok = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!ok || report.app_id !== app.appId) throw new AppError('NOTIFICATION_CALLBACK_SIGNATURE');
  if (report.event_name !== 'user_received_message' || !report.message) return false;
  return markDelivered(tx, report.message.tracking_id, report.message.msg_id, now);
}
