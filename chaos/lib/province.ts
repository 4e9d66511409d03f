/**
 * What the peers and load scenarios drive on a server seeded with the minimal demo province: the
 * demo accounts signed in, the procedure they take in (2.000635, "Cấp bản sao Trích lục hộ tịch",
 * connected to the population database), its competent unit (Sở Tư pháp), an uploaded PDF for its
 * mandatory components, and a counter intake and a forward of one dossier.
 */
import { call, expectJson, login, type Session } from './http.js';

/** A one-page PDF (the file store checks the type from the content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A citizen the simulated population database knows (national-data/demo-citizens.ts). */
export const KNOWN_CITIZEN = {
  kind: 'citizen',
  fullName: 'Trần Thị Bình',
  idNumber: '089196001357',
  phone: '0912345678',
  address: 'Số 12 Trần Hưng Đạo, khóm Đông Thịnh',
};

/**
 * The demo account `congdan` as the applicant of its own online filings: its population record
 * (089095000123), which the e-form's locked fields must match (a procedure with a form requires it
 * online, and the server re-checks the prefilled values against the applicant's record).
 */
export const CONGDAN_AS_APPLICANT = {
  kind: 'citizen',
  fullName: 'Nguyễn Văn An',
  idNumber: '089095000123',
  phone: '0912345678',
  address: 'Số 1 Tôn Đức Thắng, khóm Mỹ Long',
};

export type Role = 'tiepnhan' | 'chuyenvien' | 'lanhdao' | 'kstthc' | 'congdan';

export interface Province {
  base: string;
  sessions: Record<Role, Session>;
  procedureId: string;
  competentUnitId: string;
  components: { componentId: string; fileIds: string[] }[];
}

export interface DossierView {
  code: string;
  version: number;
  status: string;
  allowedActions: string[];
  populationCheck?: string | null;
}

type UnitNode = { id: string; name: string; children: UnitNode[] };
const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

export async function uploadPdf(
  base: string,
  session: Session,
  pdf: Buffer = PDF,
  name = 'to-khai.pdf',
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), name);
  const res = await fetch(`${base}/api/files`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function openProvince(base: string): Promise<Province> {
  const roles: Role[] = ['tiepnhan', 'chuyenvien', 'lanhdao', 'kstthc', 'congdan'];
  const sessions = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await login(base, r)] as const)),
  ) as Record<Role, Session>;
  const get = <T>(path: string) => expectJson<T>(base, { method: 'GET', path, session: sessions.tiepnhan }, 200);
  const [found] = (await get<{ items: { id: string }[] }>('/api/procedures?q=2.000635')).items;
  if (!found) throw new Error('procedure 2.000635 is not in the demo catalog');
  const procedure = await get<{ components: { id: string; mandatory: boolean }[] }>(`/api/procedures/${found.id}`);
  const { units } = await get<{ units: UnitNode[] }>('/api/units');
  const competent = flatten(units).find((u) => u.name === 'Sở Tư pháp');
  if (!competent) throw new Error('unit Sở Tư pháp is not in the demo province');
  const fileId = await uploadPdf(base, sessions.tiepnhan);
  return {
    base,
    sessions,
    procedureId: found.id,
    competentUnitId: competent.id,
    components: procedure.components.filter((c) => c.mandatory).map((c) => ({ componentId: c.id, fileIds: [fileId] })),
  };
}

/** The body of a counter intake of the province's procedure by `applicant`. */
export function intakeBody(p: Province, applicant: Record<string, string> = KNOWN_CITIZEN) {
  return {
    procedureId: p.procedureId,
    channel: 'counter',
    applicant,
    competentUnitId: p.competentUnitId,
    components: p.components,
  };
}

/** Counter intake by the one-stop officer: the reply as it came (the caller judges it). */
export const intake = (p: Province, applicant?: Record<string, string>) =>
  call(p.base, { method: 'POST', path: '/api/dossiers', session: p.sessions.tiepnhan, json: intakeBody(p, applicant) });

/** Forwards a dossier one step as `who`: the reply as it came. */
export const forward = (p: Province, who: Role, d: Pick<DossierView, 'code' | 'version'>) =>
  call(p.base, {
    method: 'POST',
    path: `/api/dossiers/${d.code}/actions`,
    session: p.sessions[who],
    json: { action: 'forward', version: d.version },
  });
