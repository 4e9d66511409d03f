/**
 * The demo seal key store: each unit's seal key and certificate chain in a PKCS#12 file under the
 * key directory (`seals/<unit code>.p12`, its password beside it, both 0600), created on the
 * unit's first sealing. Rotation moves the pair to `seals/retired/` (kept, never used again) and
 * creates the next; the listing reads certificates only — no key leaves this file.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import { createOnce, ensurePrivateDir, readIfExists } from './key-files.js';
import { fromPkcs12, keySigner, type SealCertificate, type SealKeyStore, toPkcs12 } from './key-store.js';
import { type KeyPair, type NameParts, nameAttribute, newKeyPair, OID, serialHex } from './pki.js';

type IssueSigner = (subject: NameParts, keys: KeyPair) => Promise<pkijs.Certificate[]>;

const fileBase = (unitCode: string) => unitCode.replace(/[^A-Za-z0-9._-]/g, '_');

/** What the listing shows of a certificate: never the key. */
function summary(chain: pkijs.Certificate[], retired: boolean): SealCertificate {
  const cert = chain[0]!;
  return {
    // The seal certificate names its unit in O (issued below); the file name is only a sanitised copy.
    unitCode: nameAttribute(cert.subject, OID.organization) ?? '',
    serial: serialHex(cert),
    subject: nameAttribute(cert.subject, OID.commonName) ?? '',
    validFrom: cert.notBefore.value,
    validTo: cert.notAfter.value,
    retired,
  };
}

export function fileSealKeyStore(sealsDir: string, issueSigner: IssueSigner): SealKeyStore {
  const retiredDir = join(sealsDir, 'retired');
  const open = async (file: string) => {
    const data = await readIfExists(file);
    const password = await readIfExists(`${file}.pass`);
    return data && password ? fromPkcs12(data, password.toString()) : null;
  };
  const p12Files = async (dir: string) => {
    try {
      return (await readdir(dir)).filter((name) => name.endsWith('.p12')).map((name) => join(dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };
  const store: SealKeyStore = {
    async sealSigner(unitCode) {
      const file = join(sealsDir, `${fileBase(unitCode)}.p12`);
      const passFile = `${file}.pass`;
      let data = await readIfExists(file);
      if (!data) {
        const keys = await newKeyPair();
        const chain = await issueSigner({ commonName: `Con dấu điện tử ${unitCode}`, organization: unitCode }, keys);
        const password = (await createOnce(passFile, randomBytes(18).toString('base64url'))).toString();
        data = await createOnce(file, toPkcs12(keys.privateKey, chain, password));
      }
      const password = (await readIfExists(passFile))!.toString();
      const { key, chain } = fromPkcs12(data, password);
      return keySigner(key, chain);
    },
    async rotate(unitCode) {
      const file = join(sealsDir, `${fileBase(unitCode)}.p12`);
      const old = await open(file);
      let previousSerial: string | null = null;
      if (old) {
        previousSerial = serialHex(old.chain[0]!);
        await ensurePrivateDir(retiredDir);
        const aside = join(retiredDir, `${fileBase(unitCode)}-${previousSerial}.p12`);
        // The key first: a crash in between leaves the password, which the next key then reuses.
        await rename(file, aside);
        await rename(`${file}.pass`, `${aside}.pass`);
      }
      const chain = await (await store.sealSigner(unitCode)).chain();
      return {
        previousSerial,
        serial: serialHex(chain[0]!),
        validFrom: chain[0]!.notBefore.value,
        validTo: chain[0]!.notAfter.value,
      };
    },
    async list() {
      const found: SealCertificate[] = [];
      for (const [dir, retired] of [
        [sealsDir, false],
        [retiredDir, true],
      ] as const)
        for (const file of await p12Files(dir)) {
          const opened = await open(file);
          if (opened) found.push(summary(opened.chain, retired));
        }
      return found;
    },
  };
  return store;
}
