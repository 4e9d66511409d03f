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
  const status = spec?.status ?? 500;
  if (status >= 500 || !spec || isResponseSerializationError(err)) {
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
