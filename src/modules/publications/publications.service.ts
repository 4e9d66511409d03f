/**
 * Publications on the portal (công khai): the monthly list of late agencies and officials with each
 * late dossier's apology-letter status, and the Decision-766 index of a week or a reporting month.
 * Each is computed once, when due (publications.rules.ts), stored as an immutable snapshot with the
 * hash of its content, and served from the snapshot ever after.
 *
 * Legal basis for naming agencies and officials: Decree 61/2018/NĐ-CP art. 33 and 34 (as amended by
 * Decree 107/2021/NĐ-CP) on monitoring and evaluating the one-stop mechanism, with the results made
 * public; Decision 766/QĐ-TTg (2022) on publishing the index; the province's plan (seed 002:
 * "công khai danh sách cơ quan, đơn vị, cán bộ, công chức, viên chức giải quyết chậm, muộn hồ sơ",
 * "Ngày 05 hàng tháng"). The article numbers are _(unverified)_: not checked against the text here.
 *
 * No personal data of applicants leaves: a late dossier is its code, its procedure, its unit, the
 * official answerable, its dates and whether an apology letter (mẫu 04, Decree 61/2018 art. 19 as
 * amended) was sent — never the applicant's name, identifier, phone or address. Officials are named
 * with their units: their handling of public duties is what is published.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { systemContext } from '../../kernel/context.js';
import type { Database, Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { canonicalJson } from '../audit/audit.chain.js';
import { recordChange } from '../audit/record-change.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { publicIndex, publicRankings } from '../kpi/kpi-public.service.js';
import { scopeOf } from '../kpi/kpi.service.js';
import { lateList } from '../kpi/late.query.js';
import type { Period } from '../kpi/periods.rules.js';
import { provinceRootIds } from '../org/units.service.js';
import { duePublications, indexKindOf, maskDossierCode, monthPeriod } from './publications.rules.js';
import type { PublicationKind } from './publications.rules.js';
import { publications } from './publications.tables.js';

/** What the late list cites on its page. */
export const LATE_LIST_LEGAL_BASIS = [
  'Nghị định 61/2018/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định 107/2021/NĐ-CP (Điều 19: xin lỗi khi hồ sơ quá hạn; Điều 33–34: theo dõi, đánh giá, công khai kết quả) — số điều chưa được đối chiếu (unverified)',
  'Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
  'Kế hoạch kiểm soát TTHC của tỉnh: công khai danh sách cơ quan, đơn vị, cán bộ, công chức giải quyết chậm, muộn hồ sơ — ngày 05 hằng tháng',
];

const PAGE = 500;

export interface LateListContent {
  month: string;
  from: string;
  to: string;
  asOf: string;
  legalBasis: string[];
  total: number;
  withApology: number;
  units: { unitName: string; late: number }[];
  officials: { fullName: string | null; unitNames: string[]; late: number }[];
  dossiers: {
    code: string;
    procedureCode: string;
    procedureName: string;
    unitName: string;
    officialName: string | null;
    status: string;
    receivedAt: string | null;
    legalDueAt: string | null;
    completedAt: string | null;
    apologySent: boolean;
  }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The province's late list of a reporting month as published: every late dossier, no applicant. */
export async function lateListContent(
  db: Queryable,
  rootId: string,
  month: string,
  period: Period,
  now: Date,
): Promise<LateListContent> {
  const scope = scopeOf(rootId, period, now);
  const first = await lateList(db, scope, { withoutApology: false, page: 1, pageSize: PAGE });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page += 1) {
    const next = await lateList(db, scope, { withoutApology: false, page, pageSize: PAGE });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  const unitsOf = new Map<string | null, Set<string>>();
  for (const i of items) {
    const set = unitsOf.get(i.officialId) ?? new Set<string>();
    set.add(i.competentUnitName);
    unitsOf.set(i.officialId, set);
  }
  return {
    month,
    from: period.from,
    to: period.to,
    asOf: scope.asOf.toISOString(),
    legalBasis: LATE_LIST_LEGAL_BASIS,
    total: first.total,
    withApology: items.filter((i) => i.hasApology).length,
    units: first.byUnit.map((u) => ({ unitName: u.unitName, late: Number(u.late) })),
    officials: first.byOfficial.map((o) => ({
      fullName: o.fullName,
      unitNames: [...(unitsOf.get(o.userId) ?? [])].sort((a, b) => a.localeCompare(b, 'vi')),
      late: o.late,
    })),
    // Only these fields: the dossier's applicant never enters the snapshot.
    dossiers: items.map((i) => ({
      code: maskDossierCode(i.code),
      procedureCode: i.procedureCode,
      procedureName: i.procedureName,
      unitName: i.competentUnitName,
      officialName: i.officialName,
      status: i.status,
      receivedAt: iso(i.receivedAt),
      legalDueAt: iso(i.legalDueAt),
      completedAt: iso(i.completedAt),
      apologySent: Boolean(i.hasApology),
    })),
  };
}

/** A week's or a reporting month's index of the province with its departments and communes ranked. */
export async function indexContent(db: Queryable, env: Env, rootId: string, text: string, period: Period, now: Date) {
  return {
    index: await publicIndex(db, env, rootId, text, period, now),
    departments: await publicRankings(db, env, rootId, text, period, 'department', now),
    communes: await publicRankings(db, env, rootId, text, period, 'commune', now),
  };
}

export const contentHash = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

async function existing(db: Queryable, kind: PublicationKind, period: string, unitId: string) {
  const [row] = await db
    .select({ id: publications.id })
    .from(publications)
    .where(and(eq(publications.kind, kind), eq(publications.period, period), eq(publications.unitId, unitId)));
  return row ?? null;
}

/**
 * Makes every publication due at `now` that is not made yet (the periodic task). Safe to repeat
 * and to run in two processes at once: the unique key lets one insert win, the other inserts nothing.
 */
export async function publishDue(db: Database, env: Env, now: Date): Promise<{ published: number }> {
  const today = vietnamDateOf(now);
  let published = 0;
  for (const rootId of await provinceRootIds(db)) {
    for (const due of duePublications(today, env.PUBLIC_LATE_LIST_DAY)) {
      if (await existing(db, due.kind, due.period, rootId)) continue;
      const period = due.kind === 'late-list' ? monthPeriod(due.period) : (indexKindOf(due.period)?.period ?? null);
      if (!period) continue;
      const content =
        due.kind === 'late-list'
          ? await lateListContent(db, rootId, due.period, period, now)
          : await indexContent(db, env, rootId, due.period, period, now);
      // Through JSON: what is hashed is exactly what jsonb stores and serves (dates as text).
      const stored = JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
      const made = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(publications)
          .values({
            kind: due.kind,
            period: due.period,
            periodFrom: period.from,
            periodTo: period.to,
            unitId: rootId,
            publishedAt: now,
            content: stored,
            contentSha256: contentHash(stored),
          })
          .onConflictDoNothing()
          .returning({ id: publications.id });
        if (!row) return false;
        await recordChange(tx, systemContext(), {
          action: 'publication.publish',
          targetType: 'publication',
          targetId: row.id,
          unitId: rootId,
          after: { kind: due.kind, period: due.period },
          event: { kind: due.kind, period: due.period },
        });
        return true;
      });
      if (made) published += 1;
    }
  }
  return { published };
}

const summaryColumns = {
  id: publications.id,
  kind: publications.kind,
  period: publications.period,
  from: publications.periodFrom,
  to: publications.periodTo,
  publishedAt: publications.publishedAt,
  contentSha256: publications.contentSha256,
};

async function provinceRoot(db: Queryable): Promise<string> {
  const [root] = await provinceRootIds(db);
  if (!root) throw new AppError('UNIT_NOT_FOUND', { kind: 'province' });
  return root;
}

/** The province's publications of these kinds, newest first. */
export async function listPublications(db: Queryable, kinds: readonly PublicationKind[], limit: number) {
  const root = await provinceRoot(db);
  return db
    .select(summaryColumns)
    .from(publications)
    .where(and(eq(publications.unitId, root), inArray(publications.kind, [...kinds])))
    .orderBy(desc(publications.periodTo), desc(publications.publishedAt))
    .limit(limit);
}

/** One publication of the province with its content; `period` null: the latest of the kinds. */
export async function getPublication(db: Queryable, kinds: readonly PublicationKind[], period: string | null) {
  const root = await provinceRoot(db);
  const [row] = await db
    .select({ ...summaryColumns, content: publications.content })
    .from(publications)
    .where(
      and(
        eq(publications.unitId, root),
        inArray(publications.kind, [...kinds]),
        period === null ? undefined : eq(publications.period, period),
      ),
    )
    .orderBy(desc(publications.periodTo), desc(publications.publishedAt))
    .limit(1);
  if (!row) throw new AppError('PUBLICATION_NOT_FOUND', { period });
  return row;
}
