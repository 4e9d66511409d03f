/**
 * What the public accountability pages hide. A dossier's code is the key of the public lookup
 * (/tra-cuu, no login), which shows the applicant's masked name and the dossier's steps: a list of
 * late dossiers printed with whole codes would be an index of other people's dossiers. The page
 * keeps the last four characters (enough for the applicant, who knows the code, to find theirs)
 * and hides the rest, so a code read here cannot be looked up.
 */
export const MASK = '•';

export function maskDossierCode(code: string): string {
  const keep = Math.min(4, Math.floor(code.length / 2));
  return MASK.repeat(Math.max(code.length - keep, 0)) + code.slice(code.length - keep);
}
