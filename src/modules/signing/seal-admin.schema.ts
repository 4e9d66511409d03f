import { z } from 'zod';

export const SealParams = z.object({
  unitCode: z.string().min(1).max(64).describe("The unit's official code (mã định danh, QCVN 102:2016)"),
});

export const SealCertificateView = z
  .object({
    serial: z.string().describe('Hex'),
    subject: z.string().describe("The certificate's common name"),
    validFrom: z.date(),
    validTo: z.date(),
  })
  .meta({ id: 'SealCertificate' });

export const UnitSeal = z
  .object({
    unitId: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    current: SealCertificateView.nullable().describe('What the unit seals with now'),
    retired: z
      .array(SealCertificateView)
      .describe('Replaced by a rotation: what they sealed still verifies, they never sign again'),
  })
  .meta({ id: 'UnitSeal' });

export const SealRotationView = z
  .object({
    unitCode: z.string(),
    previousSerial: z.string().nullable().describe('The certificate replaced (null: the unit had no seal yet)'),
    serial: z.string().describe('The new certificate (hex)'),
    validFrom: z.date(),
    validTo: z.date(),
  })
  .meta({ id: 'SealRotation' });
