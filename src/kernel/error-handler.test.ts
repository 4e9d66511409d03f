/**
 * The error handler's answer when the database cannot be reached: 503 DATABASE_UNAVAILABLE with
 * the Vietnamese message and a Retry-After, for the errors the pg driver really raises (a
 * connection refused, through Drizzle and a pool) and the codes PostgreSQL sends while it stops or
 * starts; and not for what only looks like it (a peer's refused fetch, a unique violation).
 */
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, isDatabaseUnavailable } from './error-handler.js';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('database unavailable → 503', () => {
  let pool: pg.Pool;
  const app = Fastify();
  let thrown: unknown;

  beforeAll(async () => {
    pool = new pg.Pool({ host: '127.0.0.1', port: await closedPort(), user: 'nobody', database: 'none' });
    app.setErrorHandler(errorHandler);
    app.get('/throw', async () => {
      throw thrown;
    });
    app.get('/query', async () => drizzle(pool).execute(sql`select 1`));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  const answer = async (error: unknown) => {
    thrown = error;
    return app.inject({ method: 'GET', url: '/throw' });
  };

  it('answers a real refused connection (pg pool through Drizzle) with 503 and the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/query' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.error.message).toMatch(/cơ sở dữ liệu/);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
  ])('maps PostgreSQL %s (%s), also as the cause Drizzle wraps', async (code, message) => {
    expect((await answer(pgError(code, message))).statusCode).toBe(503);
    const wrapped = new Error('Failed query: select 1', { cause: pgError(code, message) });
    expect((await answer(wrapped)).json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
  });

  it('maps the driver’s code-less errors and an AggregateError of refused addresses', async () => {
    expect((await answer(new Error('Connection terminated unexpectedly'))).statusCode).toBe(503);
    expect((await answer(new Error('Client has encountered a connection error and is not queryable'))).statusCode).toBe(
      503,
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect((await answer(new AggregateError([refused], ''))).statusCode).toBe(503);
  });

  it('leaves other faults alone: a peer’s refused fetch, a unique violation, a plain error', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    expect(isDatabaseUnavailable(fetchFailed)).toBe(false);
    expect((await answer(fetchFailed)).statusCode).toBe(500);
    expect((await answer(pgError('23505', 'duplicate key'))).statusCode).toBe(409);
    expect((await answer(new Error('boom'))).json()).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});
