import { beforeAll, describe, expect, it } from 'vitest';
import { completeSignature, prepareSignature, signPdf } from './pades.js';
import { REMOTE_SIGNING_TTL_MS, remoteSigningSimulator } from './remote-signing.js';
import { officialBox, sealBox } from './signature-boxes.js';
import { blankPdf, pdfsig, testTrust } from './testing/signed-pdfs.js';
import type { TrustServices } from './trust-services.js';
import { validatePdfSignatures } from './verify.js';

describe('remote (mobile) signing, then the seal', () => {
  let trust: TrustServices;
  let clock: Date;
  const sim = () => remoteSigningSimulator(trust, { now: () => clock, users: { '001080000001': 'Lê Văn Lãnh Đạo' } });
  beforeAll(async () => {
    trust = await testTrust();
  }, 60_000);

  const placeholder = (when: Date) => ({
    fieldName: 'ChuKyNguoiCoThamQuyen',
    signerName: 'Lê Văn Lãnh Đạo',
    reason: 'Phê duyệt kết quả',
    location: 'Việt Nam',
    signingTime: when,
    box: officialBox({ name: 'Lê Văn Lãnh Đạo', title: 'Giám đốc', signedAt: when }),
  });

  it('the leader confirms on the phone: the signature is embedded, the seal follows, both valid for pdfsig', async () => {
    clock = new Date();
    const service = sim();
    const chain = await service.certificateChain('001080000001');
    const { prepared, digestToSign } = await prepareSignature(await blankPdf(), chain, placeholder(clock));
    const { transactionId } = await service.requestSignature({
      userId: '001080000001',
      description: 'Phê duyệt kết quả hồ sơ 000.00.01.H01-261206-0001',
      digest: digestToSign,
    });
    expect((await service.transaction(transactionId))?.status).toBe('pending');
    expect(service.pendingFor('001080000001').map((t) => t.transactionId)).toEqual([transactionId]);
    await service.answer(transactionId, 'confirm');
    const done = await service.transaction(transactionId);
    expect(done?.status).toBe('confirmed');
    const signed = await completeSignature(prepared, chain, done!.signature!, trust.tsa);
    const sealed = await signPdf(signed, await trust.seals.sealSigner('H01'), trust.tsa, {
      ...placeholder(clock),
      fieldName: 'ChuKyCoQuan',
      box: sealBox({ agency: 'Sở Tư pháp', signedAt: clock }),
    });
    const verdict = await pdfsig(sealed);
    expect(verdict.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
    const report = await validatePdfSignatures(sealed, trust, new Date());
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.signer).toBe('Lê Văn Lãnh Đạo');
  }, 30_000);

  it('a signature value for another digest does not verify (the simulator signs exactly what was asked)', async () => {
    clock = new Date();
    const service = sim();
    const chain = await service.certificateChain('001080000001');
    const a = await prepareSignature(await blankPdf(), chain, placeholder(clock));
    const other = Buffer.alloc(32, 7);
    const { transactionId } = await service.requestSignature({
      userId: '001080000001',
      description: 'x',
      digest: other,
    });
    await service.answer(transactionId, 'confirm');
    const wrong = await completeSignature(
      a.prepared,
      chain,
      (await service.transaction(transactionId))!.signature!,
      trust.tsa,
    );
    expect(await validatePdfSignatures(wrong, trust, new Date())).toMatchObject({ code: 'SIGNATURE_INTEGRITY_FAILED' });
  }, 30_000);

  it('refused on the phone, or not answered in time: no signature', async () => {
    clock = new Date();
    const service = sim();
    const digest = Buffer.alloc(32, 1);
    const refused = await service.requestSignature({ userId: '001080000001', description: 'x', digest });
    await service.answer(refused.transactionId, 'refuse');
    expect(await service.transaction(refused.transactionId)).toMatchObject({ status: 'refused' });
    const late = await service.requestSignature({ userId: '001080000001', description: 'y', digest });
    clock = new Date(clock.getTime() + REMOTE_SIGNING_TTL_MS);
    expect(await service.answer(late.transactionId, 'confirm')).toMatchObject({ status: 'expired' });
    expect((await service.transaction(late.transactionId))?.signature).toBeUndefined();
    expect(await service.transaction('no-such-id')).toBeNull();
  });
});
