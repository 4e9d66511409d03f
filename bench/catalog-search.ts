/**
 * Procedure search over 5,000 procedures: median and p95 of GET /api/procedures-style queries
 * (the service function the route calls), on PGlite by default or on PostgreSQL with
 * BENCH_DATABASE_URL. Baseline, in the same run and database: the straightforward query this
 * design replaced — one pass ranking every procedure by pg_trgm word similarity
 * (`where word_similarity(q, search_text) >= 0.45 or search_text like '%q%' order by … limit 20`).
 *
 *   npm run bench -- catalog-search           (PGlite)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- catalog-search
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type DbHandle } from '../src/kernel/db.js';
import { openAppDatabase } from '../src/app/composition.js';
import { applyMigrations } from '../src/kernel/migrate.js';
import { procedureFields, procedures } from '../src/modules/catalog/catalog.tables.js';
import { searchProcedures } from '../src/modules/catalog/procedures.service.js';
import { acronym, searchKey } from '../src/modules/catalog/search.rules.js';

const PROCEDURES = 5000;
const RUNS = 400;

const ACTIONS = [
  'Đăng ký',
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Gia hạn',
  'Điều chỉnh',
  'Thu hồi',
  'Xác nhận',
  'Thẩm định',
  'Phê duyệt',
];
const OBJECTS = [
  'khai sinh',
  'kết hôn',
  'khai tử',
  'giấy phép xây dựng',
  'giấy chứng nhận quyền sử dụng đất',
  'hộ kinh doanh',
  'giấy phép lao động',
  'chứng chỉ hành nghề khám bệnh, chữa bệnh',
  'giấy phép bán lẻ rượu',
  'thường trú',
  'tạm trú',
  'trợ cấp xã hội hằng tháng',
  'phiếu lý lịch tư pháp',
  'giấy phép kinh doanh karaoke',
  'văn bằng tốt nghiệp',
  'giấy phép môi trường',
  'hỗ trợ mai táng phí',
  'giấy phép lái xe',
  'chứng nhận đủ điều kiện an toàn thực phẩm',
  'nuôi con nuôi',
];
const QUALIFIERS = [
  '',
  'có yếu tố nước ngoài',
  'cho tổ chức',
  'cho cá nhân',
  'trường hợp bị mất',
  'theo yêu cầu',
  'tại cấp xã',
  'đối với công trình cấp III',
  'lần đầu',
  'khi thay đổi thông tin',
  'trong khu công nghiệp',
  'cho người khuyết tật',
  'đối với doanh nghiệp nhỏ',
  'liên thông',
  'trực tuyến',
  'qua bưu chính',
  'cho hợp tác xã',
  'tại cấp tỉnh',
  'đối với nhà ở riêng lẻ',
  'cho người nước ngoài',
  'ngoài giờ hành chính',
  'có thời hạn',
  'không thời hạn',
  'quá hạn',
  'đúng hạn',
];

const QUERIES = [
  'dang ky khai sinh',
  'ĐKKS',
  'giay phep xay dung',
  'cap lai giay phep lai xe',
  'ly lich tu phap',
  'dang ki ket hon',
  'giay phep lao dong nguoi nuoc ngoai',
  'tro cap xa hoi',
  'ho kinh doanh',
  'xac nhan thuong tru',
  'giay phep ban le ruou',
  'an toan thuc pham',
  'cap doi giay chung nhan quyen su dung dat',
  'mai tang phi',
  'khia sinh',
  '1.002500',
];

function name(i: number): string {
  const action = ACTIONS[i % ACTIONS.length]!;
  const object = OBJECTS[Math.floor(i / ACTIONS.length) % OBJECTS.length]!;
  const qualifier = QUALIFIERS[Math.floor(i / (ACTIONS.length * OBJECTS.length)) % QUALIFIERS.length]!;
  return `${action} ${object}${qualifier ? ` ${qualifier}` : ''}`;
}

async function seed(handle: DbHandle) {
  await handle.db
    .insert(procedureFields)
    .values(Array.from({ length: 20 }, (_, i) => ({ code: `F${i}`, name: `Lĩnh vực ${i}` })));
  const rows = Array.from({ length: PROCEDURES }, (_, i) => {
    const nationalCode = `1.${String(i).padStart(6, '0')}`;
    const n = name(i);
    return {
      nationalCode,
      name: n,
      fieldCode: `F${i % 20}`,
      levels: [i % 3 === 0 ? 'province' : 'commune'],
      onlineLevel: ['full', 'partial', 'none'][i % 3]!,
      searchText: searchKey(`${n} ${nationalCode}`),
      acronym: acronym(n),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await handle.db.insert(procedures).values(rows.slice(i, i + 500));
  await handle.db.execute(sql`analyze procedures`);
}

type Search = (handle: DbHandle, q: string, online: 'full' | undefined) => Promise<number>;

const staged: Search = async (handle, q, online) =>
  (await searchProcedures(handle.db, { q, page: 1, pageSize: 20, ...(online ? { online } : {}) })).total;

const naive: Search = async (handle, q, online) => {
  const key = searchKey(q);
  const rows = await queryRows<{ id: string }>(
    handle.db,
    sql`select id, count(*) over () as total from procedures
        where status = 'active' ${online ? sql`and online_level = ${online}` : sql``}
          and (word_similarity(${key}, search_text) >= 0.45 or search_text like ${`%${key}%`} or acronym = ${key})
        order by word_similarity(${key}, search_text) desc, name limit 20`,
  );
  return rows.length;
};

async function measure(handle: DbHandle, search: Search): Promise<{ median: number; p95: number }> {
  for (const q of QUERIES) await search(handle, q, undefined); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const q = QUERIES[i % QUERIES.length]!;
    const start = performance.now();
    const total = await search(handle, q, i % 4 === 0 ? 'full' : undefined);
    times.push(performance.now() - start);
    if (i < QUERIES.length && total === 0) throw new Error(`no result for "${q}": the workload is wrong`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

export async function run(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL;
  const handle = await openAppDatabase(
    url ? { databaseUrl: url, schemaName: `bench_${randomBytes(4).toString('hex')}` } : {},
  );
  try {
    await applyMigrations(handle);
    await seed(handle);
    const indexed = await measure(handle, staged);
    const baseline = await measure(handle, naive);
    const engine = url ? 'PostgreSQL' : 'PGlite';
    const fmt = (n: number) => n.toFixed(2);
    return [
      `catalog search, ${engine}, ${PROCEDURES} procedures, ${RUNS} queries (${QUERIES.length} kinds, 1 in 4 with a filter)`,
      `  staged search (searchProcedures): median ${fmt(indexed.median)} ms, p95 ${fmt(indexed.p95)} ms`,
      `  baseline (one-pass word similarity): median ${fmt(baseline.median)} ms, p95 ${fmt(baseline.p95)} ms`,
      `  ratio staged/baseline: median ${fmt(indexed.median / baseline.median)}, p95 ${fmt(indexed.p95 / baseline.p95)}`,
    ].join('\n');
  } finally {
    if (url) await handle.db.execute(sql.raw(`drop schema "${handle.schemaName}" cascade`));
    await handle.close();
  }
}
