/**
 * The external channels behind one interface. Each adapter speaks its provider's protocol:
 * SMTP (nodemailer) for e-mail, a brandname-SMS gateway's HTTP API, and the Zalo Notification
 * Service's template-message API (OAuth access token from the OA's refresh token, template id,
 * phone, template data, tracking id). An adapter throws ChannelError: `permanent` when the
 * provider refused the message itself (bad number, unknown template) — retrying cannot help —
 * otherwise the delivery task retries with backoff. Nothing here logs an address or a text.
 */
import nodemailer from 'nodemailer';
import type { ExternalChannel } from './notifications.tables.js';

export interface OutgoingMessage {
  /** The delivery log row's id: the tracking id the provider echoes back. */
  id: string;
  to: string;
  subject: string;
  body: string;
  /** Dossier or feedback code, when the message is about one (Zalo's template parameter). */
  code: string | null;
}

export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
  close?(): Promise<void>;
}

export type Channels = Record<ExternalChannel, ChannelAdapter>;

export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The longest a provider may take to answer one message (connect, greeting, reply). A hung
 * provider must not hold the delivery task: past this the message waits for its next try.
 */
export const PROVIDER_TIMEOUT_MS = 15_000;

/** E-mail over SMTP (`smtp://host:port`), plain text, UTF-8. */
export function smtpChannel(url: string, from: string): ChannelAdapter {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: PROVIDER_TIMEOUT_MS,
    greetingTimeout: PROVIDER_TIMEOUT_MS,
    socketTimeout: PROVIDER_TIMEOUT_MS,
  });
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
        if (info.rejected.length > 0) throw new ChannelError('SMTP: recipient rejected', true);
        return { providerId: info.messageId };
      } catch (error) {
        if (error instanceof ChannelError) throw error;
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx replies refuse the message for good (RFC 5321 §4.2.1); anything else is worth another try.
        throw new ChannelError(`SMTP: ${(error as Error).message.slice(0, 200)}`, code !== undefined && code >= 500);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** Vietnamese mobile numbers in international form without '+' (as the gateways and ZNS take them). */
export function internationalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

async function json(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const transient = (response: Response) => response.status >= 500 || response.status === 429;

/**
 * A brandname-SMS gateway: `POST <base>/send` with a Bearer API key and
 * `{brandname, phone, message, requestId}`; `{code: "00", messageId}` means accepted.
 */
export function smsGatewayChannel(base: string, apiKey: string, brandname: string, fetch: Fetch): ChannelAdapter {
  return {
    async send(m) {
      const response = await fetch(`${base.replace(/\/$/, '')}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ brandname, phone: internationalPhone(m.to), message: m.body, requestId: m.id }),
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      }).catch((error: Error) => {
        throw new ChannelError(`SMS gateway unreachable: ${error.message}`, false);
      });
      const answer = await json(response);
      if (response.ok && answer.code === '00') return { providerId: String(answer.messageId) };
      throw new ChannelError(`SMS gateway: ${response.status} ${String(answer.code ?? '')}`, !transient(response));
    },
  };
}

export interface ZaloSettings {
  znsBase: string;
  oauthBase: string;
  appId: string;
  secret: string;
  refreshToken: string;
  templateId: string;
}

/** Zalo's "access token expired/invalid" errors: refresh and try once more. */
const ZALO_TOKEN_ERRORS = new Set([-124, -216]);

/**
 * Zalo Notification Service: the access token comes from `POST <oauth>/v4/oa/access_token`
 * (`secret_key` header; app_id, grant_type=refresh_token, refresh_token — each answer carries the
 * next refresh token), the message goes to `POST <zns>/message/template` with the `access_token`
 * header and `{phone, template_id, template_data, tracking_id}`; `error: 0` and `data.msg_id` mean sent.
 */
export function zaloChannel(settings: ZaloSettings, fetch: Fetch): ChannelAdapter {
  let accessToken: { value: string; expiresAt: number } | null = null;
  let refreshToken = settings.refreshToken;
  const token = async (): Promise<string> => {
    if (accessToken && accessToken.expiresAt > Date.now()) return accessToken.value;
    const response = await fetch(`${settings.oauthBase.replace(/\/$/, '')}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: settings.secret },
      body: new URLSearchParams({
        app_id: settings.appId,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }).toString(),
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    }).catch((error: Error) => {
      throw new ChannelError(`Zalo OAuth unreachable: ${error.message}`, false);
    });
    const answer = await json(response);
    if (!response.ok || typeof answer.access_token !== 'string') {
      throw new ChannelError(`Zalo OAuth: ${response.status} ${String(answer.error ?? '')}`, false);
    }
    if (typeof answer.refresh_token === 'string') refreshToken = answer.refresh_token;
    const seconds = Number(answer.expires_in ?? 3600);
    accessToken = { value: answer.access_token, expiresAt: Date.now() + Math.max(60, seconds - 60) * 1000 };
    return accessToken.value;
  };
  const post = async (m: OutgoingMessage) => {
    const response = await fetch(`${settings.znsBase.replace(/\/$/, '')}/message/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: await token() },
      body: JSON.stringify({
        phone: internationalPhone(m.to),
        template_id: settings.templateId,
        template_data: { tieu_de: m.subject.slice(0, 100), noi_dung: m.body.slice(0, 400), ma_ho_so: m.code ?? '' },
        tracking_id: m.id,
      }),
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    }).catch((error: Error) => {
      throw new ChannelError(`Zalo ZNS unreachable: ${error.message}`, false);
    });
    return { response, answer: await json(response) };
  };
  return {
    async send(m) {
      let { response, answer } = await post(m);
      if (ZALO_TOKEN_ERRORS.has(Number(answer.error))) {
        accessToken = null;
        ({ response, answer } = await post(m));
      }
      const data = answer.data as { msg_id?: string } | undefined;
      if (response.ok && Number(answer.error) === 0 && data?.msg_id) return { providerId: data.msg_id };
      throw new ChannelError(
        `Zalo ZNS: ${response.status} ${String(answer.error ?? '')}`,
        response.ok || !transient(response),
      );
    },
  };
}
