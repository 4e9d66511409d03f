/** The built-in tờ khai of the demo catalog, each citing the legal text that prescribes it. */
import type { EformDefinition } from '../eform.types.js';
import { KHAI_SINH } from './khai-sinh.js';

export const FORM_LIBRARY: readonly EformDefinition[] = [KHAI_SINH];

/** The built-in form of a procedure (by its national code), if any. */
export const builtInFormFor = (nationalCode: string): EformDefinition | undefined =>
  FORM_LIBRARY.find((f) => f.procedureCodes.includes(nationalCode));
