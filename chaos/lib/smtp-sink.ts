/**
 * An SMTP server on loopback standing in for the province's mail relay: it accepts every message
 * (no TLS, no authentication) and keeps what it received — its own record, which the verdict
 * counts, not the sender's. Built on `smtp-server` and `mailparser` (already dependencies).
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

export interface SmtpSink {
  port: number;
  received(): ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A client cut mid-message (the proxy going down) is the scenario's business, not an error.
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on('error', () => {});
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    received: () => [...mails],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
