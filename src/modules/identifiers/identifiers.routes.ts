/**
 * Đọc mã QR trên thẻ căn cước gắn chip at the counter: the scanner's text in, the applicant
 * fields out (chip-qr.rules.ts does the work). A server route rather than browser code so one
 * parser, with its tests, decides what a card says.
 *
 * The text and the answer are personal data: nothing here is logged (the request log keeps only
 * method and path, and a malformed card is answered directly, never through the error log).
 */
import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IsoDate } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { parseChipQr } from './chip-qr.rules.js';

const ChipQrBody = z.object({
  // Empty text is the parser's to refuse (CHIP_QR_EMPTY), so its code reaches the officer.
  text: z.string().max(2000).describe('The QR text as the scanner typed it: 7 fields separated by "|"'),
});

const ChipQrApplicant = z
  .object({
    idNumber: z.string().describe('Số định danh cá nhân (12 digits)'),
    oldIdNumber: z.string().optional().describe('Số CMND cũ, when the card shows one'),
    fullName: z.string(),
    dateOfBirth: IsoDate,
    gender: z.enum(['male', 'female']),
    address: z.string().describe('Nơi thường trú'),
    issuedOn: IsoDate,
    warnings: z
      .array(z.object({ code: z.string(), message: z.string() }))
      .describe('Soft findings to show the officer, e.g. the id disagrees with the birth year'),
  })
  .meta({ id: 'ChipQrApplicant' });

export function identifierRoutes(app: App, _deps: Deps): void {
  app.post(
    '/api/identifiers/chip-qr',
    {
      config: { access: { action: 'dossier.receive', scope: 'anywhere' } },
      schema: {
        tags: ['Định danh (identifiers)'],
        summary: 'Read the chip identity card’s QR text into applicant fields (one-stop and postal officers)',
        description:
          'A malformed text is answered 422 with the parser’s stable code (CHIP_QR_PART_COUNT, CHIP_QR_DATE_INVALID, ' +
          'PERSONAL_ID_LENGTH, …), a Vietnamese message naming the bad field, and details.field.',
        body: ChipQrBody,
        response: { 200: ChipQrApplicant, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      authorize(requireActor(request), 'dossier.receive');
      const parsed = parseChipQr(request.body.text);
      if (!parsed.ok) {
        // The parser's codes are the stable ones (not entries of the app's error table), so the
        // refusal is sent here in the shared error shape; the typed reply only knows the 200 body.
        const { code, message, field } = parsed.error;
        return reply.status(422 as never).send({ error: { code, message, details: { field } } } as never);
      }
      const { sex, oldIdNumber, ...card } = parsed.value;
      return { ...card, ...(oldIdNumber ? { oldIdNumber } : {}), gender: sex, warnings: parsed.warnings };
    },
  );
}
