/**
 * RFC 3161 time-stamping: the authority (a responder that signs TSTInfo with its
 * timeStamping-only certificate, RFC 5816 signing-certificate-v2) and the client side
 * (a request over a digest, the token checked against the request). In production the client
 * posts the same DER to a licensed TSA (Decree 23/2025: dịch vụ cấp dấu thời gian).
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { assembleSignedData, type HashSigner, sha256, signDigest } from './cms.js';
import { bytes, OID } from './pki.js';

/** The demo TSA's policy (an OID arc for documentation/demo use, RFC 5612-style private arc). */
export const DEMO_TSA_POLICY = '1.3.6.1.4.1.55555.3161.1';

export interface TimestampAuthority {
  /** Answers a DER TimeStampReq with a DER TimeStampResp. */
  respond(request: Uint8Array): Promise<Buffer>;
}

const imprintOf = (digest: Buffer) =>
  new pkijs.MessageImprint({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    hashedMessage: new asn1js.OctetString({ valueHex: digest }),
  });

const rejection = (text: string) =>
  Buffer.from(
    new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({
        status: pkijs.PKIStatus.rejection,
        statusStrings: [new asn1js.Utf8String({ value: text })],
      }),
    })
      .toSchema()
      .toBER(false),
  );

export function timestampAuthority(signer: HashSigner, now: () => Date): TimestampAuthority {
  return {
    async respond(request) {
      let req: pkijs.TimeStampReq;
      try {
        req = pkijs.TimeStampReq.fromBER(bytes(request));
      } catch {
        return rejection('badDataFormat');
      }
      if (req.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) return rejection('badAlg');
      const serial = randomBytes(12);
      serial[0] = serial[0]! & 0x7f;
      const tstInfo = new pkijs.TSTInfo({
        version: 1,
        policy: DEMO_TSA_POLICY,
        messageImprint: req.messageImprint,
        serialNumber: new asn1js.Integer({ valueHex: serial }),
        genTime: now(),
        accuracy: new pkijs.Accuracy({ seconds: 1 }),
        ...(req.nonce ? { nonce: req.nonce } : {}),
      });
      const content = Buffer.from(tstInfo.toSchema().toBER(false));
      const signed = await signDigest(signer, OID.tstInfo, sha256(content));
      const token = pkijs.ContentInfo.fromBER(
        bytes(
          assembleSignedData({ contentType: OID.tstInfo, content, ...signed, chain: req.certReq ? signed.chain : [] }),
        ),
      );
      const response = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
        timeStampToken: token,
      });
      return Buffer.from(response.toSchema().toBER(false));
    },
  };
}

/** Asks the authority for a token over `digest` (the SHA-256 of a signature value) and checks it answers that. */
export async function requestTimestamp(tsa: TimestampAuthority, digest: Buffer): Promise<pkijs.ContentInfo> {
  const nonce = randomBytes(8);
  nonce[0] = nonce[0]! & 0x7f;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: imprintOf(digest),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  const response = pkijs.TimeStampResp.fromBER(
    bytes(await tsa.respond(new Uint8Array(request.toSchema().toBER(false)))),
  );
  if (response.status.status !== pkijs.PKIStatus.granted || !response.timeStampToken)
    throw new Error(`timestamp refused (status ${response.status.status})`);
  const info = tstInfoOf(response.timeStampToken);
  if (!info || !Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(digest))
    throw new Error('timestamp answers another digest');
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce))
    throw new Error('timestamp answers another request');
  return response.timeStampToken;
}

export function tstInfoOf(token: pkijs.ContentInfo): pkijs.TSTInfo | null {
  try {
    const signedData = new pkijs.SignedData({ schema: token.content });
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo) return null;
    const content = signedData.encapContentInfo.eContent;
    return content ? pkijs.TSTInfo.fromBER(bytes(new Uint8Array(content.getValue()))) : null;
  } catch {
    return null;
  }
}
