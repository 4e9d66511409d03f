/**
 * Which papers an officer may check against the original at the counter (đã đối chiếu bản chính)
 * instead of keeping a file. Decree 23/2015/NĐ-CP Art. 6(2): where a plain copy is asked for, the
 * applicant may hand in a copy and show the original for comparison; a certified copy is valid as
 * it is and an original is handed in, so neither is "shown". Plain data, also used by the web.
 */
export const ORIGINAL_CHECK_KINDS = ['copy', 'originalOrCopy'] as const;

export function originalCheckAllowed(kind: string): boolean {
  return (ORIGINAL_CHECK_KINDS as readonly string[]).includes(kind);
}
