import { describe, expect, it } from 'vitest';
import { componentProblems } from './intake.rules.js';

const FORM = '00000000-0000-4000-8000-000000000001';
const ID_CARD = '00000000-0000-4000-8000-000000000002';
const required = [
  { id: FORM, name: 'Tờ khai', kind: 'original', mandatory: true },
  { id: ID_CARD, name: 'Căn cước (xuất trình)', kind: 'copy', mandatory: true },
] as Parameters<typeof componentProblems>[0];
const file = 'f0000000-0000-4000-8000-000000000001';

describe('componentProblems', () => {
  it.each([
    [
      'files for both',
      [
        { componentId: FORM, fileIds: [file] },
        { componentId: ID_CARD, fileIds: [file] },
      ],
      [],
    ],
    [
      'a paper checked against its original instead of a file',
      [
        { componentId: FORM, fileIds: [file] },
        { componentId: ID_CARD, fileIds: [], originalChecked: true },
      ],
      [],
    ],
    [
      'neither file nor check',
      [
        { componentId: FORM, fileIds: [file] },
        { componentId: ID_CARD, fileIds: [] },
      ],
      ['noFiles'],
    ],
    [
      'an original (to hand in) only shown',
      [
        { componentId: FORM, fileIds: [], originalChecked: true },
        { componentId: ID_CARD, fileIds: [file] },
      ],
      ['notCheckable'],
    ],
    ['a mandatory one left out', [{ componentId: FORM, fileIds: [file] }], ['missing']],
  ])('%s', (_what, provided, expected) => {
    expect(componentProblems(required, provided).map((p) => p.problem)).toEqual(expected);
  });
});
