import { describe, expect, it } from 'vitest';
import { allowedEdits, correctWords, editDistance } from './spelling.rules.js';

describe('editDistance', () => {
  it.each([
    ['khai', 'khai', 0],
    ['khia', 'khai', 1], // adjacent transposition
    ['ki', 'ky', 1],
    ['sinh', 'snh', 1],
    ['giay', 'giayy', 1],
    ['phep', 'phap', 1],
    ['kethon', 'kehton', 1],
    ['dang', 'dnga', 2],
    ['abc', '', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
    expect(editDistance(b, a, 3)).toBe(d);
  });

  it('stops early past the bound', () => {
    expect(editDistance('xay dung', 'khai sinh', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('correctWords', () => {
  const vocabulary = new Set(['dang', 'ky', 'khai', 'sinh', 'ket', 'hon', 'kia', 'giay', 'phep', 'xay', 'dung']);

  it('keeps known words and corrects unknown ones to their nearest known words', () => {
    expect(correctWords(['dang', 'ki', 'khia', 'sinh'], vocabulary)).toEqual([
      ['dang'],
      ['kia', 'ky'],
      ['khai', 'kia'],
      ['sinh'],
    ]);
  });

  it('gives up on a word nothing resembles, and on one-letter unknowns', () => {
    expect(correctWords(['dang', 'qwzx'], vocabulary)).toBeNull();
    expect(correctWords(['o'], vocabulary)).toBeNull();
  });

  it('allows more edits for longer words', () => {
    expect([
      allowedEdits('o'),
      allowedEdits('ky'),
      allowedEdits('khai'),
      allowedEdits('thuong'),
      allowedEdits('chungthuc'),
    ]).toEqual([0, 1, 1, 2, 2]);
    expect(correctWords(['dnga'], new Set(['dang']))).toBeNull(); // 4 letters: 1 edit, and this is 2
    expect(correctWords(['tuhnog'], new Set(['thuong']))).toEqual([['thuong']]); // 6 letters: 2 edits
  });
});
