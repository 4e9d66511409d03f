/**
 * The admin editor's check of a form definition, by a table of cases: every form of the library
 * passes; each broken definition (mutated from the birth-registration form) is refused with its
 * stable code at its path.
 */
import { describe, expect, it } from 'vitest';
import { type DefinitionProblemCode, definitionProblems } from './definition.rules.js';
import type { EformDefinition, FieldUi } from './eform.types.js';
import { FORM_LIBRARY } from './library/index.js';
import { KHAI_SINH } from './library/khai-sinh.js';
import { makeValidator } from './validation.rules.js';

const { schemaProblems } = makeValidator(() => true);
const check = (d: unknown) => definitionProblems(d, schemaProblems);

type Mutable = EformDefinition & Record<string, unknown>;
const props = (d: EformDefinition) => d.schema.properties as Record<string, Record<string, unknown>>;
const keyOf = (widget: FieldUi['widget']) =>
  Object.entries(KHAI_SINH.ui.fields).find(([, f]) => f.widget === widget)![0];

/** A copy of the birth-registration form changed by `change`. */
function broken(change: (d: Mutable) => void): unknown {
  const d = structuredClone(KHAI_SINH) as Mutable;
  change(d);
  return d;
}

const CASES: [name: string, definition: unknown, code: DefinitionProblemCode, path: string][] = [
  ['not an object', [], 'SHAPE', ''],
  ['no key', broken((d) => delete (d as Partial<Mutable>).key), 'SHAPE', 'key'],
  ['key not a slug', broken((d) => (d.key = 'Khai Sinh!')), 'KEY', 'key'],
  ['no citation', broken((d) => (d.legalSource = '  ')), 'CITATION', 'legalSource'],
  ['no commitment', broken((d) => (d.commitment = '')), 'COMMITMENT', 'commitment'],
  ['no signer', broken((d) => delete (d as Partial<Mutable>).signer), 'COMMITMENT', 'signer'],
  ['no schema', broken((d) => delete (d as Partial<Mutable>).schema), 'SHAPE', 'schema'],
  ['no layout', broken((d) => delete (d as Partial<Mutable>).ui), 'SHAPE', 'ui'],
  [
    'schema ajv 2020 refuses (unknown keyword, strict)',
    broken((d) => (props(d).childFullName!.maxLenght = 10)),
    'SCHEMA_COMPILE',
    'schema',
  ],
  ['schema with a bad type', broken((d) => (props(d).childFullName!.type = 'strin')), 'SCHEMA_COMPILE', 'schema'],
  ['root not an object schema', broken((d) => (d.schema.type = 'array')), 'SCHEMA_NOT_OBJECT', 'schema'],
  [
    'layout lists an unknown field',
    broken((d) => d.ui.sections[1]!.fields.push('ghost')),
    'LAYOUT_UNKNOWN_FIELD',
    `ui.sections.1.fields.${KHAI_SINH.ui.sections[1]!.fields.length}`,
  ],
  [
    'a field placed twice',
    broken((d) => d.ui.sections[1]!.fields.push(d.ui.sections[0]!.fields[0]!)),
    'LAYOUT_DUPLICATE_FIELD',
    `ui.sections.1.fields.${KHAI_SINH.ui.sections[1]!.fields.length}`,
  ],
  [
    'a field in no section',
    broken((d) => (d.ui.sections[1]!.fields = d.ui.sections[1]!.fields.filter((f) => f !== 'childHometown'))),
    'LAYOUT_UNPLACED_FIELD',
    'ui.fields.childHometown',
  ],
  [
    'two sections with one key',
    broken((d) => (d.ui.sections[1]!.key = d.ui.sections[0]!.key)),
    'SECTION_KEY',
    'ui.sections.1.key',
  ],
  [
    'a UI field without schema',
    broken((d) => delete props(d).childHometown),
    'UI_WITHOUT_SCHEMA',
    'ui.fields.childHometown',
  ],
  [
    'a schema property without UI',
    broken((d) => (props(d).extra = { type: 'string' })),
    'SCHEMA_WITHOUT_UI',
    'schema.properties.extra',
  ],
  [
    'required names an unknown field',
    broken((d) => (d.schema.required as string[]).push('ghost')),
    'REQUIRED_UNKNOWN',
    'schema.required',
  ],
  [
    'unknown widget',
    broken((d) => ((d.ui.fields.childHometown as { widget: string }).widget = 'slider')),
    'WIDGET',
    'ui.fields.childHometown.widget',
  ],
  [
    'no Vietnamese label',
    broken((d) => (d.ui.fields.childHometown!.label.vi = '')),
    'LABEL',
    'ui.fields.childHometown.label',
  ],
  [
    'choice options differ from the enum',
    broken((d) => d.ui.fields[keyOf('choice')]!.options!.pop()),
    'CHOICE_OPTIONS',
    `ui.fields.${keyOf('choice')}.options`,
  ],
  [
    'computed field reads an unknown field',
    broken((d) => (d.ui.fields[keyOf('computed')]!.compute = { kind: 'upper', from: 'ghost' })),
    'COMPUTE',
    `ui.fields.${keyOf('computed')}.compute`,
  ],
  [
    'prefill from an unknown fact',
    broken((d) => (d.ui.fields.childHometown!.prefill = [{ fact: 'applicant.salary' as never }])),
    'PREFILL_FACT',
    'ui.fields.childHometown.prefill.0',
  ],
  [
    'condition on an unknown field',
    broken((d) => (d.ui.sections[2]!.visibleWhen = { field: 'ghost', equals: true })),
    'VISIBLE_WHEN',
    'ui.sections.2.visibleWhen',
  ],
];

describe('definitionProblems', () => {
  it.each(FORM_LIBRARY.map((f) => [f.key, f] as const))('the library form %s passes', (_key, form) => {
    expect(check(form)).toEqual([]);
  });

  it.each(CASES)('%s → %s', (_name, definition, code, path) => {
    const problems = check(definition);
    expect(problems, JSON.stringify(problems)).toContainEqual(expect.objectContaining({ code, path }));
    for (const p of problems) expect(p.message).toMatch(/\p{L}/u);
  });

  it('a repeatable group whose sub-fields differ from its item schema', () => {
    const group = FORM_LIBRARY.flatMap((f) =>
      Object.entries(f.ui.fields)
        .filter(([, u]) => u.widget === 'group')
        .map(([k]) => [f, k] as const),
    )[0]!;
    const d = structuredClone(group[0]);
    d.ui.fields[group[1]]!.itemOrder!.push('ghost');
    expect(check(d)).toContainEqual(
      expect.objectContaining({ code: 'GROUP_ITEMS', path: `ui.fields.${group[1]}.items` }),
    );
  });
});
