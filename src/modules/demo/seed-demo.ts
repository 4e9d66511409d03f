/**
 * Demo data: the province tree, one account per role, the procedure catalog and an active
 * internal workflow for each procedure at each competent unit, created only when the database has
 * no units yet (first start). Goes through the same services as the API, so every row has
 * its audit record.
 */
import type { Database } from '../../kernel/db.js';
import { systemContext } from '../../kernel/context.js';
import { loadActor } from '../identity/actor.js';
import { hashPassword } from '../identity/password.js';
import type { Role } from '../../kernel/context.js';
import { insertUser } from '../identity/users.service.js';
import { createUnit, closeUnit } from '../org/units.service.js';
import { hasUnits } from '../org/units.query.js';
import { seedDemoCatalog } from '../catalog/demo/seed-catalog.js';
import { seedDemoWorkflows } from '../workflows/demo-workflows.js';
import { publishLibraryForms } from '../eforms/eforms.service.js';
import { attachBlankForms } from './blank-forms.js';
import { demoUnits } from './demo-province.js';
import { seedDemoQueues } from './demo-queues.js';
import type { FileStorage } from '../files/storage.js';
import { createCommuneStaff, type Desk, openDesk } from './living/cast.js';
import { type LivingDemoSources, withLivingDemo } from './living/living-demo.js';

export interface DemoAccount {
  username: string;
  fullName: string;
  kind: 'staff' | 'citizen';
  homeUnit: string | null;
  roles: [Role, string | null][];
  personalId?: string;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    kind: 'staff',
    homeUnit: 'so-khoa-hoc-cong-nghe',
    roles: [
      ['system_admin', 'ubnd-tinh'],
      ['system_admin', 'cong-an'],
      ['system_admin', 'thue'],
      ['system_admin', 'bhxh'],
    ],
    description: 'quản trị hệ thống (toàn tỉnh)',
  },
  {
    username: 'tiepnhan',
    fullName: 'Trần Thị Bích',
    kind: 'staff',
    homeUnit: 'ttpvhcc',
    roles: [['one_stop_officer', 'ttpvhcc']],
    description: 'cán bộ tiếp nhận, Trung tâm Phục vụ hành chính công tỉnh',
  },
  {
    username: 'chuyenvien',
    fullName: 'Lê Văn Cường',
    kind: 'staff',
    homeUnit: 'so-tu-phap',
    roles: [['processing_official', 'so-tu-phap']],
    description: 'chuyên viên xử lý, Sở Tư pháp',
  },
  {
    username: 'lanhdao',
    fullName: 'Phạm Minh Đức',
    kind: 'staff',
    homeUnit: 'so-tu-phap',
    roles: [['unit_leader', 'so-tu-phap']],
    description: 'lãnh đạo Sở Tư pháp',
  },
  {
    username: 'kstthc',
    fullName: 'Võ Thị Hoa',
    kind: 'staff',
    homeUnit: 'vp-ubnd',
    roles: [['procedure_control_officer', 'ubnd-tinh']],
    description: 'cán bộ kiểm soát TTHC, Văn phòng UBND tỉnh (toàn tỉnh)',
  },
  {
    username: 'congdan',
    fullName: 'Nguyễn Văn An',
    kind: 'citizen',
    homeUnit: null,
    roles: [['citizen', null]],
    // 089 = An Giang (old code), 0 = male born 1900–1999, 95 = 1995, then the serial.
    personalId: '089095000123',
    description: 'công dân (CCCD 089095000123)',
  },
];

/**
 * Which demo: `minimal` is the province, accounts, catalog and workflows only (what the tests
 * start from); `living` adds three months of dossiers made through the services (living/).
 */
export type DemoKind = 'minimal' | 'living';

export type SeedDemoOptions = { password: string; scryptLogN: number } & (
  | { kind: 'minimal' }
  | ({ kind: 'living' } & LivingDemoSources)
);

/** The communes whose staff work the living demo, beside Sở Tư pháp (the ward that took over Long Xuyên first). */
const LIVING_COMMUNES = 3;

/** True when it seeded; false when the database already had data. */
export async function seedDemoIfEmpty(db: Database, opts: SeedDemoOptions): Promise<boolean> {
  if (await hasUnits(db)) return false;
  const passwordHash = await hashPassword(opts.password, opts.scryptLogN);
  if (opts.kind === 'minimal') {
    await seedProvince(db, passwordHash, new Date());
    return true;
  }
  await withLivingDemo(db, opts, async () => {
    // The living demo's clock (travel-date.ts): the start of its window.
    const now = new Date();
    const province = await seedProvince(db, passwordHash, now);
    const catalogOfficer = await loadActor(db, province.userId('kstthc'), null);
    await attachBlankForms(db, opts.files, catalogOfficer!, now);
    return livingDesks(db, opts.files, province, passwordHash, now);
  });
  return true;
}

/** The province tree, the demo accounts, the catalog and the workflows, in one transaction. */
async function seedProvince(db: Database, passwordHash: string, now: Date): Promise<SeededProvince> {
  const ctx = systemContext('seed-demo');
  const ids = new Map<string, string>();
  const userIds = new Map<string, string>();
  const id = (key: string) => ids.get(key) ?? fail(key);
  await db.transaction(async (tx) => {
    const all = demoUnits();
    for (const { key, parentKey, validTo: _v, successorKey: _s, ...unit } of all) {
      const created = await createUnit(tx, ctx, { ...unit, parentId: parentKey ? id(parentKey) : null }, now);
      ids.set(key, created.id);
    }
    for (const unit of all.filter((u) => u.validTo)) {
      await closeUnit(
        tx,
        ctx,
        id(unit.key),
        {
          version: 1,
          validTo: unit.validTo!,
          successorId: unit.successorKey ? id(unit.successorKey) : null,
        },
        now,
      );
    }
    for (const account of DEMO_ACCOUNTS) {
      const user = await insertUser(tx, ctx, {
        username: account.username,
        fullName: account.fullName,
        kind: account.kind,
        personalId: account.personalId ?? null,
        homeUnitId: account.homeUnit ? id(account.homeUnit) : null,
        roles: account.roles.map(([role, unitKey]) => ({ role, unitId: unitKey ? id(unitKey) : null })),
        passwordHash,
        mustChangePassword: false,
      });
      userIds.set(account.username, user.id);
    }
    const communeIds = all.filter((u) => u.kind === 'commune' && !u.validTo).map((u) => id(u.key));
    await seedDemoCatalog(tx, ctx, id, communeIds, now);
    await publishLibraryForms(tx, ctx);
    await seedDemoWorkflows(tx, ctx, now);
    await seedDemoQueues(tx, ctx, id, now);
  });
  return { unitId: id, userId: (username) => userIds.get(username)! };
}

interface SeededProvince {
  unitId(key: string): string;
  userId(username: string): string;
}

/** Sở Tư pháp (worked by the demo accounts, received at the provincial centre) and three communes. */
async function livingDesks(
  db: Database,
  files: FileStorage,
  { unitId: id, userId }: SeededProvince,
  passwordHash: string,
  now: Date,
): Promise<Desk[]> {
  const ctx = systemContext('seed-demo');
  const all = demoUnits();
  const successor = all.find((u) => u.key === 'tp-long-xuyen')!.successorKey!;
  const communes = [
    all.find((u) => u.key === successor)!,
    ...all.filter((u) => u.kind === 'commune' && u.key !== successor),
  ].slice(0, LIVING_COMMUNES);
  const people = [
    {
      unitId: id('so-tu-phap'),
      unitName: all.find((u) => u.key === 'so-tu-phap')!.name,
      receivingUnitId: id('ttpvhcc'),
      officerId: userId('tiepnhan'),
      officialId: userId('chuyenvien'),
      leaderId: userId('lanhdao'),
    },
  ];
  for (const commune of communes)
    people.push(
      await createCommuneStaff(
        db,
        ctx,
        { id: id(commune.key), name: commune.name, adminUnitCode: commune.adminUnitCode! },
        passwordHash,
      ),
    );
  const desks: Desk[] = [];
  for (const p of people) desks.push(await openDesk(db, files, p, now));
  return desks;
}

function fail(key: string): never {
  throw new Error(`demo seed: unit ${key} is referenced before it is created`);
}
