import { ApiError } from '../../../api.js';

export interface Problem {
  /** Field path in the request, e.g. "applicant.idNumber" (validation failures only). */
  path?: string;
  message: string;
}

/**
 * The per-field or per-component reasons of a refused filing: VALIDATION_FAILED lists field
 * paths and messages, DOSSIER_INCOMPLETE the components' problems (both in Vietnamese).
 */
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as
    | { problems?: { message: string }[] }
    | { path: string; message: string }[]
    | undefined;
  if (Array.isArray(details)) return details.map((d) => ({ path: d.path, message: d.message }));
  return details?.problems?.map((p) => ({ message: p.message })) ?? [];
}
