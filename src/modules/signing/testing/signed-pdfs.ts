/** Test helpers: trust services in a temporary key directory and PDFs signed by an official and a seal. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { keySigner } from '../key-store.js';
import { signPdf } from '../pades.js';
import { newKeyPair, serialHex } from '../pki.js';
import { officialBox, sealBox } from '../signature-boxes.js';
import { openTrustServices, type TrustServices } from '../trust-services.js';

/**
 * Test key directories under the OS temp dir, shared by test processes (created once, atomically);
 * the default one is the test app's (src/app/testing/env.ts), another name is another CA.
 */
export const testKeysDir = (name?: string) => join(tmpdir(), name ? `motcua-test-keys-${name}` : 'motcua-test-keys');

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

/** An unsigned incremental update (what an editor saving over a signed file appends). */
export async function appendUnsignedChange(pdf: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1'))![1]);
  const num = doc.context.largestObjectNumber + 1;
  const body = `${num} 0 obj\n<< /Changed (sau khi ky) >>\nendobj\n`;
  const offset = pdf.length + 1;
  const xrefAt = offset + body.length;
  const rootRef = doc.context.trailerInfo.Root!.toString();
  const tail =
    `xref\n${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<< /Size ${num + 1} /Root ${rootRef} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(`\n${body}${tail}`, 'latin1')]);
}

/** A document signed by a certificate revoked before it signed. */
export async function signedByRevoked(trust: TrustServices): Promise<Buffer> {
  const keys = await newKeyPair();
  const chain = await trust.issueSigner({ commonName: 'Người có chứng thư bị thu hồi' }, keys);
  await trust.revoke(serialHex(chain[0]!), new Date(Date.now() - 60_000));
  const when = new Date();
  return signPdf(await blankPdf(), keySigner(keys.privateKey, chain), trust.tsa, {
    fieldName: 'ChuKy',
    signerName: 'Người có chứng thư bị thu hồi',
    reason: 'Thử nghiệm',
    location: 'Việt Nam',
    signingTime: when,
    box: officialBox({ name: 'Người có chứng thư bị thu hồi', signedAt: when }),
  });
}

/** What poppler's pdfsig (a verifier we did not write) says about the signatures of `pdf`. */
export async function pdfsig(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pdfsig-'));
  try {
    const path = join(dir, 'signed.pdf');
    await writeFile(path, pdf);
    // -nocert: the demo root is in no system trust store; the signatures themselves are what is checked.
    return (await promisify(execFile)('pdfsig', ['-nocert', path])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
