/**
 * The only reader of process.env. Everything configurable is parsed and validated here once,
 * so a typo in a variable fails at start with a clear message instead of deep in a request.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_WORKING_PERIODS, parseWorkingPeriods } from './working-periods.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The simulator's shared key for development and tests; refused in production. */
const DEVELOPMENT_PAYMENT_SECRET = 'motcua-paygov-simulator-shared-secret-0001';

/** The national portal simulator's account for development and tests; refused in production. */
const DEVELOPMENT_PORTAL_USERNAME = 'motcua-dvcqg-sim';
const DEVELOPMENT_PORTAL_PASSWORD = 'motcua-dvcqg-simulator-0001';

/** The national data-sharing platform simulator's client for development and tests; refused in production. */
const DEVELOPMENT_DATA_CLIENT_ID = 'motcua-ndxp-sim';
const DEVELOPMENT_DATA_CLIENT_SECRET = 'motcua-ndxp-simulator-secret-0001';
const DEVELOPMENT_REPORTING_TOKEN = 'motcua-baocao-simulator-token-0001';

/** The SMS and Zalo simulators' credentials for development and tests; refused in production. */
const DEVELOPMENT_SMS_API_KEY = 'motcua-sms-simulator-key-0001';
const DEVELOPMENT_ZALO_APP_ID = 'motcua-zalo-sim';
const DEVELOPMENT_ZALO_SECRET = 'motcua-zalo-simulator-secret-0001';
const DEVELOPMENT_ZALO_REFRESH_TOKEN = 'motcua-zalo-simulator-refresh-0001';
/** The VNeID simulator's registered client for development and tests; refused in production. */
const DEVELOPMENT_OIDC_CLIENT_ID = 'motcua-portal';
const DEVELOPMENT_OIDC_CLIENT_SECRET = 'motcua-vneid-simulator-secret-0001';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    /** Public base URL, used for links and QR codes; https:// makes cookies Secure. */
    PUBLIC_URL: z.string().url().optional(),
    /** Embedded PGlite directory (ignored when DATABASE_URL is set). */
    DATA_DIR: z.string().default('./data'),
    /** postgres://… switches from PGlite to a PostgreSQL server. */
    DATABASE_URL: z.string().optional(),
    /**
     * Connections each API process keeps to PostgreSQL. A request holds one only for its
     * transaction, so this bounds concurrent transactions per process; n processes × this must stay
     * under the server's max_connections (docs/ARCHITECTURE.md "Processes and the pool").
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * API processes `npm start` runs on PORT (node:cluster; PostgreSQL only — PGlite lives inside
     * one process). One per core is the usual choice.
     */
    API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    /**
     * Demo data on first start (an empty database): `living` — the province, its accounts and three
     * months of dossiers made through the services (default outside production; `true` means it);
     * `minimal` — the province, accounts, catalog and workflows only (what the tests use);
     * `false` — nothing (default in production).
     */
    SEED_DEMO: z
      .enum(['living', 'minimal', 'true', 'false', '1', '0', 'yes', 'no'])
      .transform((v) => (v === 'minimal' ? 'minimal' : ['living', 'true', '1', 'yes'].includes(v) ? 'living' : false))
      .optional(),
    DEMO_PASSWORD: z.string().min(8).default('motcua-demo'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Sessions end after this much inactivity, and in any case after SESSION_MAX_HOURS. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
    SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
    /**
     * Sign-in throttling (identity/throttle.rules.ts): wrong passwords free of delay per account and
     * address, and per address; then the wait doubles up to LOGIN_MAX_DELAY_MINUTES. An account
     * refuses addresses it has not signed in from after LOGIN_ACCOUNT_LIMIT consecutive failures.
     * A failure counts for LOGIN_WINDOW_HOURS.
     */
    LOGIN_FREE_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_FREE_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
    LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().positive().max(100).default(100),
    LOGIN_MAX_DELAY_MINUTES: z.coerce.number().int().positive().default(15),
    LOGIN_WINDOW_HOURS: z.coerce.number().int().positive().default(24),
    /** Public dossier lookups (tra cứu hồ sơ, no login) allowed per client IP per minute, per API process. */
    PUBLIC_LOOKUP_RATE_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(30),
    /**
     * The day of the month (Vietnam time) the list of late agencies and officials and the month's
     * Decision-766 index are published on the portal (seed 002: "Ngày 05 hàng tháng"); 1–28.
     */
    PUBLIC_LATE_LIST_DAY: z.coerce.number().int().min(1).max(28).default(5),
    /** scrypt cost (log2 N). 15 = 32 MiB per hash; tests may lower it. */
    PASSWORD_SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
    /** Trust X-Forwarded-For from a load balancer in front of the API processes. */
    TRUST_PROXY: bool.default(false),
    /**
     * Office hours (giờ làm việc), Vietnam time (UTC+7): "HH:MM-HH:MM,…", in order. Every deadline
     * counts working time inside these periods on working days.
     */
    WORKING_PERIODS: z
      .string()
      .default(DEFAULT_WORKING_PERIODS)
      .transform((text, ctx) => {
        const parsed = parseWorkingPeriods(text);
        if ('error' in parsed) {
          ctx.addIssue({ code: 'custom', message: parsed.error });
          return z.NEVER;
        }
        return parsed.periods;
      }),
    /**
     * Sắp đến hạn: an unfinished dossier due within this many working days is "due soon" and, if it
     * will be late, needs its apology letter (mẫu 04) now. Halves allowed.
     */
    DUE_SOON_WORKING_DAYS: z.coerce.number().min(0).max(30).multipleOf(0.5).default(1),
    /**
     * Phản ánh, kiến nghị time limits in working days (docs/domain/DOMAIN.md §6, marked "verify"): refuse from
     * receipt, first supplement request from receipt, answer from receipt, publish from the answer.
     */
    FEEDBACK_REFUSE_WORKING_DAYS: z.coerce.number().min(0.5).max(60).multipleOf(0.5).default(2),
    FEEDBACK_SUPPLEMENT_WORKING_DAYS: z.coerce.number().min(0.5).max(60).multipleOf(0.5).default(5),
    FEEDBACK_ANSWER_WORKING_DAYS: z.coerce.number().min(0.5).max(120).multipleOf(0.5).default(15),
    FEEDBACK_PUBLISH_WORKING_DAYS: z.coerce.number().min(0.5).max(60).multipleOf(0.5).default(2),
    /**
     * Notifications (notifications module). E-mail goes over SMTP to SMTP_URL (`smtp://host:port`,
     * `smtps://user:pass@host:465`); unset = an in-process mail sink listed at /sim/mail/messages.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/./, 'smtp://host:port')
      .optional(),
    /** The From: of notification e-mails. */
    MAIL_FROM: z.string().min(3).max(200).default('MotCua <khong-tra-loi@motcua.local>'),
    /** The brandname-SMS gateway's base URL (POST <base>/send); unset = the simulator under /sim/sms/. */
    SMS_GATEWAY_URL: z.string().url().optional(),
    /** The gateway account's API key (sent as a Bearer token). */
    SMS_GATEWAY_API_KEY: z.string().min(8).max(500).default(DEVELOPMENT_SMS_API_KEY),
    /** The registered brandname the SMS is sent under. */
    SMS_BRANDNAME: z.string().min(1).max(11).default('MOTCUA'),
    /** Zalo ZNS: the OpenAPI base (`<base>/message/template`); unset = the simulator under /sim/zalo/. */
    ZALO_ZNS_URL: z.string().url().optional(),
    /** Zalo OAuth base (`<base>/v4/oa/access_token`); unset = the simulator. */
    ZALO_OAUTH_URL: z.string().url().optional(),
    ZALO_APP_ID: z.string().min(1).max(100).default(DEVELOPMENT_ZALO_APP_ID),
    ZALO_APP_SECRET: z.string().min(8).max(500).default(DEVELOPMENT_ZALO_SECRET),
    /** The long-lived OAuth refresh token of the Official Account (exchanged for access tokens). */
    ZALO_REFRESH_TOKEN: z.string().min(8).max(2000).default(DEVELOPMENT_ZALO_REFRESH_TOKEN),
    /** The approved ZNS template (params tieu_de, noi_dung, ma_ho_so) every notification is sent with. */
    ZALO_TEMPLATE_ID: z.string().min(1).max(50).default('300001'),
    /** Non-urgent messages created in these Vietnam-time hours wait until the end (HH:MM-HH:MM; empty = none). */
    NOTIFY_QUIET_HOURS: z
      .string()
      .regex(/^$|^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM-HH:MM')
      .default('21:00-07:00'),
    /** Messages sent per channel and minute at most (`email=600,sms=60,zalo=120`); the rest wait. */
    NOTIFY_RATE_PER_MINUTE: z
      .string()
      .regex(/^(email|sms|zalo)=\d{1,6}(,(email|sms|zalo)=\d{1,6})*$/, 'email=600,sms=60,zalo=120')
      .default('email=600,sms=60,zalo=120'),
    /** Tries of one message before it is marked failed for the administrator (backoff 30 s doubling, ≤ 1 h). */
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    /** The officials' daily worklist digest, Vietnam time, on working days. */
    NOTIFY_DIGEST_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
      .default('07:30'),
    /** Appointments: reminders go out this many hours before the slot (queue module). */
    QUEUE_REMINDER_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    /** Minutes after a slot's end before an appointment never checked in counts as a no-show. */
    QUEUE_NO_SHOW_GRACE_MINUTES: z.coerce.number().int().min(0).max(240).default(15),
    /** Kiosk check-ins (public, no login) per client address and minute. */
    QUEUE_CHECKIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
    /** HMAC key of the rating links sent in notifications (≥ 32 characters); unset = no rating links. */
    RATING_LINK_SECRET: z.string().min(32).optional(),
    /** How long a rating link stays valid, in days. */
    RATING_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * Online payment of fees (payments module): `simulator` is the local stand-in for the national
     * payment platform (Nền tảng thanh toán trên Cổng DVCQG), served under /sim/paygov/.
     */
    PAYMENT_PROVIDER: z.enum(['simulator']).default('simulator'),
    /** HMAC-SHA256 key shared with the payment platform (≥ 32 characters). */
    PAYMENT_SECRET: z.string().min(32).default(DEVELOPMENT_PAYMENT_SECRET),
    /** Our merchant code (mã đơn vị thụ hưởng) at the payment platform. */
    PAYMENT_MERCHANT_CODE: z.string().min(1).max(50).default('MOTCUA'),
    /**
     * The payment platform's merchant API base URL (e.g. another MotCua's
     * `http://host:port/sim/paygov`): our adapter posts its signed messages there over HTTP. Unset =
     * the simulator in this process, called directly.
     */
    PAYMENT_PLATFORM_URL: z.string().url().optional(),
    /** Milliseconds the payment platform may take to answer one request before it counts as unavailable. */
    PAYMENT_PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Minutes an online payment's order stays payable (the protocol's expireDate); then it expires. */
    PAYMENT_EXPIRY_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(24 * 60),
    /**
     * Dossier sync to the national public service portal (Cổng DVCQG, national-portal module): the
     * portal's (or its adapter's) base URL, with `<base>/auth` and `<base>/integration`. Unset = the
     * in-process simulator, served under /sim/dvcqg/.
     */
    NATIONAL_PORTAL_URL: z.string().url().optional(),
    NATIONAL_PORTAL_USERNAME: z.string().min(1).max(200).default(DEVELOPMENT_PORTAL_USERNAME),
    NATIONAL_PORTAL_PASSWORD: z.string().min(8).max(200).default(DEVELOPMENT_PORTAL_PASSWORD),
    /** Push dossiers to the portal (the periodic task national-portal.sync). Default: on, except in production. */
    NATIONAL_PORTAL_SYNC_ENABLED: bool.optional(),
    /**
     * The national data-sharing platform (NDXP/LGSP, national-data module): population database
     * lookups at intake and the national data store. Its base URL and OAuth2 client; unset = the
     * in-process simulator under /sim/ndxp/ (outside production; in production, no platform).
     */
    NATIONAL_DATA_URL: z.string().url().optional(),
    NATIONAL_DATA_CLIENT_ID: z.string().min(1).max(200).default(DEVELOPMENT_DATA_CLIENT_ID),
    NATIONAL_DATA_CLIENT_SECRET: z.string().min(16).max(500).default(DEVELOPMENT_DATA_CLIENT_SECRET),
    /**
     * The Government's reporting information system (Decree 09/2019/NĐ-CP; reports module): its
     * base URL (`POST <base>/api/v1/bao-cao`, reports/baocao-protocol.ts) and our bearer token.
     * Unset = the in-process simulator under /sim/baocao/ (outside production; in production, reports
     * are signed but wait undelivered until a URL is set).
     */
    REPORTING_SYSTEM_URL: z.string().url().optional(),
    REPORTING_SYSTEM_TOKEN: z.string().min(16).max(500).default(DEVELOPMENT_REPORTING_TOKEN),
    /**
     * Sign-in through OpenID Connect (oidc module). OIDC_ISSUER unset = the in-process VNeID-style
     * simulator at <public URL>/sim/vneid (outside production; in production, OIDC sign-in is off
     * unless an issuer is set). The client is registered at the provider with OIDC_REDIRECT_URL
     * (default <public URL>/api/auth/oidc/callback).
     */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(200).default(DEVELOPMENT_OIDC_CLIENT_ID),
    OIDC_CLIENT_SECRET: z.string().min(16).max(500).default(DEVELOPMENT_OIDC_CLIENT_SECRET),
    OIDC_REDIRECT_URL: z.string().url().optional(),
    /** The button's label on the login page (the provider's name). */
    OIDC_PROVIDER_NAME: z.string().min(1).max(100).default('VNeID'),
    /** The claim that carries the 12-digit personal identifier (accounts are linked by it only). */
    OIDC_PERSONAL_ID_CLAIM: z.string().min(1).max(100).default('so_dinh_danh'),
    /** The `acr` values that mean a level-2 (in-person verified) identity; anything else is level 1. */
    OIDC_LEVEL2_ACR: z
      .string()
      .default('urn:vneid:loa:2')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    /**
     * The `acr_values` asked of the provider (space-separated, most wanted first): the provider puts
     * the level it verified in the ID token's `acr`. Empty = ask for none (the provider's default).
     */
    OIDC_ACR_VALUES: z.string().max(500).default('urn:vneid:loa:2 urn:vneid:loa:1'),
    /** Staff may sign in through the provider too (their roles are still granted in MotCua). */
    OIDC_STAFF_ENABLED: bool.default(false),
    /** A province can switch password sign-in off for citizens (staff keep it). */
    CITIZEN_PASSWORD_LOGIN: bool.default(true),
    /**
     * The remote-signing service's API base URL (ký số từ xa; signing/remote-signing-http.ts), e.g.
     * another MotCua's `http://host:port/sim/remote-signing`. Unset = the simulator in this process
     * (outside production; in production, no remote signing). The signers' certificates must chain
     * to this process's trust list: for another MotCua's simulator, share MOTCUA_KEYS_DIR (its demo CA).
     */
    REMOTE_SIGNING_URL: z.string().url().optional(),
    /** Milliseconds the remote-signing service may take to answer one request before it counts as unavailable. */
    REMOTE_SIGNING_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /**
     * Private keys and the demo CA's state (src/modules/signing/key-files.ts): outside DATA_DIR and
     * FILES_DIR, 0700/0600. Default: ~/.local/state/motcua/keys.
     */
    MOTCUA_KEYS_DIR: z.string().min(1).optional(),
    /** Where uploaded files live: `local` (FILES_DIR) or `s3` (S3-compatible object storage). */
    FILE_STORAGE: z.enum(['local', 's3']).default('local'),
    /** Directory for FILE_STORAGE=local (content-addressed, sharded `ab/cd/<sha256>`). */
    // Beside, not inside, DATA_DIR: that directory is PGlite's own data directory.
    FILES_DIR: z.string().min(1).default('./files'),
    /** S3-compatible endpoint, e.g. http://minio:9000 (default: AWS S3 of S3_REGION). */
    S3_ENDPOINT: z.string().url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** `endpoint/bucket/key` addressing (MinIO, most on-premises stores) instead of `bucket.endpoint/key`. */
    S3_FORCE_PATH_STYLE: bool.default(false),
    /**
     * Periodic tasks (reminders, no-shows; src/modules/jobs): run them in this process. Every
     * process may: a due run goes to one of them. Off in the test app unless a test turns it on.
     */
    JOBS_ENABLED: bool.default(true),
    /** How often a process looks for a due periodic task, in seconds. */
    JOBS_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Largest accepted upload, in MiB. */
    MAX_UPLOAD_MB: z.coerce.number().int().positive().max(1024).default(20),
  })
  .superRefine((env, ctx) => {
    if (env.API_PROCESSES > 1 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['API_PROCESSES'],
        message: 'needs DATABASE_URL: the embedded database (PGlite) lives inside one process',
      });
    }
    // The development key is public (it is in this file): payments signed with it prove nothing.
    if (env.NODE_ENV === 'production' && env.PAYMENT_SECRET === DEVELOPMENT_PAYMENT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYMENT_SECRET'],
        message: 'must be set (not the development key) when NODE_ENV=production',
      });
    }
    // Production reads citizens' data only with its own client: the simulator's is public.
    if (
      env.NODE_ENV === 'production' &&
      env.NATIONAL_DATA_URL &&
      (env.NATIONAL_DATA_CLIENT_ID === DEVELOPMENT_DATA_CLIENT_ID ||
        env.NATIONAL_DATA_CLIENT_SECRET === DEVELOPMENT_DATA_CLIENT_SECRET)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['NATIONAL_DATA_CLIENT_SECRET'],
        message: 'must be set (not the simulator client) when NATIONAL_DATA_URL is set in production',
      });
    }
    // Statutory reports reach the real reporting system only with our own token: the simulator's is public.
    if (
      env.NODE_ENV === 'production' &&
      env.REPORTING_SYSTEM_URL &&
      env.REPORTING_SYSTEM_TOKEN === DEVELOPMENT_REPORTING_TOKEN
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['REPORTING_SYSTEM_TOKEN'],
        message: 'must be set when REPORTING_SYSTEM_URL is set in production',
      });
    }
    // A real gateway is used only with its own credentials: the simulators' are public.
    if (env.NODE_ENV === 'production' && env.SMS_GATEWAY_URL && env.SMS_GATEWAY_API_KEY === DEVELOPMENT_SMS_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_GATEWAY_API_KEY'],
        message: 'must be set when SMS_GATEWAY_URL is set in production',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      env.ZALO_ZNS_URL &&
      (env.ZALO_APP_SECRET === DEVELOPMENT_ZALO_SECRET || env.ZALO_REFRESH_TOKEN === DEVELOPMENT_ZALO_REFRESH_TOKEN)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_APP_SECRET'],
        message: 'must be set when ZALO_ZNS_URL is set in production',
      });
    }
    // Production syncs only to a named portal with its own account: the simulator's is public.
    if (env.NODE_ENV === 'production' && env.NATIONAL_PORTAL_SYNC_ENABLED) {
      if (!env.NATIONAL_PORTAL_URL)
        ctx.addIssue({
          code: 'custom',
          path: ['NATIONAL_PORTAL_URL'],
          message: 'must be set when NATIONAL_PORTAL_SYNC_ENABLED in production (not the simulator)',
        });
      if (
        env.NATIONAL_PORTAL_USERNAME === DEVELOPMENT_PORTAL_USERNAME ||
        env.NATIONAL_PORTAL_PASSWORD === DEVELOPMENT_PORTAL_PASSWORD
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['NATIONAL_PORTAL_PASSWORD'],
          message: 'must be set (not the simulator account) when NATIONAL_PORTAL_SYNC_ENABLED in production',
        });
      }
    }
    // A real provider with the simulator's public client secret would let anyone mint sign-ins.
    if (env.NODE_ENV === 'production' && env.OIDC_ISSUER && env.OIDC_CLIENT_SECRET === DEVELOPMENT_OIDC_CLIENT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_CLIENT_SECRET'],
        message: 'must be set (not the simulator client) when OIDC_ISSUER is set in production',
      });
    }
    if (env.FILE_STORAGE !== 's3') return;
    for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when FILE_STORAGE=s3` });
    }
  })
  .transform((env) => ({
    ...env,
    SEED_DEMO: env.SEED_DEMO ?? (env.NODE_ENV === 'production' ? false : ('living' as const)),
    NATIONAL_PORTAL_SYNC_ENABLED: env.NATIONAL_PORTAL_SYNC_ENABLED ?? env.NODE_ENV !== 'production',
  }));

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ (invalid environment):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The version in package.json; src/kernel and dist/kernel are both two levels below it. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
