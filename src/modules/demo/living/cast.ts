/**
 * Who works the living demo: a few competent units (desks), each with the people its standard
 * workflow names — the one-stop officer who receives and returns, the processing official, the
 * leader who signs — and the procedures it offers at the counter. Sở Tư pháp is worked by the
 * demo accounts (its dossiers are received at the provincial service centre); three communes get
 * staff accounts of their own, created through the identity service like any other account.
 */
import type { Actor, RequestContext, Role } from '../../../kernel/context.js';
import type { Database } from '../../../kernel/db.js';
import { getProcedure, searchProcedures } from '../../catalog/procedures.service.js';
import { storeFile } from '../../files/files.service.js';
import type { FileStorage } from '../../files/storage.js';
import { loadActor } from '../../identity/actor.js';
import { insertUser } from '../../identity/users.service.js';

export interface OfferedProcedure {
  id: string;
  nationalCode: string;
  /** The mandatory components (the officer receives a paper for each). */
  componentIds: string[];
  /** Lệ phí paid at the counter when filing (integer VND). */
  feesVnd: number;
}

export interface Desk {
  unitId: string;
  unitName: string;
  /** Bộ phận Một cửa receiving its dossiers (the unit itself for a commune). */
  receivingUnitId: string;
  officer: Actor;
  official: Actor;
  leader: Actor;
  procedures: OfferedProcedure[];
  /** One scanned PDF uploaded by each of the desk's people (files are attached by their uploader only). */
  fileOf: Map<string, string>;
}

export interface DeskPeople {
  unitId: string;
  unitName: string;
  receivingUnitId: string;
  officerId: string;
  officialId: string;
  leaderId: string;
}

/** A minimal valid PDF: what the demo's scanned papers and signed results contain. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** The three staff accounts of a commune's desk (same password as the other demo accounts). */
export async function createCommuneStaff(
  db: Database,
  ctx: RequestContext,
  commune: { id: string; name: string; adminUnitCode: string },
  passwordHash: string,
): Promise<DeskPeople> {
  const people: [string, string, Role][] = [
    ['motcua', 'Cán bộ một cửa', 'one_stop_officer'],
    ['chuyenvien', 'Chuyên viên', 'processing_official'],
    ['lanhdao', 'Lãnh đạo', 'unit_leader'],
  ];
  const ids = await db.transaction(async (tx) => {
    const made: string[] = [];
    for (const [prefix, title, role] of people) {
      const user = await insertUser(tx, ctx, {
        username: `${prefix}.${commune.adminUnitCode}`,
        fullName: `${title} ${commune.name}`,
        kind: 'staff',
        personalId: null,
        homeUnitId: commune.id,
        roles: [{ role, unitId: commune.id }],
        passwordHash,
        mustChangePassword: false,
      });
      made.push(user.id);
    }
    return made;
  });
  return {
    unitId: commune.id,
    unitName: commune.name,
    receivingUnitId: commune.id,
    officerId: ids[0]!,
    officialId: ids[1]!,
    leaderId: ids[2]!,
  };
}

/** The desk of these people: their actors, the procedures offered at the counter, their uploads. */
export async function openDesk(db: Database, files: FileStorage, people: DeskPeople, now: Date): Promise<Desk> {
  const actor = async (userId: string) => {
    const found = await loadActor(db, userId, null);
    if (!found) throw new Error(`living demo: user ${userId} is missing or disabled`);
    return found;
  };
  const [officer, official, leader] = [
    await actor(people.officerId),
    await actor(people.officialId),
    await actor(people.leaderId),
  ];
  const fileOf = new Map<string, string>();
  for (const person of [officer, official, leader]) {
    const ctx = { requestId: 'seed-demo', ip: null, actor: person };
    const stored = await storeFile(db, files, ctx, { data: DEMO_PDF, originalName: 'ban-scan.pdf', uploadedAt: now });
    fileOf.set(person.userId, stored.id);
  }
  return {
    unitId: people.unitId,
    unitName: people.unitName,
    receivingUnitId: people.receivingUnitId,
    officer,
    official,
    leader,
    procedures: await counterProcedures(db, people.unitId),
    fileOf,
  };
}

async function counterProcedures(db: Database, unitId: string): Promise<OfferedProcedure[]> {
  const { items } = await searchProcedures(db, { unit: unitId, page: 1, pageSize: 100 });
  const offered: OfferedProcedure[] = [];
  for (const item of items) {
    const procedure = await getProcedure(db, item.id);
    const counter = procedure.channels.find((c) => c.channel === 'counter');
    if (!counter || !procedure.currentVersion.content.competentUnitIds.includes(unitId)) continue;
    offered.push({
      id: procedure.id,
      nationalCode: procedure.nationalCode,
      componentIds: procedure.components.filter((c) => c.mandatory).map((c) => c.id!),
      feesVnd: counter.fees.reduce((sum, f) => sum + f.amountVnd, 0),
    });
  }
  return offered;
}
