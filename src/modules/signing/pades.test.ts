import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keySigner } from './key-store.js';
import { signPdf } from './pades.js';
import { newKeyPair, serialHex } from './pki.js';
import { officialBox } from './signature-boxes.js';
import {
  appendUnsignedChange,
  blankPdf,
  pdfsig,
  signedByOfficialAndSeal,
  testKeysDir,
  testTrust,
} from './testing/signed-pdfs.js';
import type { TrustServices } from './trust-services.js';
import { validatePdfSignatures } from './verify.js';

describe('PAdES-B-T signing and validation', () => {
  let trust: TrustServices;
  let signed: Buffer;
  beforeAll(async () => {
    trust = await testTrust();
    signed = await signedByOfficialAndSeal(trust, await blankPdf());
  }, 60_000);

  it('pdfsig (poppler) finds the official and the seal signature, each valid', async () => {
    const out = await pdfsig(signed);
    expect(out.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
    expect(out).toContain('Signature Field Name: ChuKyNguoiCoThamQuyen');
    expect(out).toContain('Signature Field Name: ChuKyCoQuan');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
  });

  it('our validator: both valid, timestamped, chained to the demo root, not revoked', async () => {
    const report = await validatePdfSignatures(signed, trust, new Date());
    expect(report.status).toBe('valid');
    expect(report.signatures.map((s) => [s.field, s.status, s.timestamped])).toEqual([
      ['ChuKyNguoiCoThamQuyen', 'valid', true],
      ['ChuKyCoQuan', 'valid', true],
    ]);
    expect(report.signatures[0]!.signer).toBe('Nguyễn Văn Ánh');
  });

  it('an unsigned PDF is reported unsigned', async () => {
    expect((await validatePdfSignatures(await blankPdf(), trust, new Date())).status).toBe('unsigned');
  });

  it('a byte changed inside the signed range breaks integrity', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('595.28'); // the page's width, inside the signed bytes
    expect(at).toBeGreaterThan(0);
    tampered.write('6', at + 2, 'latin1');
    const report = await validatePdfSignatures(tampered, trust, new Date());
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_INTEGRITY_FAILED' });
  });

  it('a later unsigned incremental change is detected (coverage)', async () => {
    const changed = await appendUnsignedChange(signed);
    const report = await validatePdfSignatures(changed, trust, new Date());
    expect(report.signatures.every((s) => s.status === 'valid')).toBe(true);
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_DOCUMENT_MODIFIED' });
  });

  it('a certificate revoked before the signature is refused; revoked after the timestamp it still holds', async () => {
    const keys = await newKeyPair();
    const chain = await trust.issueSigner({ commonName: 'Người bị thu hồi' }, keys);
    const box = officialBox({ name: 'Người bị thu hồi', signedAt: new Date() });
    const input = { fieldName: 'Sig', signerName: 'x', reason: 'x', location: 'VN', signingTime: new Date(), box };
    const before = await signPdf(await blankPdf(), keySigner(keys.privateKey, chain), trust.tsa, input);
    await trust.revoke(serialHex(chain[0]!), new Date(Date.now() + 60_000));
    expect((await validatePdfSignatures(before, trust, new Date())).status).toBe('valid');
    await new Promise((r) => setTimeout(r, 5));
    const keys2 = await newKeyPair();
    const chain2 = await trust.issueSigner({ commonName: 'Người bị thu hồi 2' }, keys2);
    await trust.revoke(serialHex(chain2[0]!), new Date(Date.now() - 60_000));
    const after = await signPdf(await blankPdf(), keySigner(keys2.privateKey, chain2), trust.tsa, input);
    expect(await validatePdfSignatures(after, trust, new Date())).toMatchObject({
      status: 'invalid',
      code: 'SIGNATURE_CERTIFICATE_REVOKED',
    });
  });

  it('a signature from another root is not trusted', async () => {
    const foreign = await testTrust('foreign');
    const pdf = await signedByOfficialAndSeal(foreign, await blankPdf());
    expect(await validatePdfSignatures(pdf, trust, new Date())).toMatchObject({
      status: 'invalid',
      code: 'SIGNATURE_UNTRUSTED_ROOT',
    });
  }, 30_000);

  it('keys live in the key directory, 0600 in a 0700 directory', async () => {
    expect((await stat(join(testKeysDir(), 'ca'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(testKeysDir(), 'ca', 'root.key.pem'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(testKeysDir(), 'seals', 'TEST-UNIT.p12'))).mode & 0o777).toBe(0o600);
  });
});
