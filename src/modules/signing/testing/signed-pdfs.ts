/** Test helpers: trust services in a temporary key directory and PDFs signed by an official and a seal. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { keySigner } from '../key-store.js';
import { signPdf } from '../pades.js';
import { newKeyPair } from '../pki.js';
import { officialBox, sealBox } from '../signature-boxes.js';
import { openTrustServices, type TrustServices } from '../trust-services.js';

/** One key directory per test process and name (generated once, then reused). */
export const testKeysDir = (name = 'default') => join(tmpdir(), `motcua-test-keys-${process.pid}-${name}`);

export const testTrust = (name?: string) => openTrustServices({ keysDir: testKeysDir(name) });

export async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]).drawText('Giay phep (thu nghiem)', { x: 72, y: 760, size: 14 });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export async function officialSigner(trust: TrustServices, name = 'Nguyễn Văn Ánh') {
  const keys = await newKeyPair();
  const chain = await trust.issueSigner({ commonName: name, organization: 'UBND huyện Thử Nghiệm' }, keys);
  return keySigner(keys.privateKey, chain);
}

/** The official's signature, then the unit's seal, on `pdf`. */
export async function signedByOfficialAndSeal(trust: TrustServices, pdf: Buffer, when = new Date()) {
  const official = await officialSigner(trust);
  const once = await signPdf(pdf, official, trust.tsa, {
    fieldName: 'ChuKyNguoiCoThamQuyen',
    signerName: 'Nguyễn Văn Ánh',
    reason: 'Phê duyệt kết quả',
    location: 'Việt Nam',
    signingTime: when,
    box: officialBox({ name: 'Nguyễn Văn Ánh', title: 'Phó Chủ tịch', signedAt: when }),
  });
  const seal = await trust.seals.sealSigner('TEST-UNIT');
  return signPdf(once, seal, trust.tsa, {
    fieldName: 'ChuKyCoQuan',
    signerName: 'UBND huyện Thử Nghiệm',
    reason: 'Đóng dấu của cơ quan',
    location: 'Việt Nam',
    signingTime: when,
    box: sealBox({ agency: 'UBND huyện Thử Nghiệm', signedAt: when }),
  });
}
