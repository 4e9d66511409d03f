/**
 * Form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) on one page for every demo procedure: the
 * receipt is handed over at the counter, and a second page holding only the signatures and the QR
 * code is what the issue reported. Each receipt lists all of the procedure's components (as filed
 * at the counter), its fees and a long applicant address.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNEX_TITLE, type ComponentKind } from '../src/modules/documents/forms/form01-receipt.js';
import { renderForm01 } from '../src/modules/documents/forms.js';
import { containsPhrase, pdfText } from '../src/modules/documents/testing/pdf-text.js';
import { sampleForms } from '../src/modules/documents/testing/samples.js';

interface DemoProcedure {
  nationalCode: string;
  content: {
    name: string;
    components: { name: string; kind: string; count: number }[];
    channels: { channel: string; fees: { name: string; amountVnd: number }[] }[];
  };
}

const procedures = JSON.parse(
  readFileSync(new URL('../src/modules/catalog/demo/procedures.vi.json', import.meta.url), 'utf8'),
) as DemoProcedure[];
const KIND: Record<string, ComponentKind> = { certifiedCopy: 'certified_copy', originalOrCopy: 'copy' };
const sample = sampleForms()['01'];
/** Pages of each receipt, in order (the last test reads them). */
const pageCounts: number[] = [];

describe('form 01 receipt of every demo procedure', () => {
  it.each(procedures.map((p) => [p.nationalCode, p] as const))(
    '%s keeps its signatures with the body',
    async (_, procedure) => {
      const { content } = procedure;
      const pdf = await renderForm01({
        ...sample,
        applicant: {
          ...sample.applicant,
          address: 'Số 125/7A đường Trần Hưng Đạo, khóm Đông Thịnh 3, phường Long Xuyên, tỉnh An Giang',
        },
        procedureName: content.name,
        components: content.components.map((c) => ({
          name: c.name,
          kind: KIND[c.kind] ?? (c.kind as ComponentKind),
          count: c.count,
        })),
        fees: content.channels.find((c) => c.channel === 'counter')?.fees ?? [],
      });
      const { pages } = await pdfText(pdf);
      // The signatures and the QR code are on the first page, with the body.
      expect(pages[0]).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
      expect(pages[0]).toContain('Tra cứu hồ sơ');
      // A list too long for one sheet moves to an annex after the signatures.
      for (const page of pages.slice(1)) expect(containsPhrase(page, ANNEX_TITLE.toUpperCase())).toBe(true);
      pageCounts.push(pages.length);
    },
  );

  it('most fit one sheet (a smaller table or a tighter signature band), the rest one sheet and an annex', () => {
    expect(pageCounts).toHaveLength(procedures.length);
    expect(Math.max(...pageCounts)).toBe(2);
    expect(pageCounts.filter((n) => n === 1).length).toBeGreaterThanOrEqual(procedures.length - 6);
  });
});
