import { z } from 'zod';

const status = z.enum(['valid', 'invalid', 'indeterminate']);

export const SignatureValidationSchema = z
  .object({
    field: z.string().nullable().describe('The signature field name'),
    signer: z.string().nullable().describe("The signer certificate's common name"),
    organization: z.string().nullable(),
    certificateSerial: z.string().nullable().describe('Hex'),
    signedAt: z.string().nullable().describe('The timestamp time (ISO 8601), else the check time'),
    timestamped: z.boolean().describe('Carries an RFC 3161 signature timestamp (PAdES-B-T)'),
    coversUpTo: z.number().int().describe('The byte offset up to which the signature covers the file'),
    status,
    code: z.string().nullable().describe('Why not valid (stable code)'),
    reason: z.string().nullable().describe('Why not valid (Vietnamese)'),
  })
  .meta({ id: 'SignatureValidation' });

export const ValidationReportSchema = z
  .object({
    status: z.enum(['unsigned', 'valid', 'invalid', 'indeterminate']),
    code: z.string().nullable(),
    reason: z.string().nullable(),
    checkedAt: z.string(),
    signatures: z.array(SignatureValidationSchema),
  })
  .meta({ id: 'SignatureValidationReport', description: 'What the signature validation found when the file entered' });
