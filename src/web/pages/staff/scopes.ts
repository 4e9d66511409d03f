import { createContext, useContext } from 'react';

/** The actions the signed-in user holds on some unit (GET /api/me/scopes): what to offer. */
export const ScopesContext = createContext<ReadonlySet<string>>(new Set());

export function useHolds(action: string): boolean {
  return useContext(ScopesContext).has(action);
}
