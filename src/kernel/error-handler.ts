import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorSpec } from './errors.js';

/** PostgreSQL error codes that mean bad input or a race, never a server fault. */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT', // unique_violation
  '23503': 'UNPROCESSABLE', // foreign_key_violation
  '23514': 'UNPROCESSABLE', // check_violation
  '22P02': 'VALIDATION_FAILED', // invalid_text_representation
  '22003': 'VALIDATION_FAILED', // numeric_value_out_of_range (a number past an integer column)
  '22007': 'VALIDATION_FAILED', // invalid_datetime_format
  '22008': 'VALIDATION_FAILED', // datetime_field_overflow
  '22021': 'VALIDATION_FAILED', // character_not_in_repertoire (a NUL byte in text)
  '22P05': 'VALIDATION_FAILED', // untranslatable_character (a NUL escape in jsonb)
  '40001': 'CONFLICT', // serialization_failure
};

/**
 * The database cannot be reached (restarting, failed over, out of connections): the request did
 * not fail for what it asked, so it answers 503 and may be retried. PostgreSQL's codes for the
 * server going away, the socket errors of a connection refused or cut, and the messages of the
 * pg driver's own code-less errors for a connection that ended.
 */
const UNAVAILABLE_PG_CODES = new Set([
  '57P01', // admin_shutdown (the server is stopping)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

/**
 * The error and its causes (Drizzle wraps the driver's error; an AggregateError holds one per
 * address tried). Not the cause of a failed `fetch`: a peer refusing a connection (object storage,
 * a national platform) is that peer's outage, not the database's.
 */
function* errorChain(err: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (!err || typeof err !== 'object' || depth > 5) return;
  if (err instanceof TypeError && err.message === 'fetch failed') return;
  yield err as { code?: unknown; message?: unknown };
  yield* errorChain((err as { cause?: unknown }).cause, depth + 1);
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const e of inner) yield* errorChain(e, depth + 1);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of errorChain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_PG_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

/** Fastify's own errors for malformed requests. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

function classify(err: FastifyError & { cause?: unknown }): { code: ErrorCode; details?: unknown; message?: string } {
  if (err instanceof AppError) return { code: err.code, details: err.details, message: err.customMessage };
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      code: 'VALIDATION_FAILED',
      details: err.validation.map((v) => ({
        in: err.validationContext,
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      })),
    };
  }
  const fastifyCode = FASTIFY_CODES[err.code];
  if (fastifyCode) return { code: fastifyCode };
  if (isDatabaseUnavailable(err)) return { code: 'DATABASE_UNAVAILABLE' };
  // Drizzle wraps driver errors; the PostgreSQL code is on the cause.
  const dbError = (err.cause ?? err) as { code?: string; constraint?: string };
  const mapped = PG_CODES[dbError.code ?? ''];
  if (mapped) return { code: mapped, details: { constraint: dbError.constraint } };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return {
      code: err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 405 ? 'METHOD_NOT_ALLOWED' : 'VALIDATION_FAILED',
    };
  }
  return { code: 'INTERNAL' };
}

/** One error shape for every failure: {"error":{"code","message","details"}}. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const classified = classify(err);
  // A code no module registered is a programming error: it leaves as INTERNAL, logged.
  const spec = errorSpec(classified.code);
  const { code, details, message } = spec
    ? classified
    : { code: 'INTERNAL' as const, details: undefined, message: undefined };
  const status = spec ? (err instanceof AppError ? err.status : spec.status) : 500;
  if (code === 'DATABASE_UNAVAILABLE') {
    // An outage, not a fault of this request: one warning each, with the driver's reason.
    request.log.warn(
      { code, reason: (err.cause as Error | undefined)?.message ?? err.message },
      'database unavailable',
    );
    reply.header('Retry-After', '5');
  } else if (status >= 500 || !spec || isResponseSerializationError(err)) {
    request.log.error({ err }, 'request failed');
  } else {
    request.log.info({ code }, 'request refused');
  }
  // Every refusal for too many requests (LOGIN_THROTTLED, RATE_LIMITED) says when to come back.
  if (status === 429 && details && typeof details === 'object' && 'retryAfterSeconds' in details) {
    reply.header('Retry-After', String(details.retryAfterSeconds));
  }
  return reply.status(status).send({ error: { code, message: message ?? errorSpec(code)!.message, details } });
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a header over the 16 KiB limit, a
 * malformed request line) gets the same error shape, written straight to the socket: the parser
 * gives no request to reply on. Used as Fastify's `clientErrorHandler`.
 */
export function clientErrorResponse(err: Error & { code?: string }): string {
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'VALIDATION_FAILED';
  const { status, message } = errorSpec(code)!;
  const body = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
