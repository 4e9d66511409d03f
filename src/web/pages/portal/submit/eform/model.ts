/**
 * The e-form on the portal: the form as the API serves it, made a definition the shared rules
 * take (src/modules/eforms: the same schema, computed fields and validation as the server).
 */
import { api, ApiError } from '../../../../api.js';
import type { ApiResponse } from '../../../../api/types.js';
import { withComputed } from '../../../../../modules/eforms/computed.rules.js';
import type { EformDefinition, SourcedValue } from '../../../../../modules/eforms/eform.types.js';
import { lockedFields, shownValues } from '../../../../../modules/eforms/fields.rules.js';
import { type FieldError, makeValidator } from '../../../../../modules/eforms/validation.rules.js';

export type EformDoc = ApiResponse<'/api/procedures/{id}/eform'>;
export type Values = Record<string, unknown>;
export type Prefill = Record<string, SourcedValue>;

export interface LoadedEform {
  definition: EformDefinition;
  doc: EformDoc;
  prefill: Prefill;
  locked: Set<string>;
  /** The draft's values, when one was saved. */
  draft: { values: Values; updatedAt: string } | null;
}

export function definitionOf(doc: EformDoc): EformDefinition {
  return {
    key: doc.key,
    procedureCodes: [],
    title: doc.title,
    legalSource: doc.legalSource,
    addressee: false,
    schema: doc.schema,
    ui: doc.ui as unknown as EformDefinition['ui'],
    commitment: doc.commitment,
    signer: doc.signer,
  };
}

/** The procedure's form with its prefill and the caller's draft; null when the procedure has no form. */
export async function loadEform(procedureId: string): Promise<LoadedEform | null> {
  let doc: EformDoc;
  try {
    doc = await api<EformDoc>(`/api/procedures/${procedureId}/eform`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
  const definition = definitionOf(doc);
  const [prefill, draft] = await Promise.all([
    api<ApiResponse<'/api/procedures/{id}/eform/prefill'>>(`/api/procedures/${procedureId}/eform/prefill`),
    api<ApiResponse<'/api/me/eform-drafts/{id}'>>(`/api/me/eform-drafts/${procedureId}`),
  ]);
  const values = prefill.values as Prefill;
  const locked = new Set(lockedFields(definition).filter((k) => values[k]?.source === 'population'));
  return {
    definition,
    doc,
    prefill: values,
    locked,
    draft: draft.updatedAt ? { values: draft.values as Values, updatedAt: draft.updatedAt } : null,
  };
}

/** Where the form starts: the prefill, under the draft's values (never over a locked one). */
export function initialValues(loaded: LoadedEform): Values {
  const values: Values = Object.fromEntries(Object.entries(loaded.prefill).map(([k, v]) => [k, v.value]));
  for (const [k, v] of Object.entries(loaded.draft?.values ?? {})) if (!loaded.locked.has(k)) values[k] = v;
  return values;
}

// The commune picker only offers communes of the chosen province; the server checks the pair again.
const validator = makeValidator(() => true);

/** What is filed: shown sections only, computed fields computed. */
export const filedValues = (definition: EformDefinition, values: Values): Values =>
  withComputed(definition, shownValues(definition, values));

export function errorsOf(definition: EformDefinition, values: Values): Map<string, string> {
  const errors: FieldError[] = validator.validate(definition, filedValues(definition, values));
  return new Map(errors.map((e) => [e.path, e.message]));
}
