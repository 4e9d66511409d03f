/**
 * E-mail over real SMTP: an SMTP server (smtp-server) started here on a free port, SMTP_URL
 * pointing at it, messages parsed back with mailparser. The server first answers 451 (try again
 * later): the message stays pending with its backoff and arrives exactly once when the server
 * accepts; a 550 (mailbox unknown) fails the message for good, visible in the delivery log.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';
import { deliverDue } from '../../src/modules/notifications/deliver.service.js';

let t: TestApp;
let server: SMTPServer;
const received: { to: string[]; subject: string; text: string; from: string }[] = [];
let answer: 'accept' | 'later' = 'later';

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('khongton'))
        return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      if (answer === 'later') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', from: mail.from?.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'MotCua An Giang <thongbao@angiang.gov.vn>' },
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const deliver = (now: Date) =>
  deliverDue(t.handle.db, t.deps.services.notificationChannels, now, {
    ...t.deps.services.notifier.settings,
    quietHours: null,
  });
const row = async (address: string) =>
  (
    await queryRows<{ status: string; attempts: number; last_error: string | null }>(
      t.handle.db,
      sql`select status, attempts, last_error from notification_messages where address = ${address}`,
    )
  )[0]!;

it('sends a Vietnamese e-mail over SMTP, retried after a temporary refusal and delivered once', async () => {
  const to = 'nguoinhan@example.vn';
  const body = 'Mã xác thực phản ánh, kiến nghị: 123456. Hiệu lực 10 phút.';
  await t.handle.db.transaction((tx) =>
    t.deps.services.notifier.send(tx, { medium: 'email', recipient: to, template: 'feedback.verification-code', body }),
  );
  const T = new Date(Date.now() + 1000);
  await deliver(T);
  expect(await row(to)).toMatchObject({ status: 'pending', attempts: 1 });
  expect(received).toHaveLength(0);

  answer = 'accept';
  await deliver(new Date(T.getTime() + 5_000)); // backoff not over: not tried
  expect((await row(to)).attempts).toBe(1);
  await deliver(new Date(T.getTime() + 31_000));
  await deliver(new Date(T.getTime() + 120_000));
  expect(await row(to)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  expect(received).toEqual([
    {
      to: [to],
      subject: 'Thông báo từ MotCua',
      text: `${body}\n`,
      from: '"MotCua An Giang" <thongbao@angiang.gov.vn>',
    },
  ]);
});

it('a mailbox the server refuses for good fails at once, for the administrator to see', async () => {
  const to = 'khongton@example.vn';
  await t.handle.db.transaction((tx) =>
    t.deps.services.notifier.send(tx, {
      medium: 'email',
      recipient: to,
      template: 'store.consent-code',
      body: 'Mã: 1',
    }),
  );
  await deliver(new Date(Date.now() + 1000));
  expect(await row(to)).toMatchObject({ status: 'failed', attempts: 1 });
  const admin = await t.login('admin');
  const log = (await admin.request({ url: '/api/notifications/messages?status=failed' })).json();
  expect(log.items[0]).toMatchObject({ kind: 'store.consent-code', channel: 'email', status: 'failed' });
  expect(log.items[0].address).not.toBe(to);
});
