/** The server's validator: the address keyword checks against the address package (address-data.ts). */
import { communeInProvince } from './address-data.js';
import type { EformDefinition } from './eform.types.js';
import { type FieldError, makeValidator } from './validation.rules.js';

const validator = makeValidator(communeInProvince);

export const validateValues = (definition: Pick<EformDefinition, 'schema'>, values: unknown): FieldError[] =>
  validator.validate(definition, values);
