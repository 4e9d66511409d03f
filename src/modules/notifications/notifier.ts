/**
 * How a message reaches a phone or mailbox. Services depend on the interface; the only
 * implementation so far is the local simulator, which records what an SMS/e-mail gateway would
 * have been asked to send in `simulated_messages` (tests and the demo read it there). A real
 * gateway plugs in here behind NOTIFIER. Nothing here logs the recipient or the text: they carry
 * one-time codes and personal contacts.
 */
import type { Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { simulatedMessages } from './notifications.tables.js';

export interface OutgoingMessage {
  medium: 'sms' | 'email';
  recipient: string;
  /** A stable name of what is sent (e.g. `feedback.verification-code`). */
  template: string;
  body: string;
}

export interface Notifier {
  /** Sends (or queues) within the caller's transaction: a rolled-back request sends nothing. */
  send(tx: Tx, message: OutgoingMessage): Promise<void>;
}

export const simulatorNotifier: Notifier = {
  async send(tx, message) {
    await tx.insert(simulatedMessages).values(message);
  },
};

/** An official's contact (work e-mail preferred, else phone). */
export interface StaffRecipient {
  email: string | null;
  phone: string | null;
}

/** Sends one text to each official (by e-mail, else SMS); returns how many were reached. */
export async function sendToStaff(
  tx: Tx,
  notifier: Notifier,
  staff: readonly StaffRecipient[],
  template: string,
  body: string,
): Promise<number> {
  let reached = 0;
  for (const person of staff) {
    const to = person.email
      ? { medium: 'email' as const, recipient: person.email }
      : person.phone
        ? { medium: 'sms' as const, recipient: person.phone }
        : null;
    if (!to) continue;
    await notifier.send(tx, { ...to, template, body });
    reached += 1;
  }
  return reached;
}

/** The configured notifier (NOTIFIER); built once by the composition root (this module's `provides`). */
export function notifierFromEnv(env: Env): Notifier {
  switch (env.NOTIFIER) {
    case 'simulator':
      return simulatorNotifier;
  }
}

declare module '../../kernel/http.js' {
  interface Services {
    /** How messages reach citizens and officials (NOTIFIER), built once by the composition root. */
    notifier: Notifier;
  }
}
