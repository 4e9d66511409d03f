/** The server's validator: the address keyword checks against the address package (address-data.ts). */
import { communeInProvince } from './address-data.js';
import type { EformDefinition, JsonSchema } from './eform.types.js';
import { type FieldError, makeValidator } from './validation.rules.js';

const validator = makeValidator(communeInProvince);

export const validateValues = (definition: Pick<EformDefinition, 'schema'>, values: unknown): FieldError[] =>
  validator.validate(definition, values);

/** Why a schema is not one the server compiles (ajv 2020 with MotCua's formats); the admin editor's check. */
export const schemaProblems = (schema: JsonSchema): string[] => validator.schemaProblems(schema);
