/**
 * PAdES baseline B-T signatures (ETSI EN 319 142-1): a detached CAdES SignedData over the PDF's
 * byte ranges (SubFilter ETSI.CAdES.detached) with signing-certificate-v2 and an RFC 3161
 * signature timestamp, in a visible signature field appended as an incremental update.
 * @signpdf/signpdf computes the byte ranges and embeds the signature; our Signer builds the CMS.
 *
 * Remote signing signs only a hash and answers later, so signing is split: `prepareSignature`
 * (placeholder + the digest to sign, from the same bytes signpdf will embed into) and
 * `completeSignature` (the remote signer's signature value + certificate → timestamp → embed).
 */
import { SignPdf, Signer } from '@signpdf/signpdf';
import type * as pkijs from 'pkijs';
import {
  assembleSignedData,
  type HashSigner,
  sha256,
  signedAttributes,
  signedAttributesDer,
  signDigest,
} from './cms.js';
import { addSignaturePlaceholder, type PlaceholderInput } from './pdf-increment.js';
import { OID } from './pki.js';
import { requestTimestamp, type TimestampAuthority } from './tsa.js';

const signpdf = new SignPdf();

/** Hands signpdf's byte-range content to a function and embeds what it returns. */
class ContentSigner extends Signer {
  constructor(private readonly produce: (content: Buffer) => Promise<Buffer>) {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    return this.produce(content);
  }
}

async function cms(
  tsa: TimestampAuthority,
  chain: pkijs.Certificate[],
  attributes: pkijs.Attribute[],
  signature: Buffer,
): Promise<Buffer> {
  const timestampToken = await requestTimestamp(tsa, sha256(signature));
  return assembleSignedData({ contentType: OID.data, attributes, signature, chain, timestampToken });
}

/** Signs at once with a signer at hand (the agency seal, a test key). */
export async function signPdf(
  pdf: Buffer,
  signer: HashSigner,
  tsa: TimestampAuthority,
  placeholder: PlaceholderInput,
): Promise<Buffer> {
  const prepared = await addSignaturePlaceholder(pdf, placeholder);
  return signpdf.sign(
    prepared,
    new ContentSigner(async (content) => {
      const signed = await signDigest(signer, OID.data, sha256(content));
      return cms(tsa, signed.chain, signed.attributes, signed.signature);
    }),
  );
}

/** The byte-range content signpdf will sign in `prepared` (signpdf run once with a capturing signer). */
async function contentToSign(prepared: Buffer): Promise<Buffer> {
  let captured: Buffer | null = null;
  await signpdf.sign(
    prepared,
    new ContentSigner(async (content) => {
      captured = Buffer.from(content);
      return Buffer.alloc(0);
    }),
  );
  return captured!;
}

export interface PreparedSignature {
  /** The PDF with the empty signature field. */
  prepared: Buffer;
  /** SHA-256 of the signed attributes: what the remote signer signs. */
  digestToSign: Buffer;
}

export async function prepareSignature(
  pdf: Buffer,
  chain: pkijs.Certificate[],
  placeholder: PlaceholderInput,
): Promise<PreparedSignature> {
  const prepared = await addSignaturePlaceholder(pdf, placeholder);
  const attributes = signedAttributes(OID.data, sha256(await contentToSign(prepared)), chain[0]!);
  return { prepared, digestToSign: sha256(signedAttributesDer(attributes)) };
}

/** Embeds a signature value made over `prepareSignature`'s digest, with a fresh timestamp. */
export async function completeSignature(
  prepared: Buffer,
  chain: pkijs.Certificate[],
  signature: Buffer,
  tsa: TimestampAuthority,
): Promise<Buffer> {
  return signpdf.sign(
    prepared,
    new ContentSigner(async (content) => {
      const attributes = signedAttributes(OID.data, sha256(content), chain[0]!);
      return cms(tsa, chain, attributes, signature);
    }),
  );
}
