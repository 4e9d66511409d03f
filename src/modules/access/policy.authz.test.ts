/**
 * The authorization matrix: every role × every action × where the target sits relative to the
 * role's unit (same unit, a unit below it, a sibling, its parent, no unit, own/other record).
 * The expected table is written out in full so a change to the policy shows up as a diff here.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/context.js';
import { ACTIONS, type Action, authorize, can, grantableScopes, rolesWith, type Target } from './policy.js';
import { ROLES, type Role } from '../../kernel/context.js';

// province ─┬─ dept ── division
//           └─ sibling
const PROVINCE = 'u-province';
const DEPT = 'u-dept';
const DIVISION = 'u-division';
const SIBLING = 'u-sibling';
const PATHS: Record<string, string[]> = {
  [PROVINCE]: [PROVINCE],
  [DEPT]: [DEPT, PROVINCE],
  [DIVISION]: [DIVISION, DEPT, PROVINCE],
  [SIBLING]: [SIBLING, PROVINCE],
};

function actorWith(role: Role, unitId: string | null, tokenScopes: string[] | null = null): Actor {
  return {
    userId: 'me',
    username: 'me',
    fullName: 'Me',
    kind: role === 'citizen' ? 'citizen' : 'staff',
    homeUnitId: unitId,
    grants: [{ role, unitId }],
    tokenScopes,
  };
}

/** Targets, as seen from a role held on DEPT. */
const TARGETS: Record<string, Target> = {
  sameUnit: { unitPath: PATHS[DEPT]! },
  childUnit: { unitPath: PATHS[DIVISION]! },
  siblingUnit: { unitPath: PATHS[SIBLING]! },
  parentUnit: { unitPath: PATHS[PROVINCE]! },
  noUnit: {},
  ownRecord: { ownerUserId: 'me' },
  othersRecord: { ownerUserId: 'someone-else' },
};
type Where = keyof typeof TARGETS;
const INSIDE: Where[] = ['sameUnit', 'childUnit', 'noUnit'];

/** Expected: for each role, each action → the targets where it is allowed. */
const EXPECTED: Record<Role, Partial<Record<Action, Where[]>>> = {
  citizen: { 'dossier.read': ['ownRecord'] },
  one_stop_officer: {
    'dossier.read': INSIDE,
    'dossier.receive': INSIDE,
    'feedback.receive': INSIDE,
    'satisfaction.record': INSIDE,
    'queue.manage': INSIDE,
    'queue.serve': INSIDE,
    'queue.book': INSIDE,
  },
  postal_officer: { 'dossier.read': INSIDE, 'dossier.receive': INSIDE },
  processing_official: {
    'dossier.read': INSIDE,
    'dossier.process': INSIDE,
    'feedback.handle': INSIDE,
    'plan.read': INSIDE,
    'plan.report': INSIDE,
  },
  unit_leader: {
    'dossier.read': INSIDE,
    'dossier.approve': INSIDE,
    'workflow.approve': INSIDE,
    'user.read': INSIDE,
    'kpi.read': INSIDE,
    'feedback.handle': INSIDE,
    'queue.manage': INSIDE,
    'payment.reconcile': INSIDE,
    'payment.exempt': INSIDE,
    'payment.refund': INSIDE,
    'plan.read': INSIDE,
    'plan.manage': INSIDE,
    'plan.report': INSIDE,
    'report.read': INSIDE,
    'report.sign': INSIDE,
  },
  procedure_control_officer: {
    'dossier.read': INSIDE,
    'catalog.manage': INSIDE,
    'kpi.read': INSIDE,
    'kpi.configure': INSIDE,
    'audit.read': INSIDE,
    'feedback.receive': INSIDE,
    'feedback.route': INSIDE,
    'satisfaction.configure': INSIDE,
    'plan.read': INSIDE,
    'plan.manage': INSIDE,
    'plan.report': INSIDE,
    'review.manage': INSIDE,
    'report.read': INSIDE,
    'report.prepare': INSIDE,
    'report.sign': INSIDE,
  },
  system_admin: {
    'unit.manage': INSIDE,
    'user.read': INSIDE,
    'user.manage': INSIDE,
    'role.assign': INSIDE,
    'audit.read': INSIDE,
    'calendar.manage': INSIDE,
    'jobs.manage': INSIDE,
    'payment.reconcile': INSIDE,
    'notification.manage': INSIDE,
    'seal.manage': INSIDE,
  },
};

describe('authorization matrix', () => {
  for (const role of ROLES) {
    const actor = actorWith(role, role === 'citizen' ? null : DEPT);
    for (const action of ACTIONS) {
      const allowed = new Set(EXPECTED[role][action] ?? []);
      for (const [where, target] of Object.entries(TARGETS) as [Where, Target][]) {
        it(`${role} ${allowed.has(where) ? 'may' : 'may not'} ${action} on ${where}`, () => {
          expect(can(actor, action, target)).toBe(allowed.has(where));
        });
      }
    }
  }
});

describe('rolesWith', () => {
  it('lists the staff roles granting an action, never the citizen', () => {
    expect(rolesWith('feedback.handle')).toEqual(['processing_official', 'unit_leader']);
    expect(rolesWith('dossier.approve')).toEqual(['unit_leader']);
    expect(rolesWith('dossier.read')).toEqual([
      'one_stop_officer',
      'postal_officer',
      'processing_official',
      'unit_leader',
      'procedure_control_officer',
    ]);
    expect(rolesWith('jobs.manage')).toEqual(['system_admin']);
    expect(rolesWith('seal.manage')).toEqual(['system_admin']);
  });
});

describe('authorize', () => {
  it('refuses anonymous callers with UNAUTHENTICATED', () => {
    expect(() => authorize(null, 'unit.manage', TARGETS.sameUnit)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('refuses a role outside its subtree with FORBIDDEN', () => {
    const admin = actorWith('system_admin', DEPT);
    expect(() => authorize(admin, 'unit.manage', TARGETS.siblingUnit)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorize(admin, 'unit.manage', TARGETS.childUnit)).not.toThrow();
  });

  it('combines several grants: a person with roles in two units acts in both', () => {
    const actor: Actor = {
      ...actorWith('processing_official', DEPT),
      grants: [
        { role: 'processing_official', unitId: DEPT },
        { role: 'unit_leader', unitId: SIBLING },
      ],
    };
    expect(can(actor, 'dossier.process', TARGETS.childUnit)).toBe(true);
    expect(can(actor, 'dossier.approve', TARGETS.siblingUnit)).toBe(true);
    expect(can(actor, 'dossier.approve', TARGETS.sameUnit)).toBe(false);
    expect(can(actor, 'dossier.process', TARGETS.siblingUnit)).toBe(false);
  });
});

describe('API token scopes narrow, never widen, the roles', () => {
  it('allows only scoped actions, with TOKEN_SCOPE for the rest', () => {
    const token = actorWith('system_admin', PROVINCE, ['unit.manage']);
    expect(can(token, 'unit.manage', TARGETS.childUnit)).toBe(true);
    expect(can(token, 'user.manage', TARGETS.childUnit)).toBe(false);
    expect(() => authorize(token, 'user.manage', TARGETS.childUnit)).toThrow(
      expect.objectContaining({ code: 'TOKEN_SCOPE' }),
    );
  });

  it('accepts area wildcards', () => {
    const token = actorWith('processing_official', DEPT, ['dossier.*']);
    expect(can(token, 'dossier.process', TARGETS.sameUnit)).toBe(true);
    expect(can(token, 'dossier.read', TARGETS.sameUnit)).toBe(true);
  });

  it('a scope the roles do not grant gives nothing', () => {
    const token = actorWith('processing_official', DEPT, ['unit.manage']);
    expect(can(token, 'unit.manage', TARGETS.sameUnit)).toBe(false);
  });

  it('lists as grantable exactly the actions the roles hold', () => {
    expect(grantableScopes(actorWith('unit_leader', DEPT))).toEqual([
      'user.read',
      'workflow.approve',
      'dossier.read',
      'dossier.approve',
      'kpi.read',
      'feedback.handle',
      'queue.manage',
      'payment.reconcile',
      'payment.exempt',
      'payment.refund',
      'plan.read',
      'plan.manage',
      'plan.report',
      'report.read',
      'report.sign',
    ]);
    expect(grantableScopes(actorWith('citizen', null))).toEqual(['dossier.read']);
  });
});
