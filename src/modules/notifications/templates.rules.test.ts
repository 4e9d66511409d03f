import { describe, expect, it } from 'vitest';
import { KIND_NAMES, KINDS } from './kinds.js';
import { DEFAULT_TEMPLATES, placeholdersOf, render, unknownPlaceholders } from './templates.rules.js';

describe('render', () => {
  it.each([
    [
      'fills',
      '{{code}} hẹn {{appointment}}',
      { code: 'A-1', appointment: '08:00 09/12/2026' },
      'A-1 hẹn 08:00 09/12/2026',
    ],
    ['spaces inside braces', '{{ code }}', { code: 'A-1' }, 'A-1'],
    ['a missing value is empty, not the name', 'Lý do: {{note}}.', {}, 'Lý do: .'],
    ['numbers', '{{total}} hồ sơ', { total: 3 }, '3 hồ sơ'],
    ['not a placeholder', '{code} {{1x}}', { code: 'A' }, '{code} {{1x}}'],
  ])('%s', (_name, body, data, expected) => {
    expect(render({ subject: 's', body }, data).body).toBe(expected);
  });
});

describe('placeholders', () => {
  it('lists each once, in order', () => expect(placeholdersOf('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']));
  it.each([
    ['dossier.received', 'Hồ sơ {{code}}', []],
    ['dossier.received', 'Người nộp {{applicantName}} {{idNumber}}', ['applicantName', 'idNumber']],
    ['unit.lateList', '{{unit}}: {{list}} {{code}}', ['code']],
  ] as const)('%s: %s', (kind, body, unknown) => {
    expect(unknownPlaceholders(kind, { subject: '', body })).toEqual(unknown);
  });
});

describe('the built-in templates', () => {
  it.each(KIND_NAMES)('%s uses only its variables, in both languages', (kind) => {
    for (const locale of ['vi', 'en'] as const) {
      expect(unknownPlaceholders(kind, DEFAULT_TEMPLATES[kind][locale])).toEqual([]);
    }
  });
  it('legal notices are the forms 02, 03, 04 and 05 of Circular 03/2025', () => {
    expect(KIND_NAMES.filter((k) => KINDS[k].legal).sort()).toEqual([
      'dossier.apology',
      'dossier.refused',
      'dossier.stopped',
      'dossier.supplementRequested',
    ]);
  });
});
