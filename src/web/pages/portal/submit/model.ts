/** The online filing form's data and how it becomes the body of POST /api/dossiers. */
import type { ApiBody } from '../../../api/types.js';
import type { ProcedureDetail, StoredFile, StoreItem } from '../../../types.js';

export interface ApplicantValues {
  kind: 'citizen' | 'organization';
  fullName?: string;
  idNumber?: string;
  name?: string;
  taxCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** Where to file, when several units decide the procedure (each commune, for instance). */
  competentUnitId?: string;
}

/**
 * A component is satisfied by uploaded files, by an item of the applicant's data store, or (at
 * the counter only) by a paper the officer checked against its original (no file kept).
 */
export type ComponentChoice =
  | { kind: 'files'; files: StoredFile[] }
  | { kind: 'store'; item: StoreItem }
  | { kind: 'originalChecked' };
export type Choices = Record<string, ComponentChoice>;

const filled = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The applicant as the API wants it: blank optional fields left out (an empty phone is invalid). */
export function applicantBody(v: ApplicantValues) {
  const contact = { phone: filled(v.phone), email: filled(v.email), address: filled(v.address) };
  return v.kind === 'organization'
    ? { kind: 'organization' as const, name: v.name!.trim(), taxCode: v.taxCode!.trim(), ...contact }
    : { kind: 'citizen' as const, fullName: v.fullName!.trim(), idNumber: v.idNumber!.trim(), ...contact };
}

/** A component of POST /api/dossiers' body: the portal sends uploaded files or a data-store item. */
export type IntakeComponent = Exclude<
  ApiBody<'/api/dossiers', 'post'>['components'][number],
  { nationalDocumentId: string }
>;

export function componentsBody(choices: Choices): IntakeComponent[] {
  return Object.entries(choices).flatMap(([componentId, choice]): IntakeComponent[] => {
    if (choice.kind === 'store') return [{ componentId, storeItemId: choice.item.id }];
    if (choice.kind === 'originalChecked') return [{ componentId, originalChecked: true as const }];
    return choice.files.length > 0 ? [{ componentId, fileIds: choice.files.map((f) => f.id) }] : [];
  });
}

export function isProvided(choice: ComponentChoice | undefined): boolean {
  return choice !== undefined && (choice.kind !== 'files' || choice.files.length > 0);
}

/** Mandatory components not yet provided, by name (what the applicant must still add). */
export function missingComponents(procedure: ProcedureDetail, choices: Choices): string[] {
  return procedure.components.filter((c) => c.mandatory && c.id && !isProvided(choices[c.id])).map((c) => c.name);
}

/** Data-store items that fit a component: the store names items after the component they filled. */
export function storeMatches(items: readonly StoreItem[], componentName: string): StoreItem[] {
  const key = componentName.trim().toLowerCase();
  return items.filter((item) => item.kind === 'document' && item.name.trim().toLowerCase() === key);
}

/**
 * One key per filling of the form, sent as Idempotency-Key: a double click or a retry after a
 * lost answer returns the dossier the first request created instead of filing twice.
 * crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
