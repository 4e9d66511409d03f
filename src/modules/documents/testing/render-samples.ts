import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORM_NUMBERS, renderForm } from '../forms.js';
import { sampleForms } from './samples.js';

/** `npx tsx src/modules/documents/testing/render-samples.ts [dir]`: one PDF per form, to look at. */
const dir = process.argv[2] ?? '/tmp/forms';
mkdirSync(dir, { recursive: true });
const samples = sampleForms();
for (const n of FORM_NUMBERS) {
  const pdf = await renderForm(n, samples[n]);
  writeFileSync(join(dir, `${n}.pdf`), pdf);
  console.log(`${n}.pdf ${pdf.length} bytes`);
}
