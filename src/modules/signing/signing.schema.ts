import { z } from 'zod';

const status = z.enum(['valid', 'invalid', 'indeterminate']);

const check = z.enum(['passed', 'failed', 'notChecked']);

export const SignatureChecksSchema = z
  .object({
    integrity: check.describe('The signed byte ranges and the CMS signature over them'),
    trustChain: check.describe('A path to a trust anchor (the national root in production)'),
    certificateValidity: check.describe('The signer certificate within its validity period at the signing time'),
    timestamp: z.enum(['passed', 'failed', 'notChecked', 'absent']).describe('The RFC 3161 signature timestamp'),
    revocation: z.enum(['good', 'revoked', 'unknown', 'notChecked']),
    revocationSource: z.enum(['ocsp', 'crl']).nullable().describe('OCSP first, the CRL when OCSP does not decide'),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'SignatureChecks' });

export const CertificateRevocationSchema = z
  .object({
    subject: z.string().nullable().describe("The certificate's common name"),
    serial: z.string().describe('Hex'),
    revocation: z.enum(['good', 'revoked', 'unknown']).describe('At the signing time'),
    revocationSource: z.enum(['ocsp', 'crl']).nullable(),
    revokedAt: z
      .string()
      .nullable()
      .describe('When revoked, also when after the signing time (the signature then holds)'),
  })
  .meta({ id: 'CertificateRevocation' });

export const SignatureValidationSchema = z
  .object({
    field: z.string().nullable().describe('The signature field name'),
    role: z
      .enum(['official', 'seal'])
      .nullable()
      .optional()
      .describe("official: the competent person's signature; seal: the agency's (absent in reports stored before)"),
    signer: z.string().nullable().describe("The signer certificate's common name"),
    organization: z.string().nullable(),
    issuer: z.string().nullable().optional().describe("The issuing CA's common name"),
    certificateSerial: z.string().nullable().describe('Hex'),
    certificateValidFrom: z.string().nullable().optional(),
    certificateValidTo: z.string().nullable().optional(),
    checks: SignatureChecksSchema.optional(),
    certificates: z
      .array(CertificateRevocationSchema)
      .optional()
      .describe(
        "The path below the trust anchor, signer first, then each intermediate CA, each asked of its issuer's OCSP/CRL",
      ),
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
