import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../app/testing/env.js';
import { sha256Hex } from './sigv4.js';
import { S3Error, S3Storage } from './s3-storage.js';
import { LocalDirectoryStorage, StoredObjectMissing } from './storage.js';
import { fileStorageFromEnv } from './storage.config.js';
import { s3Env, type S3Simulator, startS3Simulator } from './testing/s3-simulator.js';

describe('LocalDirectoryStorage', () => {
  let dir: string;
  let storage: LocalDirectoryStorage;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
    storage = new LocalDirectoryStorage(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stores content under sharded directories ab/cd/<key> and reads it back', async () => {
    const data = Buffer.from('%PDF-1.4 nội dung');
    const key = sha256Hex(data);
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, data, 'application/pdf');
    expect(storage.pathOf(key)).toBe(join(dir, key.slice(0, 2), key.slice(2, 4), key));
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.get(key)).toEqual(data);
    // Only the file itself: the temporary file was renamed into place.
    expect(await readdir(join(dir, key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
  });

  it('a crashed write leaves only a temporary file that is never read as content', async () => {
    const data = Buffer.from('whole content');
    const key = sha256Hex(data);
    const shard = join(dir, key.slice(0, 2), key.slice(2, 4));
    await storage.put(key, data, 'application/pdf');
    await rm(storage.pathOf(key));
    // What a crash between write and rename leaves behind.
    await writeFile(join(shard, `.${key}.deadbeef.tmp`), 'whole con');
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissing);
    await storage.put(key, data, 'application/pdf');
    expect(await storage.get(key)).toEqual(data);
  });

  it('refuses keys that could leave the directory', async () => {
    for (const key of ['../../etc/passwd', 'a/b/cdef', '..', '.hidden', 'ab', '']) {
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/);
    }
  });

  it('is what FILE_STORAGE=local (the default) builds, in FILES_DIR', () => {
    const built = fileStorageFromEnv(testEnv({ FILES_DIR: dir }));
    expect(built).toBeInstanceOf(LocalDirectoryStorage);
    expect((built as LocalDirectoryStorage).root).toBe(dir);
  });
});

describe('S3Storage against the S3 simulator', () => {
  let sim: S3Simulator;
  let storage: S3Storage;
  beforeAll(async () => {
    sim = await startS3Simulator();
    storage = new S3Storage({
      endpoint: sim.endpoint,
      bucket: sim.bucket,
      region: sim.region,
      credentials: { accessKeyId: sim.accessKeyId, secretAccessKey: sim.secretAccessKey },
      forcePathStyle: true,
    });
  });
  afterAll(() => sim.close());

  it('PUTs, HEADs and GETs an object with signed requests', async () => {
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const key = sha256Hex(data);
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, data, 'image/png');
    expect(sim.objects.get(key)).toEqual({ data, contentType: 'image/png' });
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.get(key)).toEqual(data);
    expect(sim.log.map((l) => `${l.method} ${l.status}`)).toEqual(['HEAD 404', 'PUT 200', 'HEAD 200', 'GET 200']);
  });

  it('a missing object: exists is false, get throws StoredObjectMissing', async () => {
    const key = sha256Hex('nothing');
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissing);
  });

  it('a wrong secret is refused by the simulator with SignatureDoesNotMatch', async () => {
    const wrong = new S3Storage({
      endpoint: sim.endpoint,
      bucket: sim.bucket,
      region: sim.region,
      credentials: { accessKeyId: sim.accessKeyId, secretAccessKey: 'not-the-secret' },
      forcePathStyle: true,
    });
    const error = await wrong.put(sha256Hex('x'), Buffer.from('x'), 'text/plain').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ status: 403, s3Code: 'SignatureDoesNotMatch' });
  });

  it('a clock far off is refused (the signature carries the time)', async () => {
    const skewed = new S3Storage({
      endpoint: sim.endpoint,
      bucket: sim.bucket,
      region: sim.region,
      credentials: { accessKeyId: sim.accessKeyId, secretAccessKey: sim.secretAccessKey },
      forcePathStyle: true,
      now: () => new Date(Date.now() - 3_600_000),
    });
    await expect(skewed.get(sha256Hex('x'))).rejects.toMatchObject({ status: 403, s3Code: 'RequestTimeTooSkewed' });
  });

  it('addresses virtual-hosted style by default and under the region’s AWS endpoint', () => {
    const key = 'a'.repeat(64);
    const aws = new S3Storage({
      bucket: 'hoso',
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      forcePathStyle: false,
    });
    expect(aws.urlOf(key).href).toBe(`https://hoso.s3.ap-southeast-1.amazonaws.com/${key}`);
    const minio = new S3Storage({
      endpoint: 'http://minio:9000/',
      bucket: 'hoso',
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      forcePathStyle: true,
    });
    expect(minio.urlOf(key).href).toBe(`http://minio:9000/hoso/${key}`);
  });

  it('is what FILE_STORAGE=s3 builds; env.ts refuses s3 without bucket and keys', () => {
    const env = testEnv(s3Env(sim));
    expect(fileStorageFromEnv(env)).toBeInstanceOf(S3Storage);
    expect(() => testEnv({ FILE_STORAGE: 's3' })).toThrow(/S3_BUCKET: required when FILE_STORAGE=s3/);
  });
});
