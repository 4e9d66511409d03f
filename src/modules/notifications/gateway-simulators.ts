/**
 * Local stand-ins for the brandname-SMS gateway and Zalo ZNS, speaking the protocols the adapters
 * (channels.ts) speak, as Fetch-API handlers: the adapters call them through `simulatorFetch`
 * in-process, and the same handlers answer under /sim/sms/ and /sim/zalo/ (sim.routes.ts), where
 * the sent messages can be listed. A simulator can be switched "down" (503) to exercise retries.
 * Messages live in memory (the last 500), like a provider's console: they are not MotCua's data.
 * Without SMTP_URL, e-mail goes to the in-memory mail sink (listed at /sim/mail/messages).
 */
import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, Fetch } from './channels.js';

export interface SimulatedMessage {
  id: string;
  to: string;
  text: string;
  /** ZNS: template id, data and tracking id; SMS: brandname and the request id. */
  details: Record<string, unknown>;
  at: string;
  /** ZNS: when the simulated handset reported delivery (the callback), if it did. */
  deliveredAt?: string;
}

const KEEP = 500;

export class SimulatedGateway {
  private readonly messages: SimulatedMessage[] = [];
  down = false;

  record(message: Omit<SimulatedMessage, 'id' | 'at'>): SimulatedMessage {
    const saved = { ...message, id: randomUUID(), at: new Date().toISOString() };
    this.messages.push(saved);
    if (this.messages.length > KEEP) this.messages.shift();
    return saved;
  }

  /** The sent messages, newest first. */
  list(): SimulatedMessage[] {
    return [...this.messages].reverse();
  }

  find(id: string): SimulatedMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }
}

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The brandname-SMS gateway: `POST /send` (Bearer key), `{code: "00", messageId}`. */
export class SmsSimulator extends SimulatedGateway {
  constructor(
    private readonly apiKey: string,
    private readonly brandname: string,
  ) {
    super();
  }

  async handle(request: Request): Promise<Response> {
    if (this.down) return reply(503, { code: '99', message: 'Service unavailable' });
    const path = new URL(request.url).pathname;
    if (request.method !== 'POST' || !path.endsWith('/send')) return reply(404, { code: '404' });
    if (request.headers.get('authorization') !== `Bearer ${this.apiKey}`)
      return reply(401, { code: '01', message: 'Unauthorized' });
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    if (body.brandname !== this.brandname) return reply(400, { code: '02', message: 'Brandname not registered' });
    if (typeof body.phone !== 'string' || !/^84\d{9}$/.test(body.phone))
      return reply(400, { code: '03', message: 'Invalid phone' });
    if (typeof body.message !== 'string' || body.message.length === 0)
      return reply(400, { code: '04', message: 'Empty message' });
    const saved = this.record({
      to: body.phone,
      text: body.message,
      details: { brandname: body.brandname, requestId: body.requestId },
    });
    return reply(200, { code: '00', messageId: saved.id });
  }
}

/** A delivery report as ZNS posts it to the OA's webhook (event `user_received_message`). */
export interface ZnsDeliveryEvent {
  event_name: 'user_received_message';
  app_id: string;
  timestamp: string;
  message: { msg_id: string; tracking_id: string; delivery_time: string };
}

/**
 * Zalo ZNS: `POST /v4/oa/access_token` (secret_key header; refresh_token grant) and
 * `POST /message/template` (access_token header). Each sent message is reported delivered to
 * `onDelivered` (the webhook), when one is set.
 */
export class ZaloSimulator extends SimulatedGateway {
  private readonly tokens = new Set<string>();
  private refreshToken: string;
  onDelivered: ((event: ZnsDeliveryEvent) => Promise<void>) | null = null;
  /** Zalo gives no order between its reply and the webhook: when set, the report comes first. */
  reportsBeforeReply = false;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly appId: string,
    private readonly secret: string,
    refreshToken: string,
  ) {
    super();
    this.refreshToken = refreshToken;
  }

  /** Resolves when the delivery callbacks fired so far have been handled. */
  settled(): Promise<unknown> {
    return this.pending;
  }

  async handle(request: Request): Promise<Response> {
    if (this.down) return reply(503, { error: -32, message: 'Service unavailable' });
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && path.endsWith('/v4/oa/access_token')) return this.grant(request);
    if (request.method === 'POST' && path.endsWith('/message/template')) return this.send(request);
    return reply(404, { error: -404 });
  }

  private async grant(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    if (request.headers.get('secret_key') !== this.secret || form.get('app_id') !== this.appId) {
      return reply(400, { error: -14002, error_name: 'Invalid app' });
    }
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken) {
      return reply(400, { error: -14014, error_name: 'Invalid refresh token' });
    }
    // The simulator keeps the same refresh token (a real OA rotates it; the adapter keeps the latest).
    const accessToken = randomUUID();
    this.tokens.add(accessToken);
    return reply(200, { access_token: accessToken, refresh_token: this.refreshToken, expires_in: '90000' });
  }

  private async send(request: Request): Promise<Response> {
    if (!this.tokens.has(request.headers.get('access_token') ?? ''))
      return reply(200, { error: -124, message: 'Access token is invalid' });
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof body.phone !== 'string' || !/^84\d{9}$/.test(body.phone))
      return reply(200, { error: -108, message: 'Phone number is invalid' });
    if (typeof body.template_id !== 'string' || typeof body.template_data !== 'object' || body.template_data === null) {
      return reply(200, { error: -1123, message: 'Template data is invalid' });
    }
    const data = body.template_data as Record<string, unknown>;
    const saved = this.record({
      to: body.phone,
      text: String(data.noi_dung ?? ''),
      details: { templateId: body.template_id, templateData: data, trackingId: body.tracking_id },
    });
    const callback = this.onDelivered;
    if (callback) {
      const event: ZnsDeliveryEvent = {
        event_name: 'user_received_message',
        app_id: this.appId,
        timestamp: String(Date.now()),
        message: { msg_id: saved.id, tracking_id: String(body.tracking_id ?? ''), delivery_time: String(Date.now()) },
      };
      const report = () =>
        callback(event).then(
          () => {
            saved.deliveredAt = new Date().toISOString();
          },
          () => {},
        );
      if (this.reportsBeforeReply) await report();
      else this.pending = this.pending.then(() => new Promise((r) => setImmediate(r))).then(report);
    }
    return reply(200, {
      error: 0,
      message: 'Success',
      data: { msg_id: saved.id, sent_time: String(Date.now()), quota: {} },
    });
  }
}

/** A Fetch that hands the request to a simulator in this process (no socket). */
export function simulatorFetch(handler: { handle(request: Request): Promise<Response> }): Fetch {
  return (url, init) => handler.handle(new Request(url, init));
}

/** The e-mail channel when no SMTP_URL is set: the messages are kept for /sim/mail/messages. */
export class MailSink extends SimulatedGateway implements ChannelAdapter {
  async send(m: { to: string; subject: string; body: string; id: string }) {
    if (this.down) throw new Error('mail sink down');
    return {
      providerId: this.record({ to: m.to, text: m.body, details: { subject: m.subject, trackingId: m.id } }).id,
    };
  }
}
