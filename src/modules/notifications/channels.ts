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

/**
 * Why a message waits or failed, as the administrator's delivery log shows it: a stable code
 * (for filters and alerts) and a Vietnamese sentence. `{peer}` names the provider, `{detail}` the
 * provider's own status or the network's error code.
 */
export const DELIVERY_REASONS = {
  NOTIFY_PEER_UNREACHABLE: 'Không kết nối được {peer} ({detail})',
  NOTIFY_PEER_UNAVAILABLE: '{peer} tạm thời không nhận tin (lỗi {detail})',
  NOTIFY_PEER_REFUSED: '{peer} từ chối tin nhắn (mã {detail})',
  NOTIFY_RECIPIENT_REJECTED: '{peer} từ chối địa chỉ người nhận',
  NOTIFY_PEER_AUTH_FAILED: 'Không lấy được mã truy cập của {peer} (lỗi {detail})',
  NOTIFY_SEND_FAILED: 'Gửi không thành công ({detail})',
  NOTIFY_OPTED_OUT: 'Người nhận đã tắt nhận thông báo qua kênh này',
} as const;
export type DeliveryReasonCode = keyof typeof DELIVERY_REASONS;

/** The providers, as named to the administrator. */
const PEER = {
  smtp: 'máy chủ thư (SMTP)',
  sms: 'cổng SMS thương hiệu',
  zns: 'Zalo ZNS',
  zaloOauth: 'máy chủ xác thực Zalo OA',
} as const;

/** The reason's sentence, with its blanks filled (a blank with nothing to say is left out). */
export function reasonText(code: DeliveryReasonCode, peer = '', detail = ''): string {
  const text = DELIVERY_REASONS[code].replace('{peer}', peer).replace('{detail}', detail.slice(0, 100));
  return text.replace(/ \((lỗi |mã )?\)/, '');
}

/** How a reason is stored in last_error: `CODE: câu tiếng Việt`; read back by splitReason. */
export const storedReason = (code: DeliveryReasonCode, text: string) => `${code}: ${text}`;

/** A stored reason's code and sentence (rows written before the codes: code null, text as stored). */
export function splitReason(stored: string | null): { code: string | null; text: string | null } {
  if (stored === null) return { code: null, text: null };
  const m = /^([A-Z][A-Z0-9_]+): ([\s\S]*)$/.exec(stored);
  return m ? { code: m[1]!, text: m[2]! } : { code: null, text: stored };
}

/** The network error's own code (ECONNREFUSED, ETIMEDOUT…) or the abort's name, never a text. */
function networkDetail(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'hết thời gian chờ';
  return 'lỗi mạng';
}

export class ChannelError extends Error {
  constructor(
    readonly code: DeliveryReasonCode,
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }

  static of(code: DeliveryReasonCode, peer: string, detail: string, permanent: boolean) {
    return new ChannelError(code, reasonText(code, peer, detail), permanent);
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
        if (info.rejected.length > 0) throw ChannelError.of('NOTIFY_RECIPIENT_REJECTED', PEER.smtp, '', true);
        return { providerId: info.messageId };
      } catch (error) {
        if (error instanceof ChannelError) throw error;
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx replies refuse the message for good (RFC 5321 §4.2.1); anything else is worth another try.
        if (code === undefined)
          throw ChannelError.of('NOTIFY_PEER_UNREACHABLE', PEER.smtp, networkDetail(error), false);
        if (code >= 500) throw ChannelError.of('NOTIFY_PEER_REFUSED', PEER.smtp, String(code), true);
        throw ChannelError.of('NOTIFY_PEER_UNAVAILABLE', PEER.smtp, String(code), false);
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

/** A provider's answer that is not "sent": a passing fault (5xx, 429) or a refusal of the message. */
function refusal(peer: string, response: Response, providerCode: unknown, permanent = !transient(response)) {
  const detail = [String(response.status), providerCode === undefined ? '' : String(providerCode)]
    .filter(Boolean)
    .join(' ');
  return ChannelError.of(permanent ? 'NOTIFY_PEER_REFUSED' : 'NOTIFY_PEER_UNAVAILABLE', peer, detail, permanent);
}

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
      }).catch((error: unknown) => {
        throw ChannelError.of('NOTIFY_PEER_UNREACHABLE', PEER.sms, networkDetail(error), false);
      });
      const answer = await json(response);
      if (response.ok && answer.code === '00') return { providerId: String(answer.messageId) };
      throw refusal(PEER.sms, response, answer.code);
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
    }).catch((error: unknown) => {
      throw ChannelError.of('NOTIFY_PEER_UNREACHABLE', PEER.zaloOauth, networkDetail(error), false);
    });
    const answer = await json(response);
    if (!response.ok || typeof answer.access_token !== 'string') {
      const detail = `${response.status}${answer.error === undefined ? '' : ` ${String(answer.error)}`}`;
      throw ChannelError.of('NOTIFY_PEER_AUTH_FAILED', PEER.zaloOauth, detail, false);
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
    }).catch((error: unknown) => {
      throw ChannelError.of('NOTIFY_PEER_UNREACHABLE', PEER.zns, networkDetail(error), false);
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
      throw refusal(PEER.zns, response, answer.error, response.ok || !transient(response));
    },
  };
}
