/**
 * The remote-signing simulator over HTTP (outside production): the provider's API as MotCua
 * calls it (remote-signing-http.ts: the user's certificate chain, sign-hash request, transaction
 * status with the signature value), and the page standing in for the official's phone app, where pending
 * requests are confirmed or refused. One simulator per process (its transactions in memory).
 */
import { z } from 'zod';
import type { App, Deps } from '../../kernel/http.js';
import { certificateDer } from './pki.js';
import { type RemoteSigningSimulator, sha256Digest } from './remote-signing.js';
import { REMOTE_SIM_BASE } from './remote-signing.config.js';

export { REMOTE_SIM_BASE };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function phonePage(userId: string, pending: ReturnType<RemoteSigningSimulator['pendingFor']>): string {
  const items = pending
    .map(
      (t) => `<li><p>${escapeHtml(t.description)}</p><p class="note">Hết hạn: ${t.expiresAt.toISOString()}</p>
<form method="post" action="${REMOTE_SIM_BASE}/app/transactions/${t.transactionId}">
<button name="decision" value="confirm" data-testid="sim-sign-confirm">Xác nhận ký</button>
<button name="decision" value="refuse" data-testid="sim-sign-refuse">Từ chối</button></form></li>`,
    )
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ứng dụng ký số từ xa (mô phỏng)</title><style>body{font-family:system-ui,sans-serif;max-width:420px;margin:16px auto}li{border:1px solid #ccc;border-radius:8px;padding:8px;margin:8px 0;list-style:none}.note{color:#666;font-size:.85rem}button{padding:8px 14px;margin-right:8px}</style></head>
<body><h1>Ký số từ xa (mô phỏng)</h1><p class="note">Môi trường mô phỏng — thay cho ứng dụng trên điện thoại. Tài khoản: ${escapeHtml(userId)}</p>
${items ? `<ul>${items}</ul>` : '<p data-testid="sim-sign-empty">Không có yêu cầu ký nào đang chờ.</p>'}</body></html>`;
}

export function remoteSigningSimRoutes(app: App, deps: Deps): void {
  // Served where this process's own signing goes to its simulator: not in production, nor where
  // REMOTE_SIGNING_URL points this process at a service elsewhere (the simulator of another process).
  if (deps.env.NODE_ENV === 'production' || deps.env.REMOTE_SIGNING_URL) return;
  // The same simulator the server's own signing requests go to (services.remoteSigning).
  const sim = async () => (await deps.services.remoteSigning.simulator())!;
  const hidden = { hide: true } as const;
  const der = (chain: Awaited<ReturnType<RemoteSigningSimulator['certificateChain']>>) =>
    chain.map((c) => certificateDer(c).toString('base64'));

  // The user's certificate chain (signer first), issued on first use in `holderName`'s name.
  app.get(
    `${REMOTE_SIM_BASE}/v1/users/:userId/certificates`,
    {
      schema: {
        ...hidden,
        params: z.object({ userId: z.string().min(1).max(100) }),
        querystring: z.object({ holderName: z.string().min(1).max(200).optional() }),
      },
    },
    async (request) => ({
      userId: request.params.userId,
      certificates: der(await (await sim()).certificateChain(request.params.userId, request.query.holderName)),
    }),
  );
  app.post(
    `${REMOTE_SIM_BASE}/v1/signatures`,
    {
      schema: {
        ...hidden,
        body: z.object({
          userId: z.string().min(1).max(100),
          holderName: z.string().min(1).max(200).optional(),
          description: z.string().min(1).max(500),
          digest: z.base64(),
        }),
      },
    },
    async (request, reply) => {
      const digest = sha256Digest(request.body.digest);
      if (!digest) return reply.status(400).send({ error: 'digest must be SHA-256' });
      return reply.status(201).send(await (await sim()).requestSignature({ ...request.body, digest }));
    },
  );
  app.get(
    `${REMOTE_SIM_BASE}/v1/signatures/:id`,
    { schema: { ...hidden, params: z.object({ id: z.string() }) } },
    async (request, reply) => {
      const service = await sim();
      const t = await service.transaction(request.params.id);
      if (!t) return reply.status(404).send({ error: 'unknown transaction' });
      return {
        transactionId: t.transactionId,
        userId: t.userId,
        description: t.description,
        status: t.status,
        expiresAt: t.expiresAt.toISOString(),
        signature: t.signature?.toString('base64') ?? null,
        certificates: t.status === 'confirmed' ? der(await service.certificateChain(t.userId)) : [],
      };
    },
  );
  app.get(
    `${REMOTE_SIM_BASE}/app/:userId`,
    { schema: { ...hidden, params: z.object({ userId: z.string() }) } },
    async (request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(phonePage(request.params.userId, (await sim()).pendingFor(request.params.userId))),
  );
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.post(
      `${REMOTE_SIM_BASE}/app/transactions/:id`,
      {
        schema: {
          ...hidden,
          params: z.object({ id: z.string() }),
          body: z.object({ decision: z.enum(['confirm', 'refuse']) }),
        },
      },
      async (request, reply) => {
        // Validated by the route's schema (the encapsulated scope loses the Zod type provider's types).
        const { id } = request.params as { id: string };
        const { decision } = request.body as { decision: 'confirm' | 'refuse' };
        const t = await (await sim()).answer(id, decision);
        if (!t) return reply.status(404).send({ error: 'unknown transaction' });
        return reply.redirect(`${REMOTE_SIM_BASE}/app/${encodeURIComponent(t.userId)}`, 303);
      },
    );
  });
}
