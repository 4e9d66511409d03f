/**
 * Kiểm tra văn bản điện tử: anyone holding a result PDF (a citizen, a bank, another agency) asks
 * what its signatures are worth — the same validation as every PDF entering MotCua (verify.ts:
 * integrity, trust chain, the certificate's validity and revocation at the signing time, OCSP
 * first then the CRL, the RFC 3161 time, coverage). Nothing is stored; rate-limited per IP.
 */
import { z } from 'zod';
import type { App, Deps } from '../../kernel/http.js';
import { FixedWindowLimiter, rateLimitHook } from '../../kernel/rate-limit.js';
import { errorResponses } from '../../kernel/schemas.js';
import { ValidationReportSchema } from './signing.schema.js';
import { verifyHeldPdf } from './verification.service.js';

const SignatureVerification = z
  .object({
    sha256: z.string().describe('Of the file checked'),
    size: z.number().int(),
    report: ValidationReportSchema,
  })
  .meta({ id: 'SignatureVerification' });

export function verificationRoutes(app: App, { services, env, clock }: Deps): void {
  const limiter = new FixedWindowLimiter({ limit: env.PUBLIC_LOOKUP_RATE_PER_MINUTE, windowMs: 60_000 });
  const maxBytes = env.MAX_UPLOAD_MB * 1024 * 1024;
  app.register(async (scope) => {
    scope.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: maxBytes }, (_r, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/public/signature-verifications',
      {
        config: { access: { public: 'anyone may check the signatures of a PDF they hold; nothing is stored' } },
        onRequest: rateLimitHook(limiter),
        schema: {
          tags: ['Tra cứu công khai (public)'],
          summary: 'Kiểm tra chữ ký số của văn bản điện tử (PDF in the body, Content-Type: application/pdf)',
          description:
            'The validation report of each signature: signer, role (official or agency seal), signing time (RFC 3161), ' +
            'the certificate’s validity at that time, its revocation (OCSP first, then the CRL), the chain to the trust ' +
            'list and the integrity of the signed bytes; and for the file, whether anything was added that no signature ' +
            'covers. Not a PDF → 415 SIGNATURE_VERIFICATION_NOT_PDF. Nothing is stored.',
          consumes: ['application/pdf'],
          response: { 200: SignatureVerification, ...errorResponses(400, 413, 415, 429) },
        },
      },
      async (request) => verifyHeldPdf(services.trust, request.body, clock.now()),
    );
  });
}
