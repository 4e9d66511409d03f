/**
 * The living demo's catalog offers each e-form's blank paper tờ khai as the component's form file
 * (mẫu đơn, tờ khai), so the procedure page shows a download and not only the form's name (issue
 * 15 item 12): rendered from the same definition as the online form, attached through the
 * catalog as the procedure control officer would upload it.
 */
import type { Actor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db.js';
import { attachFormFile } from '../catalog/form-files.service.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { blankFormPdf, publishedForms } from '../eforms/eforms.service.js';
import { formComponentOf } from '../eforms/fields.rules.js';
import type { FileStorage } from '../files/storage.js';

/** Attaches every published form's blank tờ khai to its component; returns how many. */
export async function attachBlankForms(db: Database, files: FileStorage, by: Actor, now: Date): Promise<number> {
  const ctx = { requestId: 'seed-demo', ip: null, actor: by };
  let attached = 0;
  for (const form of await publishedForms(db)) {
    const content = await procedureVersionContent(db, form.procedureVersionId);
    const component = content && formComponentOf(content.components, form.definition);
    if (!component?.id || !component.formTemplate) continue;
    const data = await blankFormPdf(form.definition);
    await attachFormFile(
      db,
      files,
      ctx,
      { versionId: form.procedureVersionId, componentId: component.id, data, fileName: `${form.definition.title}.pdf` },
      now,
    );
    attached++;
  }
  return attached;
}
