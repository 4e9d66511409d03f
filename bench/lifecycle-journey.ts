/**
 * One complete dossier lifecycle over HTTP, as the issue measures it: counter intake (one-stop
 * officer) → forward to processing → forward to the leader → result uploaded → signResult →
 * [forward, when signing does not move it on] → finish → [the fee paid at the counter, when one is
 * due: results are returned only once nothing is owed] → returnResult. Every answer must be the
 * expected status; the last must leave the dossier returned.
 */
/**
 * HTTP requests in one lifecycle of the bench's procedure (a fee is due): intake, forward ×2, the
 * result file, signResult, finish, the fee read, the counter payment, the detail, returnResult.
 */
export const JOURNEY_REQUESTS = 10;

export interface SessionAuth {
  cookie: string;
  csrf: string;
}

export interface LifecycleJob {
  /** `lookup`: anonymous public lookups of `codes` (the citizen's "where is my dossier"). */
  kind: 'lifecycle' | 'health' | 'lookup';
  base: string;
  concurrency: number;
  count: number;
  sessions: Record<'tiepnhan' | 'chuyenvien' | 'lanhdao', SessionAuth>;
  procedureId: string;
  competentUnitId: string;
  components: { componentId: string; fileIds: string[] }[];
  resultPdfBase64: string;
  codes?: string[];
}

interface DossierView {
  code: string;
  version: number;
  status: string;
  allowedActions: string[];
}

const APPLICANT = {
  kind: 'citizen',
  fullName: 'Trần Thị Bích Ngọc',
  idNumber: '089195000789',
  phone: '0912345678',
  address: 'Phường Long Xuyên, An Giang',
};

async function call<T>(
  job: LifecycleJob,
  who: SessionAuth,
  path: string,
  init: { method?: string; json?: unknown; form?: FormData },
  expected: number,
): Promise<T> {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(job.base + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

const act = (
  job: LifecycleJob,
  who: SessionAuth,
  d: DossierView,
  action: string,
  extra: Record<string, unknown> = {},
) =>
  call<DossierView>(
    job,
    who,
    `/api/dossiers/${d.code}/actions`,
    { method: 'POST', json: { action, version: d.version, ...extra } },
    200,
  );

/** Runs one lifecycle; returns the dossier code and how long its intake (the first request) took. */
export async function performLifecycle(job: LifecycleJob): Promise<{ code: string; intakeMs: number }> {
  const { tiepnhan, chuyenvien, lanhdao } = job.sessions;
  const intakeStarted = performance.now();
  let d = await call<DossierView>(
    job,
    tiepnhan,
    '/api/dossiers',
    {
      method: 'POST',
      json: {
        procedureId: job.procedureId,
        channel: 'counter',
        applicant: APPLICANT,
        competentUnitId: job.competentUnitId,
        components: job.components,
      },
    },
    201,
  );
  const intakeMs = performance.now() - intakeStarted;
  d = await act(job, tiepnhan, d, 'forward');
  d = await act(job, chuyenvien, d, 'forward');
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(job.resultPdfBase64, 'base64')], { type: 'application/pdf' }), 'kq.pdf');
  const file = await call<{ id: string }>(job, lanhdao, '/api/files', { method: 'POST', form }, 201);
  d = await act(job, lanhdao, d, 'signResult', {
    result: {
      fileId: file.id,
      number: '125/TL-STP',
      issuedOn: new Date().toISOString().slice(0, 10),
      issuer: 'Sở Tư pháp tỉnh An Giang',
      signer: 'Phạm Minh Đức',
      certificateSerial: '5403A1B2C3D4E5F6',
    },
  });
  if (d.allowedActions.includes('forward')) d = await act(job, lanhdao, d, 'forward');
  if (d.status === 'processing') d = await act(job, tiepnhan, d, 'finish');
  const { due } = await call<{ due: { obligationId: string | null; amountVnd: number }[] }>(
    job,
    tiepnhan,
    `/api/dossiers/${d.code}/payments`,
    {},
    200,
  );
  for (const [i, item] of due.entries()) {
    await call(
      job,
      tiepnhan,
      `/api/dossiers/${d.code}/payments/counter`,
      { method: 'POST', json: { ...item, receiptNumber: `BL-${d.code}-${i}` } },
      201,
    );
  }
  if (due.length > 0) d = await call<DossierView>(job, tiepnhan, `/api/dossiers/${d.code}`, {}, 200);
  d = await act(job, tiepnhan, d, 'returnResult', { resultChannel: 'counter' });
  if (d.status !== 'returned') throw new Error(`dossier ${d.code} ended ${d.status}, not returned`);
  return { code: d.code, intakeMs };
}
