/** The counter intake's data: the portal's filing model plus a representative and the QR fill. */
import type { FormInstance } from 'antd';
import { api, ApiError } from '../../../../api.js';
import type { ApiBody, ApiResponse } from '../../../../api/types.js';
import type { Me, ProcedureDetail, StoreItem } from '../../../../types.js';
import { type ApplicantValues, applicantBody, type Choices, componentsBody } from '../../../portal/submit/model.js';
import { lockedFields } from '../../../../../modules/eforms/fields.rules.js';
import { definitionOf, type EformDoc, type LoadedEform, type Prefill } from '../../../portal/submit/eform/model.js';
import type { ChipCard } from '../../dossiers/types.js';

export interface CounterApplicantValues extends ApplicantValues {
  withRepresentative?: boolean;
  representative?: { fullName?: string; idNumber?: string; phone?: string; authority?: string };
}

const filled = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function counterApplicant(v: CounterApplicantValues) {
  const r = v.withRepresentative ? v.representative : undefined;
  const representative = r && {
    fullName: r.fullName!.trim(),
    idNumber: r.idNumber!.trim(),
    phone: filled(r.phone),
    authority: filled(r.authority),
  };
  return { ...applicantBody(v), ...(representative ? { representative } : {}) };
}

/** The data-store key: personal identifier or tax code, as typed so far. */
export function applicantKeyOf(v: CounterApplicantValues): string | undefined {
  return filled(v.kind === 'organization' ? v.taxCode : v.idNumber);
}

/** POST /api/dossiers for the counter channel (with the e-form's values when it was filled). */
export function counterIntakeBody(
  procedure: ProcedureDetail,
  v: CounterApplicantValues,
  choices: Choices,
  receivingUnitId?: string,
  eform?: Record<string, unknown>,
): ApiBody<'/api/dossiers', 'post'> {
  return {
    procedureId: procedure.id,
    channel: 'counter' as const,
    applicant: counterApplicant(v),
    components: componentsBody(choices),
    ...(v.competentUnitId ? { competentUnitId: v.competentUnitId } : {}),
    ...(receivingUnitId ? { receivingUnitId } : {}),
    ...(eform ? { eform: { values: eform } } : {}),
  };
}

/** Whose data prefills the form at the counter: the citizen applicant's personal identifier, or the representative's. */
export function prefillPersonOf(v: CounterApplicantValues): string | undefined {
  const id = filled(v.kind === 'organization' ? v.representative?.idNumber : v.idNumber);
  return id && /^\d{12}$/.test(id) ? id : undefined;
}

/**
 * The procedure's e-form at the counter, prefilled for the applicant the officer names (the
 * prefill route's `?applicant=`; population values locked as on the portal); null when the
 * procedure has no form. Without an identifier the form comes empty.
 */
export async function loadCounterEform(
  procedureId: string,
  applicant: string | undefined,
): Promise<LoadedEform | null> {
  let doc: EformDoc;
  try {
    doc = await api<EformDoc>(`/api/procedures/${procedureId}/eform`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
  const definition = definitionOf(doc);
  const prefill = applicant
    ? ((
        await api<ApiResponse<'/api/procedures/{id}/eform/prefill'>>(`/api/procedures/${procedureId}/eform/prefill`, {
          query: { applicant },
        })
      ).values as Prefill)
    : {};
  const locked = new Set(lockedFields(definition).filter((k) => prefill[k]?.source === 'population'));
  return { definition, doc, prefill, locked, draft: null };
}

/**
 * A read card fills the person it belongs to: the applicant when a citizen files, the
 * representative when an organization does (its representative is the one at the counter).
 */
export function fillFromCard(
  form: FormInstance<CounterApplicantValues>,
  card: ChipCard,
): 'applicant' | 'representative' {
  if (form.getFieldValue('kind') === 'organization') {
    form.setFieldsValue({
      withRepresentative: true,
      representative: { ...form.getFieldValue('representative'), fullName: card.fullName, idNumber: card.idNumber },
    });
    return 'representative';
  }
  form.setFieldsValue({ fullName: card.fullName, idNumber: card.idNumber, address: card.address });
  return 'applicant';
}

/** Where the officer receives: the units of their one-stop or postal roles. */
export function receivingUnits(me: Me): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if ((r.role === 'one_stop_officer' || r.role === 'postal_officer') && r.unitId)
      seen.set(r.unitId, r.unitName ?? r.unitId);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * The applicant's earlier papers that fit this procedure, to reuse instead of scanning again: the
 * officer opens a read of the applicant's store for this intake (audited with its purpose), then
 * lists it. Null when the store cannot be read here (the intake goes on with scans).
 */
export async function storeForIntake(
  applicantKey: string,
  procedure: ProcedureDetail,
  receivingUnitId: string | undefined,
  purpose: string,
): Promise<StoreItem[] | null> {
  try {
    const read = await api<ApiResponse<'/api/store/reads', 'post'>>('/api/store/reads', {
      method: 'POST',
      body: {
        applicantKey,
        procedureId: procedure.id,
        purpose,
        ...(receivingUnitId ? { receivingUnitId } : {}),
      } satisfies ApiBody<'/api/store/reads', 'post'>,
    });
    const listed = await api<ApiResponse<'/api/store'>>('/api/store', {
      query: { readId: read.id, procedureId: procedure.id },
    });
    return listed.items;
  } catch {
    return null;
  }
}
