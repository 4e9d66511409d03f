import type { ThemeConfig } from 'antd';

/**
 * The app's antd theme: the province's red, and colours dark enough for WCAG AA text contrast
 * (4.5:1, axe-core's color-contrast rule) where antd's defaults are too pale on white or on the
 * layout's #f5f5f5 — links (#1677ff, 4.1:1), secondary text (black at 45 %, 3.4:1), danger buttons
 * and form errors (#ff4d4f, 3.3:1), and the text of coloured tags, which antd draws in shade 7 of
 * each palette on shade 1 (green 3.4:1, gold 2.8:1…): those get shade 8 or 9 instead.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 6,
    colorLink: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
    volcano7: '#ad2102',
    orange7: '#ad4e00',
    gold7: '#874d00',
    yellow7: '#876800',
    lime7: '#3f6600',
    green7: '#237804',
    cyan7: '#006d75',
  },
};
