import { describe, expect, it } from 'vitest';
import { criterionText } from './ratingApi.js';

const levels = ['Không hài lòng', 'Bình thường', 'Hài lòng'];
const levelsEn = ['Dissatisfied', 'Neutral', 'Satisfied'];

describe('criterionText', () => {
  it('shows the Vietnamese label and levels by default, the English ones when the UI is in English', () => {
    const c = {
      key: 'overall',
      label: 'Mức độ hài lòng chung',
      labelEn: 'Overall satisfaction',
      scale: 3 as const,
      levels,
      levelsEn,
    };
    expect(criterionText(c, 'vi')).toEqual({ label: 'Mức độ hài lòng chung', levels });
    expect(criterionText(c, 'en')).toEqual({ label: 'Overall satisfaction', levels: levelsEn });
  });
  it('falls back to the Vietnamese label where the province gave no English one', () => {
    const c = { key: 'guidance', label: 'Hướng dẫn của cán bộ', labelEn: null, scale: 3 as const, levels, levelsEn };
    expect(criterionText(c, 'en')).toEqual({ label: 'Hướng dẫn của cán bộ', levels: levelsEn });
  });
});
