import { describe, expect, it } from 'vitest';
import { awsUriEncode, canonicalQuery, EMPTY_SHA256, sha256Hex, signParts, signRequest } from './sigv4.js';

/**
 * AWS's published vectors: the Signature Version 4 test suite (credentials AKIDEXAMPLE, region
 * us-east-1, service "service", 2015-08-30T12:36:00Z) and the examples of the S3 API reference
 * ("Authenticating Requests: Using the Authorization Header", examplebucket, 2013-05-24).
 */
const suite = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const suiteScope = { region: 'us-east-1', service: 'service' };
const suiteAt = new Date('2015-08-30T12:36:00Z');
const s3 = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const s3Scope = { region: 'us-east-1', service: 's3' };
const s3At = new Date('2013-05-24T00:00:00Z');
const suiteCredential = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
const s3Credential = 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';

describe('SigV4 against the AWS test suite', () => {
  const cases = [
    {
      name: 'get-vanilla',
      method: 'GET',
      url: 'https://example.amazonaws.com/',
      headers: {},
      want: 'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    },
    {
      name: 'get-vanilla-query-order-key-case',
      method: 'GET',
      url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
      headers: {},
      want: 'SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    },
    {
      name: 'post-vanilla',
      method: 'POST',
      url: 'https://example.amazonaws.com/',
      headers: {},
      want: 'SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    },
    {
      name: 'get-utf8',
      method: 'GET',
      url: `https://example.amazonaws.com/${awsUriEncode('ሴ')}`,
      headers: {},
      want: 'SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85',
    },
    {
      name: 'get-unreserved',
      method: 'GET',
      url: 'https://example.amazonaws.com/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
      headers: {},
      want: 'SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
    },
  ];
  it.each(cases)('$name', ({ method, url, headers, want }) => {
    const signed = signRequest(
      { method, url: new URL(url), headers, payloadHash: EMPTY_SHA256 },
      suite,
      suiteScope,
      suiteAt,
    );
    expect(signed.authorization).toBe(`${suiteCredential}, ${want}`);
    expect(signed['x-amz-date']).toBe('20150830T123600Z');
  });

  it('get-vanilla: canonical request and string to sign as published', () => {
    const parts = signParts(
      { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, payloadHash: EMPTY_SHA256 },
      suite,
      suiteScope,
      suiteAt,
    );
    expect(parts.canonicalRequest).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(parts.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    );
  });
});

describe('SigV4 against the S3 API reference examples', () => {
  it('GET object with a Range header', () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
      },
      s3,
      s3Scope,
      s3At,
    );
    expect(signed.authorization).toBe(
      `${s3Credential}, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41`,
    );
  });

  it('PUT object with a key needing encoding, a Date header and a signed payload', () => {
    const payloadHash = sha256Hex('Welcome to Amazon S3.');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signRequest(
      {
        method: 'PUT',
        url: new URL(`https://examplebucket.s3.amazonaws.com/${awsUriEncode('test$file.text', true)}`),
        headers: {
          Date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
          'x-amz-content-sha256': payloadHash,
        },
        payloadHash,
      },
      s3,
      s3Scope,
      s3At,
    );
    expect(signed.authorization).toBe(
      `${s3Credential}, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd`,
    );
  });

  it('GET bucket lifecycle (a query name without a value)', () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/?lifecycle'),
        headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
      },
      s3,
      s3Scope,
      s3At,
    );
    expect(signed.authorization).toBe(
      `${s3Credential}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543`,
    );
  });

  it('list objects (query sorted)', () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2'),
        headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
        payloadHash: EMPTY_SHA256,
      },
      s3,
      s3Scope,
      s3At,
    );
    expect(signed.authorization).toBe(
      `${s3Credential}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7`,
    );
  });
});

describe('encoding', () => {
  it('URI-encodes every byte but the unreserved ones, keeping / in key paths only', () => {
    expect(awsUriEncode('a b/c~d+e$é*', true)).toBe('a%20b/c~d%2Be%24%C3%A9%2A');
    expect(awsUriEncode('a/b')).toBe('a%2Fb');
    expect(canonicalQuery('?b=2&a=x%20y&a=1&c')).toBe('a=1&a=x%20y&b=2&c=');
  });

  it('adds the security token of temporary credentials to the signed headers', () => {
    const signed = signRequest(
      { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, payloadHash: EMPTY_SHA256 },
      { ...suite, sessionToken: 'TOKEN' },
      suiteScope,
      suiteAt,
    );
    expect(signed['x-amz-security-token']).toBe('TOKEN');
    expect(signed.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });
});
