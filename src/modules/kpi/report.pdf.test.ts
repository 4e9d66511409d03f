import { describe, expect, it } from 'vitest';
import { pdfText } from '../documents/testing/pdf-text.js';
import { REPORT_TABLE } from './report.layout.js';
import { renderReportPdf } from './report.pdf.js';
import { DIMENSION_LABELS, type ReportCounts, type ReportRow, zeroCounts } from './report.rules.js';

const NOW = new Date('2026-03-21T02:00:00Z');
const counts = (n: number): ReportCounts => {
  const c = zeroCounts();
  for (const key of Object.keys(c) as (keyof ReportCounts)[]) c[key] = n * 1_000 + key.length;
  return c;
};
/** Long unit names, large counts: the widest content a monthly report by unit meets. */
const rows = (n: number): ReportRow[] =>
  Array.from({ length: n }, (_, i) => ({
    key: String(i),
    label: `Trung tâm Phục vụ hành chính công xã số ${i + 1} (Bộ phận Một cửa)`,
    counts: counts(i + 1),
  }));
const render = (n: number) =>
  renderReportPdf(
    { title: 'Báo cáo tháng 3/2026', from: '2026-02-21', to: '2026-03-20', groupBy: 'unit' },
    { unitName: 'Ủy ban nhân dân tỉnh An Giang', parentName: null, asOf: '2026-03-20T16:59:59Z', rows: rows(n) },
    NOW,
  );

/** The words of a page as a reader copies them (any whitespace separates). */
const words = (text: string) => new Set(text.split(/\s+/).map((w) => w.replace(/[:,.()]/g, '')));

describe('report PDF table', () => {
  it('writes every column header in whole words (no word broken across lines)', async () => {
    const { pages } = await pdfText(await render(3));
    const found = words(pages[0]!);
    const headerWords = [
      ...new Set(
        [DIMENSION_LABELS.unit, 'Nhận', 'Đã giải quyết', 'Đang giải quyết', ...REPORT_TABLE.map((c) => c.header)]
          .flatMap((h) => h.split(/\s+/))
          .map((w) => w.replace(/[:,.()]/g, '')),
      ),
    ];
    expect(headerWords.filter((w) => !found.has(w))).toEqual([]);
    // The total line's counts whole too (6.033 carried over; words() drops the thousands dot).
    expect(found).toContain(String(6_000 + 3 * 'carriedOver'.length));
  });

  it('repeats the column headers on every page of a long report', async () => {
    const { pages } = await pdfText(await render(60));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(words(page)).toContain('chuyển');
  });
});
