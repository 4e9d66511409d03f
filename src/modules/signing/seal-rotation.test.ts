/** Rotation of an agency's seal certificate: new documents carry the new one, old ones still verify. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from './pades.js';
import { serialHex } from './pki.js';
import { sealBox } from './signature-boxes.js';
import { blankPdf, pdfsig, testKeysDir, testTrust } from './testing/signed-pdfs.js';
import type { TrustServices } from './trust-services.js';
import { validatePdfSignatures } from './verify.js';

const UNIT = `ROTATE-${Date.now().toString(36)}`;

async function sealed(trust: TrustServices) {
  const seal = await trust.seals.sealSigner(UNIT);
  const when = new Date();
  const pdf = await signPdf(await blankPdf(), seal, trust.tsa, {
    fieldName: 'ChuKyCoQuan',
    signerName: UNIT,
    reason: 'Đóng dấu',
    location: 'Việt Nam',
    signingTime: when,
    box: sealBox({ agency: UNIT, signedAt: when }),
  });
  return { pdf, serial: serialHex((await seal.chain())[0]!) };
}

describe('seal rotation', () => {
  let trust: TrustServices;
  beforeAll(async () => {
    trust = await testTrust();
  }, 60_000);

  it('a new seal certificate signs from then on; a document sealed before still verifies', async () => {
    const before = await sealed(trust);
    const rotated = await trust.seals.rotate(UNIT);
    expect(rotated.previousSerial).toBe(before.serial);
    expect(rotated.serial).not.toBe(before.serial);
    const after = await sealed(trust);
    expect(after.serial).toBe(rotated.serial);

    for (const [pdf, serial] of [
      [before.pdf, before.serial],
      [after.pdf, after.serial],
    ] as const) {
      const report = await validatePdfSignatures(pdf, trust, new Date());
      expect(report.status).toBe('valid');
      expect(report.signatures[0]).toMatchObject({ role: 'seal', certificateSerial: serial });
      expect(report.signatures[0]!.checks).toMatchObject({ revocation: 'good' });
      expect((await pdfsig(pdf)).match(/Signature is Valid/g)).toHaveLength(1);
    }
    // The old key is kept aside (0600), not in use and not deleted.
    const retired = join(testKeysDir(), 'seals', 'retired', `${UNIT}-${before.serial}.p12`);
    expect((await stat(retired)).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('rotating a unit that had no seal yet creates its first one', async () => {
    const first = await trust.seals.rotate(`${UNIT}-NEW`);
    expect(first.previousSerial).toBeNull();
    expect(first.serial).toMatch(/^[0-9a-f]+$/);
  });
});
