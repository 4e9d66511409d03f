/** An optional text field as the API wants it: trimmed, or null when left blank. */
export const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
